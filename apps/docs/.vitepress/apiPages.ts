import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefaultTheme } from 'vitepress';

/** One generated page of the API reference, as `scripts/api-docs.mjs` lists it in `guide/api/modules.json`. */
export interface ApiPage {
  /** The import name, e.g. "@attn/viz/render". */
  name: string;
  /** The page's file name under guide/api/, without `.md`, e.g. "viz-render". */
  page: string;
}

/**
 * The pages of the API reference, in the order the generator wrote them; none before the first generation.
 * @example
 * readApiPages('/work/main/apps/docs/guide/api'); // [{ name: '@attn/tensor', page: 'tensor' }, ...]
 */
export function readApiPages(dir: string): ApiPage[] {
  const file = join(dir, 'modules.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as ApiPage[]).map(({ name, page }) => ({ name, page }));
}

/**
 * The sidebar with the API reference's pages nested under its entry (the item linking to `base`), so that a
 * reader on any reference page sees the other packages next to it.
 * @example
 * withApiPages(sidebarOf(chapters), readApiPages(dir));
 */
export function withApiPages(
  sidebar: DefaultTheme.SidebarItem[],
  pages: ApiPage[],
  base = '/guide/api/',
): DefaultTheme.SidebarItem[] {
  return sidebar.map((group) => ({
    ...group,
    items: group.items?.map((item) =>
      item.link === base && pages.length > 0
        ? { ...item, collapsed: false, items: pages.map((p) => ({ text: p.name, link: `${base}${p.page}` })) }
        : item,
    ),
  }));
}
