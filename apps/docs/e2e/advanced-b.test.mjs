// Chapters 10-13 (positional schemes, KV cache, online softmax, head statistics): the live equalities hold in the
// browser (RoPE's relative property, cache = full pass, flash = plain), and the controls move the numbers the way
// the math says they must.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { badges, chartData, checkedPage, markCount, setControl, startSite, timedRedraw } from './browser.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const chapter = (path, body) => checkedPage(site, `/guide/${path}.html`, body);

/** The number in the element `selector` (the first one it holds: "1.8e-7", "-4.9721", "12,288"). */
async function number(page, selector) {
  const text = (await page.textContent(selector)).replace(/,/g, '');
  const m = /-?\d+(\.\d+)?(e-?\d+)?/.exec(text);
  assert.ok(m, `no number in ${selector}: "${text}"`);
  return Number(m[0]);
}

/** Sets a control of the panel with legend `legend` (pages with several panels repeat labels such as "Seed"). */
async function setIn(page, legend, label, value) {
  const input = page
    .locator('.attn-controls fieldset', { has: page.locator('legend', { hasText: legend }) })
    .getByLabel(label, { exact: false })
    .first();
  await input.evaluate((el, v) => {
    if (el.type === 'checkbox') el.checked = Boolean(v);
    else el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Waits until the text of `selector` differs from `before`. */
async function changed(page, selector, before) {
  await page.waitForFunction(([s, b]) => document.querySelector(s)?.textContent !== b, [selector, before], {
    timeout: 20000,
  });
}

test('10: RoPE scores depend only on m − n (shifting both keeps the score, added sinusoids do not); a table has no row past its end; steeper ALiBi heads look less far', async () => {
  await chapter('positional-schemes', async (page) => {
    const near = await number(page, '[data-rope-near]');
    const far = await number(page, '[data-rope-far]');
    assert.ok(Math.abs(near - far) < 2e-4, `RoPE: ${near} at (5, 2) vs ${far} shifted by 100`);
    const absNear = await number(page, '[data-abs-near]');
    const absFar = await number(page, '[data-abs-far]');
    assert.ok(Math.abs(absNear - absFar) > 0.1, `added PE: ${absNear} vs ${absFar} should differ`);
    // a larger shift: RoPE still equal, the added-PE score moves
    const before = await page.textContent('[data-relative]');
    await setIn(page, 'Rotary', 'Shift both by s', 1500);
    await changed(page, '[data-relative]', before);
    const far1500 = await number(page, '[data-rope-far]');
    assert.ok(Math.abs(near - far1500) < 2e-4, `RoPE: ${near} vs ${far1500} shifted by 1500`);
    assert.notEqual(await number(page, '[data-abs-far]'), absFar);
    // a wider head and more positions: the diagonal check still holds (badges are checked at the end)
    await timedRedraw(page, () => setIn(page, 'Rotary', 'Head width d', 64));
    await timedRedraw(page, () => setIn(page, 'Rotary', 'Positions T', 40));
    // the learned table: 24 of 32 rows fit, 40 do not, and the library says so
    assert.ok(await page.$('[data-table-ok]'));
    await setIn(page, 'A position table', 'Sequence length T', 40);
    await page.waitForSelector('[data-table-error]');
    assert.match(await page.textContent('[data-table-error]'), /learnedPositions: position 32 is beyond the table/);
    await setIn(page, 'A position table', 'Table rows', 64);
    await page.waitForSelector('[data-table-ok]');
    // ALiBi: the steepest head looks back less than the shallowest, which looks back about as far as no bias
    const first = await number(page, '[data-first-distance]');
    const last = await number(page, '[data-last-distance]');
    const plain = await number(page, '[data-plain-distance]');
    assert.ok(first < last && last <= plain + 1e-9, `distances: head 0 ${first}, last head ${last}, no bias ${plain}`);
    await timedRedraw(page, () => setIn(page, 'linear biases', 'Heads H', 12));
    const labels = (await badges(page)).map((b) => b.text).join(' | ');
    assert.match(labels, /alibiSlopes\(12\) follows the paper's rule/);
  });
});

test('11: decoding token by token equals the full pass (prefill sizes, GQA, ALiBi, RoPE); fewer kv heads hold proportionally less', async () => {
  await chapter('kv-cache', async (page) => {
    const equalBadge = async () => {
      const b = (await badges(page)).find((x) => /decoding token by token/.test(x.text));
      assert.ok(b?.pass, `cache = full pass: ${b?.text}`);
      const diff = await number(page, '[data-max-diff]');
      assert.ok(diff <= 1e-5, `max difference ${diff}`);
    };
    await equalBadge();
    const full = await number(page, '[data-bytes-used]');
    // 2 (K and V) · 8 kv heads · 24 tokens · d_k 8 · 4 bytes
    assert.equal(full, 2 * 8 * 24 * 8 * 4);
    const ms = await timedRedraw(page, () => setControl(page, 'Key/value heads', 2));
    console.log(`# chapter 11: redraw after a kv-heads change ${ms.toFixed(0)} ms`);
    assert.equal(await number(page, '[data-bytes-used]'), full / 4);
    assert.equal(await number(page, '[data-ratio]'), 4);
    await equalBadge();
    await timedRedraw(page, () => setControl(page, 'Prompt (prefill)', 1));
    await equalBadge();
    await timedRedraw(page, () => setControl(page, 'Positions', 'alibi'));
    await equalBadge();
    await timedRedraw(page, () => setControl(page, 'Positions', 'rope'));
    await equalBadge();
    await timedRedraw(page, () => setControl(page, 'Key/value heads', 1));
    await equalBadge();
    assert.equal(await number(page, '[data-bytes-used]'), full / 8);
    // the slider picks a step: token t5 attends, in each of the 8 query heads, over the 6 keys cached by then
    await timedRedraw(page, () => setControl(page, 'Show the cache after token', 6));
    assert.equal(await markCount(page, 1), 8 * 6); // the cached keys, [d_k, tokens]
    assert.equal(await markCount(page, 2), 8 * 6); // the weights, [heads, keys]
    const rows = await chartData(page, 2);
    const sums = new Map();
    for (const d of rows) if (Number.isFinite(d.value)) sums.set(d.row, (sums.get(d.row) ?? 0) + d.value);
    assert.equal(sums.size, 8);
    for (const [head, sum] of sums) assert.ok(Math.abs(sum - 1) < 1e-5, `head ${head}: weights sum to ${sum}`);
    // without the cache, decoding recomputes every earlier key: 1 + 2 + ... + 24 with a one-token prompt
    assert.equal(await number(page, '[data-no-cache-keys]'), (24 * 25) / 2);
  });
});

test('12: the online softmax equals the plain result for every block size, and holds T × block scores at once', async () => {
  await chapter('online-softmax', async (page) => {
    for (const [block, causal] of [
      [1, true],
      [5, true],
      [16, true],
      [7, false],
    ]) {
      await setControl(page, 'Causal mask', causal);
      await timedRedraw(page, () => setControl(page, 'Block size', block));
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-blocks] tbody tr').length === n,
        Math.ceil(16 / block),
      );
      const diff = await number(page, '[data-flash-diff]');
      assert.ok(diff <= 1e-5, `block ${block}: max |flash − plain| ${diff}`);
      assert.equal(await number(page, '[data-block-scores]'), 16 * block);
      const equal = (await badges(page)).find((b) => /equals scaledDotProductAttention/.test(b.text));
      assert.ok(equal?.pass && equal.text.includes(`blocks of ${block}`), equal?.text);
    }
    // one block of every key: nothing is ever rescaled
    await timedRedraw(page, () => setControl(page, 'Block size', 16));
    assert.equal(await number(page, '[data-rescale-count]'), 0);
  });
});

test('13: larger inputs sharpen every head (entropy falls); the chart sorts by the menu and a drag on the scatter selects heads', async () => {
  await chapter('head-statistics', async (page) => {
    const entropyAt2 = await number(page, '[data-mean-entropy]');
    await timedRedraw(page, () => setControl(page, 'Input scale', 4));
    const entropyAt4 = await number(page, '[data-mean-entropy]');
    await timedRedraw(page, () => setControl(page, 'Input scale', 0.5));
    const entropyAtHalf = await number(page, '[data-mean-entropy]');
    assert.ok(
      entropyAt4 < entropyAt2 && entropyAt2 < entropyAtHalf,
      `${entropyAtHalf} > ${entropyAt2} > ${entropyAt4}`,
    );
    assert.ok(entropyAtHalf <= (await number(page, '[data-uniform-entropy]')) + 1e-9);

    // the bars, top to bottom, in the first bar panel: [{ label, entropy, meanDistance, ... , y, fill }]
    await page.evaluate(() => {
      window.attnBars = () => {
        const view = document.querySelector('figure.attn-chart').attnView;
        let found;
        const walk = (node) => {
          if (found) return;
          if (node.marktype === 'rect' && node.role === 'mark' && node.items?.[0]?.datum?.meanDistance !== undefined) {
            found = node.items.map((it) => ({ ...it.datum, y: it.y, fill: it.fill }));
            return;
          }
          for (const child of node.items ?? []) walk(child);
        };
        walk(view.scenegraph().root);
        return found.sort((a, b) => a.y - b.y);
      };
    });
    const bars = () => page.evaluate(() => window.attnBars());
    const sortedBy = (key) =>
      page.waitForFunction((k) => window.attnBars().every((r, i, rows) => i === 0 || rows[i - 1][k] >= r[k]), key, {
        timeout: 10000,
      });
    await sortedBy('entropy');
    await page.locator('figure.attn-chart').first().locator('select').selectOption('meanDistance');
    await sortedBy('meanDistance');
    const order = (await bars()).map((b) => b.meanDistance);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => b - a),
      'bars top to bottom by mean distance',
    );

    // drag a rectangle over the left half of the scatter: the heads inside keep their colour, the others go grey
    await page
      .locator('figure.attn-chart')
      .first()
      .evaluate((el) => {
        // below the sticky control panel, which would otherwise take the drag
        el.scrollIntoView({ block: 'start' });
        const panel = document.querySelector('.attn-controls').getBoundingClientRect();
        window.scrollBy(0, el.getBoundingClientRect().top - Math.max(panel.bottom, 0) - 16);
      });
    const box = await page.evaluate(() => {
      // the scatter's points as drawn in the SVG, in page coordinates
      const dots = [...document.querySelectorAll('figure.attn-chart .mark-symbol.role-mark path')].map((el) => {
        const r = el.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];
      });
      const xs = dots.map((d) => d[0]).sort((a, b) => a - b);
      const ys = dots.map((d) => d[1]);
      const cut = (xs[dots.length / 2 - 1] + xs[dots.length / 2]) / 2;
      return {
        from: [xs[0] - 6, Math.min(...ys) - 6],
        to: [cut, Math.max(...ys) + 6],
        inside: xs.filter((x) => x < cut).length,
      };
    });
    await page.mouse.move(...box.from);
    await page.mouse.down();
    await page.mouse.move(...box.to, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => window.attnBars().some((b) => b.fill === '#c9d3df'), null, { timeout: 10000 });
    const fills = (await bars()).map((b) => b.fill);
    const grey = fills.filter((f) => f === '#c9d3df').length;
    assert.equal(fills.length - grey, box.inside, `${box.inside} heads brushed, bar fills ${fills.join(' ')}`);
    assert.ok(grey > 0, 'the heads outside the brush are grey');
  });
});
