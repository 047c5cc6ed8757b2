// Each chapter's controls recompute its charts, and the numbers move the way the math says they must.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  charts,
  checkedPage,
  describeTimes,
  drawnPictures,
  markCount,
  setControl,
  startSite,
  timedChanges,
  timedRedraw,
} from './browser.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const chapter = (path, body) => checkedPage(site, `/guide/${path}.html`, body);

/** Whether each chart's last draw only gave its live view new data and signals (no new view). */
const swappedCharts = (page) => page.$$eval('figure.attn-chart', (fs) => fs.map((f) => f.dataset.swapped === 'true'));

const number = async (page, selector) => Number((await page.textContent(selector)).replace(/[^0-9.-]/g, ''));

/** The [width, height] in pixels of the image chart `index` draws (big matrices are one image, a pixel a cell). */
async function imageSize(page, index) {
  return page.evaluate((i) => {
    const fig = document.querySelectorAll('figure.attn-chart')[i];
    let url;
    const walk = (n) => {
      if (n.marktype === 'image') url = n.items[0].datum.url;
      (n.items ?? []).forEach(walk);
    };
    walk(fig.attnView.scenegraph().root);
    return new Promise((ok) => {
      const im = new Image();
      im.onload = () => ok([im.width, im.height]);
      im.src = url;
    });
  }, index);
}

/** How many matrix cells chart `index` shows: its rect marks, or the pixels of its image. */
async function cellsShown(page, index) {
  const [chart] = (await charts(page)).slice(index, index + 1);
  if (chart.marks.image) {
    const [w, h] = await imageSize(page, index);
    return w * h;
  }
  return markCount(page, index);
}

test('1: the seed example at the seed sizes (128 tokens, d_model 512, 8 heads); redraw time; T x T cells', async () => {
  await chapter('what-attention-is-for', async (page) => {
    // 128 x 128 weights are drawn as one image, a pixel per weight (plus the masked-cell legend swatch)
    const [map] = await charts(page);
    assert.equal(map.marks.image, 1);
    assert.deepEqual(await imageSize(page, 0), [128, 128]);
    const times = await timedChanges(page, 'Seed', [7, 8, 9, 10, 11]);
    const compute = await page.textContent('[data-compute-ms]');
    console.log(
      `# chapter 1 at the seed's sizes: redraw after a seed change ${describeTimes(times)}; ${compute.trim()}`,
    );
    await timedRedraw(page, () => setControl(page, 'Sequence length', 64));
    assert.equal(await markCount(page, 0), 64 * 64);
  });
});

test('2: the embeddings chart follows T x d_model', async () => {
  await chapter('embeddings-and-positions', async (page) => {
    // 64 x 64 is drawn as one image, a pixel per number; 32 x 16 as cells
    assert.deepEqual(await imageSize(page, 0), [64, 64]);
    const times = await timedChanges(page, 'Seed', [7, 8, 9, 10, 11]);
    console.log(`# chapter 2: redraw after a seed change ${describeTimes(times)}`);
    const built = await drawnPictures(page);
    const lengths = await timedChanges(page, 'Sequence length', [32, 64, 48, 64, 32], async (T) => {
      assert.equal(await cellsShown(page, 0), T * 64);
      // the encoding's picture is as tall as the new spec asks (the live view was resized, not rebuilt)
      const { drawn, asked } = await page.evaluate(async () => {
        const figure = document.querySelectorAll('figure.attn-chart')[1];
        const svg = await figure.attnView.toSVG();
        return {
          drawn: [...svg.matchAll(/<image [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1])),
          asked: figure.attnSpec.hconcat[0].height,
        };
      });
      assert.deepEqual(drawn, [asked], `T = ${T}`);
    });
    console.log(`# chapter 2: redraw after a length change ${describeTimes(lengths)}`);
    // A length change resizes the live views (new heights and widths as signals, no new view): back at T = 64 they
    // show what the views built at T = 64 showed.
    await timedRedraw(page, () => setControl(page, 'Sequence length', 64));
    assert.deepEqual(await swappedCharts(page), [true, true, true, true]);
    const resized = await drawnPictures(page);
    for (const [i, picture] of built.entries()) assert.ok(picture === resized[i], `chart ${i} differs after resizing`);
    await timedRedraw(page, () => setControl(page, 'Sequence length', 32));
    await timedRedraw(page, () => setControl(page, 'Model width', 16));
    assert.equal(await cellsShown(page, 0), 32 * 16);
    assert.equal(await markCount(page, 0), 32 * 16);
  });
});

