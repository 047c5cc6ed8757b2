// Checks every internal link of the built site: each href and src in .vitepress/dist/**/*.html must name a file
// of the build (the way scripts/serve.mjs resolves URLs), and each #fragment an id on the target page.
// Usage: node scripts/check-links.mjs   (exits 1 and lists the broken links if there are any)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const distRoot = resolve(fileURLToPath(new URL('..', import.meta.url)), '.vitepress/dist');

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Maps a site path ("/guide/scores", "/assets/app.js") to a file of the build, or undefined. */
export function fileFor(root, sitePath) {
  const base = join(root, decodeURIComponent(sitePath));
  if (!base.startsWith(root)) return undefined;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    idCache.set(file, ids);
  }
  return idCache.get(file);
}

/**
 * Returns the broken internal links of the build in `root`: `{ page, link, reason }` for each.
 * External links (http:, https:, mailto:) are counted but not fetched: the site must work offline.
 */
export function checkLinks(root = distRoot) {
  if (!existsSync(root)) throw new Error(`check-links: no build at ${root}; run "pnpm build" first`);
  const broken = [];
  let checked = 0;
  let external = 0;
  for (const file of htmlFiles(root)) {
    const html = readFileSync(file, 'utf8');
    const pagePath = `/${relative(root, file).split(sep).join('/')}`;
    for (const [, attr, raw] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const link = raw.replaceAll('&amp;', '&');
      if (/^(https?:|mailto:)/.test(link)) {
        external += 1;
        continue;
      }
      if (/^(data:|blob:|javascript:)/.test(link) || link === '') continue;
      checked += 1;
      const url = new URL(link, `http://site${pagePath}`);
      const target = fileFor(root, url.pathname);
      if (!target) {
        broken.push({ page: pagePath, link, reason: `${attr} names no file of the build` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
        broken.push({ page: pagePath, link, reason: `no element with id "${fragment}" on the target page` });
      }
    }
  }
  return { broken, checked, external };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { broken, checked, external } = checkLinks();
  for (const b of broken) console.error(`${b.page}: ${b.link} (${b.reason})`);
  console.log(`check-links: ${checked} internal links checked, ${broken.length} broken, ${external} external`);
  process.exit(broken.length > 0 ? 1 : 0);
}
