// At phone width (390 px): charts narrowed to the column still read the pointer at the cell under it, and no page
// is wider than the screen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { charts, NO_PROBLEMS, openPage, startSite } from './browser.mjs';

const PHONE = { width: 390, height: 844 };

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

/**
 * Where on the screen cell (`row`, `col`) of the first canvas chart that draws cells is drawn, found from the
 * chart's scenegraph and the canvas's size on screen (so the test does not care how the chart was narrowed),
 * with the datum of that cell and the factor the chart is shown at.
 */
function cellOnScreen(page, row, col) {
  return page.evaluate(
    ([r, c]) => {
      for (const fig of document.querySelectorAll('figure.attn-chart[data-renderer="canvas"]')) {
        const view = fig.attnView;
        let hit;
        const walk = (node, dx, dy) => {
          if (hit) return;
          if (node.marktype === 'rect' && node.role === 'mark') {
            const item = node.items.find((it) => it.datum?.row === r && it.datum?.col === c);
            if (item) hit = { item, x: dx + item.x + item.width / 2, y: dy + item.y + item.height / 2 };
            return;
          }
          for (const child of node.items ?? []) {
            const group = node.marktype === 'group' ? child : undefined;
            walk(child, dx + (group?.x ?? 0), dy + (group?.y ?? 0));
          }
        };
        // Vega draws the scene at its origin plus the padding
        const [ox, oy] = view.origin();
        const pad = view.padding();
        walk(view.scenegraph().root, ox + pad.left, oy + pad.top);
        if (!hit) continue;
        const canvas = fig.querySelector('canvas');
        const box = canvas.getBoundingClientRect();
        const scale = box.width / (canvas.width / window.devicePixelRatio);
        fig.scrollIntoView({ block: 'center', behavior: 'instant' }); // the site scrolls smoothly otherwise
        const moved = canvas.getBoundingClientRect();
        return {
          x: moved.left + hit.x * scale,
          y: moved.top + hit.y * scale,
          scale,
          datum: { rowLabel: hit.item.datum.rowLabel, colLabel: hit.item.datum.colLabel, value: hit.item.datum.value },
        };
      }
      return undefined;
    },
    [row, col],
  );
}

test('390 px: hovering a cell of a narrowed canvas chart (the head grid of the head statistics chapter) shows that cell in the tooltip', async () => {
  const { page, context, problems } = await openPage(site, '/guide/head-statistics.html', PHONE);
  try {
    await charts(page);
    for (const [row, col] of [
      [9, 3],
      [14, 12],
    ]) {
      const cell = await cellOnScreen(page, row, col);
      assert.ok(cell, `a canvas chart draws cell (${row}, ${col})`);
      assert.ok(cell.scale < 0.95, `the chart is narrowed to the phone's column (shown at ${cell.scale.toFixed(2)})`);
      await page.mouse.move(cell.x, cell.y);
      // Vega's default tooltip is the title of the chart's box, a line per field: "head: …\nquery: …\nkey: …\nweight: …"
      const want = [String(cell.datum.rowLabel), String(cell.datum.colLabel)];
      const title = await page
        .waitForFunction(
          (w) => {
            const els = document.querySelectorAll('figure.attn-chart[data-renderer="canvas"] .attn-chart-view');
            const t = [...els].map((el) => el.getAttribute('title') ?? '').find(Boolean) ?? '';
            const fields = t.split('\n').map((l) => l.slice(l.indexOf(': ') + 2));
            return fields.at(-3) === w[0] && fields.at(-2) === w[1] ? t : false;
          },
          want,
          { timeout: 3000 },
        )
        .then((h) => h.jsonValue())
        .catch(() =>
          page.$$eval('figure.attn-chart[data-renderer="canvas"] .attn-chart-view', (els) =>
            els.map((el) => el.getAttribute('title') ?? '').join(' | '),
          ),
        );
      const fields = title.split('\n').map((l) => l.slice(l.indexOf(': ') + 2));
      assert.deepEqual(fields.slice(-3, -1), want, `hovered cell (${row}, ${col}), the tooltip says: ${title}`);
    }
    assert.deepEqual(problems, NO_PROBLEMS);
  } finally {
    await context.close();
  }
});