test('3: more heads make each head narrower (d_k = d_model / h)', async () => {
  await chapter('queries-keys-values', async (page) => {
    assert.equal(await markCount(page, 1), 16 * 16); // Q of one head: T x d_k = 16 x 64/4
    await timedRedraw(page, () => setControl(page, 'Heads', 8));
    assert.equal(await markCount(page, 1), 16 * 8);
  });
});

test('4: hovering a score cell picks its query row and key column', async () => {
  await chapter('scores', async (page) => {
    assert.match(await page.textContent('[data-score]'), /s5,2 = row 5 of Q · column 2 of Kᵀ/);
    // hover cell (1, 6) of the product panel (the fifth of the hconcat): find its path in the SVG by its datum
    const target = await page.evaluate(() => {
      const view = document.querySelector('figure.attn-chart').attnView;
      let found;
      const walk = (node) => {
        if (found) return;
        if (node.marktype === 'rect' && /^concat_4/.test(node.name ?? '')) {
          const index = node.items.findIndex((it) => it.datum?.row === 1 && it.datum?.col === 6);
          if (index >= 0) found = { name: node.name, index };
        }
        for (const child of node.items ?? []) walk(child);
      };
      walk(view.scenegraph().root);
      return found;
    });
    assert.ok(target, 'cell (1, 6) of Q Kᵀ is drawn');
    await page.locator(`figure.attn-chart svg g.${target.name} > path`).nth(target.index).hover();
    await page.waitForFunction(() => /s1,6/.test(document.querySelector('[data-score]').textContent));
    await setControl(page, 'Key j', 3);
    await page.waitForFunction(() => /s1,3/.test(document.querySelector('[data-score]').textContent));
  });
});

test('5: the unscaled spread grows like √d_k, the scaled one stays near 1', async () => {
  await chapter('scaling', async (page) => {
    const std = async () => {
      const t = await page.textContent('[data-stats]');
      const [raw, , scaled] = [...t.matchAll(/(\d+\.\d+)/g)].map((m) => Number(m[1]));
      return { raw, scaled };
    };
    const at64 = await std();
    await timedRedraw(page, () => setControl(page, 'Head width', 256));
    const at256 = await std();
    const ratio = at256.raw / at64.raw;
    assert.ok(ratio > 1.5 && ratio < 2.7, `std ratio ${ratio} for d_k 256 vs 64 (expected about 2)`);
    assert.ok(Math.abs(at256.scaled - 1) < 0.35 && Math.abs(at64.scaled - 1) < 0.35, JSON.stringify({ at64, at256 }));
  });
});

test('6: flipping the polarity of a causal mask leaves the last query no key, and its weights are 0, not NaN', async () => {
  await chapter('masks', async (page) => {
    assert.doesNotMatch(await page.textContent('[data-mask-sentence]'), /no key left/);
    await timedRedraw(page, () => setControl(page, 'Flip the polarity', true));
    assert.match(await page.textContent('[data-mask-sentence]'), /1 query has no key left/);
    await timedRedraw(page, () => setControl(page, 'Form', 'additive'));
    await timedRedraw(page, () => setControl(page, 'Mask', 'padding'));
    assert.match(await page.textContent('[data-mask-sentence]'), /broadcast to \[10, 10\]/);
  });
});

test('7: a lower temperature sharpens the weights', async () => {
  await chapter('softmax-and-output', async (page) => {
    const warm = await number(page, '[data-mean-max]');
    const ms = await timedRedraw(page, () => setControl(page, 'Temperature', 0.1));
    console.log(`# chapter 7: redraw after a temperature change ${ms.toFixed(0)} ms`);
    const cold = await number(page, '[data-mean-max]');
    assert.ok(cold > warm, `mean max weight ${cold} at τ 0.1 vs ${warm} at τ 1`);
    assert.ok(cold > 0.9, `τ 0.1 is nearly an argmax: ${cold}`);
  });
});

test('8: the head grid has one T x T map per head', async () => {
  await chapter('multi-head', async (page) => {
    assert.equal(await markCount(page, 0), 4 * 10 * 10);
    // the first change after loading, then more: each redraw's time, and how many cells the head grid draws
    const times = await timedChanges(page, 'Heads', [8, 4, 8, 2, 8], async (heads) =>
      assert.equal(await markCount(page, 0), heads * 10 * 10),
    );
    console.log(`# chapter 8: redraw after a heads change ${describeTimes(times)}`);
  });
});
