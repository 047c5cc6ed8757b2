// Chapters 9, 14, 15 and 16 in Chromium: each page loads cleanly, its badges are green, and its controls move the
// numbers the way the math says (GQA's memory ratio, NaN rows per padding token, T² cells in every export). The
// API reference pages exist and their links land on real headings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { distRoot } from '../scripts/check-links.mjs';
import {
  badges,
  chartData,
  checkedPage,
  markCount,
  NO_PROBLEMS,
  openPage,
  setControl,
  startSite,
  timedRedraw,
} from './browser.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const chapter = (path, body) => checkedPage(site, path, body);

const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

test('9: fewer key/value heads shrink K and V by H / H_kv; the maps are T_q x T_k', async () => {
  await chapter('/guide/cross-attention.html', async (page) => {
    // defaults: 8 query heads, 2 K/V heads, T_q 7, T_k 8
    assert.equal(await markCount(page, 0), 8 * 7 * 8);
    assert.match(await text(page, '[data-kv-ratio]'), /^4× less$/);
    const ms = await timedRedraw(page, () => setControl(page, 'Key/value heads', 0));
    console.log(`# chapter 9: redraw after a K/V heads change ${ms.toFixed(0)} ms`);
    assert.match(await text(page, '[data-kv-ratio]'), /^8× less$/);
    assert.match(await text(page, '[data-kv-memory]'), /K and V take 512 bytes/); // 1 head x 8 keys x 8 x 2 x 4
    await timedRedraw(page, () => setControl(page, 'Key/value heads', 3));
    assert.match(await text(page, '[data-kv-ratio]'), /^1× less$/);
    await timedRedraw(page, () => setControl(page, 'Source length', 13));
    assert.equal(await markCount(page, 0), 8 * 7 * 13);
    await timedRedraw(page, () => setControl(page, 'Target length', 3));
    assert.equal(await markCount(page, 0), 8 * 3 * 13);
    assert.match(await text(page, '.attn-shapes'), /weights has shape batch 1 by head 8 by T_q 3 by T_k 13/);
  });
});

test('14: every left padding token is one NaN row of the naive softmax and none of the library', async () => {
  await chapter('/guide/seed-revisited.html', async (page) => {
    assert.match(await text(page, '[data-nan-sentence]'), /Naive: 2 rows of NaN\. Library: 0 NaN/);
    await timedRedraw(page, () => setControl(page, 'Left padding', 4));
    assert.match(await text(page, '[data-nan-sentence]'), /Naive: 4 rows of NaN\. Library: 0 NaN/);
    await timedRedraw(page, () => setControl(page, 'Left padding', 0));
    assert.match(await text(page, '[data-nan-sentence]'), /Naive: 0 rows of NaN/);
  });
});

test('14: the cut encoding repeats within 19 positions; cut from 64 it is the right one', async () => {
  await chapter('/guide/seed-revisited.html', async (page) => {
    assert.match(await text(page, '[data-pe-sentence]'), /19 positions when cut from 512, against 47117/);
    await timedRedraw(page, () => setControl(page, 'Encoding built for width', 64));
    assert.match(await text(page, '[data-pe-sentence]'), /47117 positions when cut from 64, against 47117/);
  });
});

test('14: another dropout draw changes the training-mode output, never the inference one', async () => {
  await chapter('/guide/seed-revisited.html', async (page) => {
    const train = await page.$$eval('figure.attn-chart', (fs) =>
      fs.findIndex((f) => /training mode/.test(JSON.stringify(f.attnSpec?.title ?? ''))),
    );
    assert.ok(train >= 0, 'the training-mode chart is on the page');
    const before = [await chartData(page, train), await chartData(page, train + 1)];
    await timedRedraw(page, () => setControl(page, 'Run the cell again', 7));
    const after = [await chartData(page, train), await chartData(page, train + 1)];
    assert.notDeepEqual(after[0], before[0], 'training mode: a new draw, new numbers');
    assert.deepEqual(after[1], before[1], 'inference: the same numbers');
    assert.doesNotMatch(await text(page, '[data-drift]'), /^0$/);
  });
});

test('14: one head of 64 against the layer: the head grid has 8 maps of T x T', async () => {
  await chapter('/guide/seed-revisited.html', async (page) => {
    assert.equal(await markCount(page, 1), 8 * 12 * 12);
    await timedRedraw(page, () => setControl(page, 'Tokens T', 5));
    assert.equal(await markCount(page, 0), 5 * 5);
    assert.equal(await markCount(page, 1), 8 * 5 * 5);
    assert.match(await text(page, '[data-heads-sentence]'), /5 × 64: one head's width\. The layer's is 5 × 512/);
  });
});

test('15: the API reference lists what each entry point exports, and its links land on headings', async () => {
  const modules = JSON.parse(readFileSync(new URL('../guide/api/modules.json', import.meta.url), 'utf8'));
  assert.deepEqual(
    modules.map((m) => m.name),
    ['@attn/tensor', '@attn/tensor/node', '@attn/attention', '@attn/viz', '@attn/viz/render'],
  );
  await chapter('/guide/api/', async (page) => {
    for (const m of modules) {
      await setControl(page, 'Entry point', m.name);
      await setControl(page, 'Kind', 'Function');
      const functions = m.members.filter((x) => x.kind === 'Function');
      await page.waitForFunction((n) => document.querySelectorAll('[data-api-list] a').length === n, functions.length);
      assert.ok(functions.length > 0, `${m.name} exports functions`);
      for (const b of await badges(page)) assert.ok(b.pass, `${m.name}: ${b.text}`);
    }
    // every link of the list, for the last entry point, names an id on its page
    const hrefs = await page.$$eval('[data-api-list] a', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      const [file, id] = href.replace('./', '').split('#');
      const html = readFileSync(`${distRoot}/guide/api/${file}`, 'utf8');
      assert.ok(html.includes(`id="${id}"`), `${href} lands on a heading`);
    }
  });
  // each generated page: its module as the title, the functions as headings, from the TSDoc
  const { page, context, problems } = await openPage(site, '/guide/api/attention.html');
  try {
    assert.match(await text(page, 'h1'), /^@attn\/attention\b/);
    assert.ok(await page.$('h3#multiheadattention'), 'multiHeadAttention has its heading');
    assert.match(await text(page, '.vp-doc'), /grouped-query attention \(1: multi-query\)/);
    await page.click('.VPSidebar a[href$="/guide/api/viz-render.html"]');
    await page.waitForSelector('h1:has-text("@attn/viz/render")');
    assert.ok(await page.$('h3#tohtml'), 'toHTML has its heading');
    assert.deepEqual(problems, NO_PROBLEMS);
  } finally {
    await context.close();
  }
});

test('16: vega-embed draws T² cells, and its SVG export has T² cells too', async () => {
  await chapter('/guide/charts-elsewhere.html', async (page) => {
    await page.waitForSelector('[data-embed-cells]');
    assert.equal(await text(page, '[data-embed-cells]'), '36');
    await setControl(page, 'Tokens T', 11);
    await page.waitForFunction(() => document.querySelector('[data-embed-cells]')?.textContent === '121');
    await page.waitForFunction(() => /121 = 11²/.test(document.body.textContent));
    await setControl(page, 'Causal mask', false);
    await page.waitForSelector('.attn-embed-target svg text:has-text("One head, no mask")');
    assert.equal(await text(page, '[data-csp-violations]'), '0');
  });
});
