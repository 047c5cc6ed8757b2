import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DefaultTheme } from 'vitepress';

/** A chapter page as its front matter declares it. */
export interface Chapter {
  /** The number it is read in, e.g. 4. */
  chapter: number;
  title: string;
  /** The sidebar group it belongs to, e.g. "The mechanism". */
  part: string;
  link: string;
  /** One sentence on what the chapter shows, from the page's `description:`. */
  description: string;
}

/** The sidebar groups in reading order; a chapter names its group with `part:` in its front matter. */
export const PARTS = ['The mechanism', 'Beyond the paper', 'Reference'] as const;

function frontMatter(text: string): Record<string, string> {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return fields;
}

/**
 * Lists the chapter pages found in `dir` (Markdown files whose front matter has `chapter:`), in reading order.
 * The sidebar is built from this, so a chapter appears in the navigation exactly when its page exists.
 */
export function findChapters(dir: string, base = '/guide/'): Chapter[] {
  let files: string[];
  try {
    // A chapter is a page `name.md`, or a folder `name/` whose `index.md` opens a group of pages (the API reference).
    files = readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
      if (f.isFile() && f.name.endsWith('.md')) return [f.name];
      return f.isDirectory() && existsSync(join(dir, f.name, 'index.md')) ? [`${f.name}/index.md`] : [];
    });
  } catch {
    return [];
  }
  const chapters: Chapter[] = [];
  for (const file of files) {
    const fm = frontMatter(readFileSync(join(dir, file), 'utf8'));
    const chapter = Number(fm.chapter);
    if (!Number.isFinite(chapter) || !fm.title) continue;
    const part = PARTS.includes(fm.part as (typeof PARTS)[number]) ? fm.part : PARTS[0];
    chapters.push({
      chapter,
      title: fm.title,
      part,
      link: file.endsWith('/index.md') ? `${base}${dirname(file)}/` : `${base}${basename(file, '.md')}`,
      description: fm.description ?? '',
    });
  }
  return chapters.sort((a, b) => a.chapter - b.chapter);
}

/** Groups chapters into the sidebar, numbered as the reader meets them. */
export function sidebarOf(chapters: Chapter[]): DefaultTheme.SidebarItem[] {
  return PARTS.map((part) => ({
    text: part,
    items: chapters
      .filter((c) => c.part === part)
      .map((c) => ({ text: part === 'Reference' ? c.title : `${c.chapter}. ${c.title}`, link: c.link })),
  })).filter((group) => group.items.length > 0);
}
