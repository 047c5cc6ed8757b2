import { fileURLToPath } from 'node:url';
import { type DefaultTheme, defineConfigWithTheme } from 'vitepress';
import { readApiPages, withApiPages } from './apiPages';
import { type Chapter, findChapters, sidebarOf } from './chapters';
import { chartPreloads } from './chartPreloads';
import { firstPaintScript } from './firstPaintScript';

/** The default theme's settings plus the chapter list the landing page reads. */
export interface ThemeConfig extends DefaultTheme.Config {
  chapters: Chapter[];
}

const chapters = findChapters(fileURLToPath(new URL('../guide', import.meta.url)));
// The API reference's pages are generated before the build (scripts/api-docs.mjs) and nest under chapter 15.
const apiPages = readApiPages(fileURLToPath(new URL('../guide/api', import.meta.url)));
const first = chapters[0]?.link;
const preloads = chartPreloads();
const firstPaint = firstPaintScript();

export default defineConfigWithTheme<ThemeConfig>({
  title: 'attn',
  description: 'Attention mechanisms, step by step, computed live in your browser.',
  lang: 'en',
  cleanUrls: false,
  // Math is typeset to SVG at build time (MathJax): no web fonts, nothing fetched by the reader's browser.
  markdown: { math: true },
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  transformHead: preloads.transformHead,
  transformHtml: firstPaint.transformHtml,
  themeConfig: {
    logo: '/favicon.svg',
    nav: first ? [{ text: 'Tutorial', link: first, activeMatch: '/guide/' }] : [],
    sidebar: { '/guide/': withApiPages(sidebarOf(chapters), apiPages) },
    // Read by the landing page's chapter list.
    chapters,
    outline: { level: [2, 3] },
    search: { provider: 'local' },
    docFooter: { prev: 'Previous chapter', next: 'Next chapter' },
    footer: { message: 'Every number on these pages is computed in your browser by @attn/tensor and @attn/attention.' },
  },
  vite: {
    plugins: [preloads.plugin, firstPaint.plugin],
    // vega and vega-lite load on demand in their own chunk; they are big, and that is expected.
    build: { chunkSizeWarningLimit: 2000 },
  },
});
