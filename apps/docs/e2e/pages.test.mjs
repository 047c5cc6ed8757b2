// Every page of the build: loads with no console error, failed or off-origin request; every chart draws, with a
// text alternative, and (for SVG charts) as many marks in the DOM as the chart reports.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { distRoot } from '../scripts/check-links.mjs';
import { charts, NO_PROBLEMS, openPage, startSite } from './browser.mjs';

function pagesOf(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pagesOf(path);
    return name.endsWith('.html') && name !== '404.html' ? [`/${relative(distRoot, path).split(sep).join('/')}`] : [];
  });
}

const pages = pagesOf(distRoot).map((p) => p.replace(/index\.html$/, ''));

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

test('the build has the landing page and the chapters', () => {
  assert.ok(pages.includes('/'), 'landing page');
  assert.ok(pages.includes('/guide/what-attention-is-for.html'), 'chapter 1');
});

for (const path of pages) {
  test(`${path} loads cleanly and draws every chart`, async () => {
    const { page, context, problems } = await openPage(site, path);
    try {
      assert.match(await page.title(), /attn/);
      const drawn = await charts(page);
      for (const [i, c] of drawn.entries()) {
        assert.equal(c.state, 'ready', `chart ${i} of ${path} did not draw`);
        const total = Object.values(c.marks).reduce((a, b) => a + b, 0);
        assert.ok(total > 0, `chart ${i} of ${path} drew no marks`);
        assert.ok(c.alt.length > 10, `chart ${i} of ${path} has no text alternative`);
        assert.notEqual(
          c.alt,
          'Vega visualization',
          `chart ${i} of ${path}: Vega's placeholder label, not the chart's`,
        );
        if (c.renderer === 'svg') {
          assert.equal(c.svgRects, c.marks.rect ?? 0, `chart ${i} of ${path}: rects in the SVG vs the scenegraph`);
        }
      }
      // the favicon the head names is served
      const icon = await page.$eval('link[rel="icon"]', (l) => l.href);
      const res = await page.request.get(icon);
      assert.equal(res.status(), 200);
      assert.deepEqual(problems, NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
}

/** The elements that stick out past the right edge of the viewport (outermost first), for the failure message. */
function overflowing(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > innerWidth + 0.5 && !out.some((o) => o.el.contains(el)))
        out.push({
          el,
          text: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${r.right.toFixed(0)}`,
        });
    }
    return out.map((o) => o.text);
  });
}

for (const path of pages) {
  test(`${path} at phone width (390 px): no horizontal scroll, every chart drawn`, async () => {
    const { page, context, problems } = await openPage(site, path, { width: 390, height: 844 });
    try {
      const drawn = await charts(page);
      for (const [i, c] of drawn.entries()) assert.equal(c.state, 'ready', `chart ${i} of ${path} did not draw`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) {
        assert.fail(`${path} is ${scrollWidth} px wide at ${innerWidth}: ${(await overflowing(page)).join('; ')}`);
      }
      assert.deepEqual(problems, NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
}
