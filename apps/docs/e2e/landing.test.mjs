import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { chartData, charts, NO_PROBLEMS, openPage, startSite, timedRedraw } from './browser.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

/**
 * Milliseconds from navigation start to the first live map on screen (the preview of the weights, or the chart if
 * it came first) and to the chart, from the marks the landing page sets; with the weights that were painted first,
 * what painted them, and the page's first contentful paint.
 */
async function paintMarks(page) {
  await page.waitForFunction(
    () => ['attn:landing-chart', 'attn:landing-preview'].every((n) => performance.getEntriesByName(n).length > 0),
    null,
    { timeout: 10000 },
  );
  return page.evaluate(() => {
    const [chart] = performance.getEntriesByName('attn:landing-chart');
    const [preview] = performance.getEntriesByName('attn:landing-preview');
    const first = preview && preview.startTime <= chart.startTime ? preview : chart;
    return {
      map: first.startTime,
      by: first === chart ? 'chart' : first.detail.by,
      shown: first.detail.weights,
      chart: chart.startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    };
  });
}

test('the landing page paints a live 12 x 12 attention map within three seconds, the chart within five (times printed; aim: one second on a quiet machine)', async () => {
  const times = [];
  for (let run = 0; run < 3; run++) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const t = await paintMarks(page);
    times.push(t);
    const [chart] = await charts(page);
    assert.deepEqual(chart.marks, { rect: 144 });
    // the causal mask leaves T (T + 1) / 2 = 78 pairs a query may attend; the other 66 cells are drawn as masked
    const rows = await chartData(page, 0);
    assert.equal(rows.length, 78);
    assert.ok(
      rows.every((r) => r.col <= r.row),
      'no weight above the diagonal',
    );
    // what was painted first (the preview, or the chart itself) is the chart's numbers, the masked cells empty
    const field = Object.keys(rows[0]).find((k) => /weight|value/.test(k));
    for (const r of rows) assert.equal(t.shown[r.row][r.col], r[field], `cell (${r.row}, ${r.col})`);
    assert.equal(t.shown.flat().filter((v) => v === null).length, 66);
    // painted by the small script ahead of the app, in time for the page's first paint
    assert.equal(t.by, 'first-paint script');
    assert.equal(t.map, t.fcp);
    await context.close();
  }
  const median = (key) => times.map((t) => t[key]).sort((a, b) => a - b)[1];
  console.log(
    `# landing: live attention map painted ${times.map((t) => `${t.map.toFixed(0)} (${t.by})`).join(', ')} ms after navigation started (median ${median('map').toFixed(0)}); full chart ${times.map((t) => t.chart.toFixed(0)).join(', ')} ms (median ${median('chart').toFixed(0)})`,
  );
  assert.ok(median('map') < 3000, `the live map took ${median('map').toFixed(0)} ms`);
  assert.ok(median('chart') < 5000, `the chart took ${median('chart').toFixed(0)} ms`);
});

test('the first paint is computed in the browser: the server sends an empty canvas and the script that fills it', async () => {
  const html = await (await fetch(`${site.origin}/`)).text();
  assert.match(html, /An attention map, computed just now/);
  // no numbers: no picture, no chart drawn, a 12 x 12 canvas with nothing in it but its size
  assert.doesNotMatch(html, /data:image\/png|<svg[^>]*class="marks"/);
  assert.match(html, /<figure class="attn-chart" data-state="loading"/);
  assert.match(html, /<canvas data-attn-first-paint width="12" height="12"[^>]*><\/canvas>/);
  // the script that paints it, render-blocking, before the app's module
  const scripts = [...html.matchAll(/<script type="module"([^>]*)>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 2, scripts.join(' | '));
  assert.match(scripts[0], /blocking="render" src="\/assets\/landing-first-paint\.[\w-]+\.js"/);
  assert.match(scripts[1], /src="\/assets\/app\./);
  // only the landing page carries it; the chapters' pages preload the chart libraries instead, which would slow
  // the landing page's first paint
  const chapter = await (await fetch(`${site.origin}/guide/what-attention-is-for.html`)).text();
  assert.doesNotMatch(chapter, /landing-first-paint/);
  assert.match(chapter, /<link rel="modulepreload" href="\/assets\/chunks\/vega\./);
  assert.doesNotMatch(html, /<link rel="modulepreload" href="\/assets\/chunks\/vega\./);
});

/**
 * Opens the landing page with the chart libraries (Vega's chunks) held back, and waits for the first map:
 * returns the page, how many requests are held, and `release()`, which lets them through.
 */
async function landingWithoutVega(width) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const held = [];
  await page.route(/\/assets\/chunks\/vega/, (route) => held.push(route));
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => performance.getEntriesByName('attn:landing-preview').length > 0);
  return {
    page,
    context,
    held: () => held.length,
    async release() {
      for (const route of held.splice(0)) await route.continue();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    },
  };
}

test('the first map needs no chart library: with vega held back, the canvas shows the weights in their colours', async () => {
  const { page, context, held, release } = await landingWithoutVega(1280);
  const { weights, pixels, state } = await page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-attn-first-paint]');
    const data = canvas.getContext('2d').getImageData(0, 0, 12, 12).data;
    return {
      weights: performance.getEntriesByName('attn:landing-preview')[0].detail.weights,
      pixels: Array.from({ length: 144 }, (_, i) => [...data.subarray(i * 4, i * 4 + 4)]),
      state: document.querySelector('figure.attn-chart').dataset.state,
    };
  });
  assert.ok(held() > 0, 'no vega chunk was requested');
  assert.equal(state, 'loading');
  const grey = [0x9b, 0x9b, 0x9b, 255];
  for (let i = 0; i < 144; i++) {
    const [row, col] = [Math.floor(i / 12), i % 12];
    if (col > row) {
      assert.deepEqual(pixels[i], grey, `masked cell (${row}, ${col})`);
      continue;
    }
    assert.notDeepEqual(pixels[i], grey, `cell (${row}, ${col}) is painted as masked`);
    assert.equal(pixels[i][3], 255);
  }
  // token 0 sees only itself: weight 1, the top of the scale, viridis' last colour
  assert.equal(weights[0][0], 1);
  assert.deepEqual(pixels[0], [0xfd, 0xe7, 0x25, 255]);
  // the colour ramp rises with the weight: a heavier cell is never darker (viridis' luminance rises)
  const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const cells = weights.flatMap((row, r) => row.map((w, c) => ({ w, lum: luminance(pixels[r * 12 + c]) })));
  const painted = cells.filter((c) => c.w !== null).sort((a, b) => a.w - b.w);
  for (let i = 1; i < painted.length; i++) assert.ok(painted[i].lum >= painted[i - 1].lum - 1e-9);
  await release();
  await context.close();
});

test('nothing moves when the chart replaces the preview: same figure, cells where the canvas was (desktop and phone)', async () => {
  for (const width of [1280, 390]) {
    const { page, context, release } = await landingWithoutVega(width);
    const box = (selector) =>
      page.evaluate((sel) => {
        const b = document.querySelector(sel).getBoundingClientRect();
        return [b.x, b.y, b.width, b.height];
      }, selector);
    const figure = '.attn-landing figure.attn-chart';
    const before = { figure: await box(figure), cells: await box(`${figure} canvas[data-attn-first-paint]`) };
    await release();
    await page.waitForSelector(`${figure}[data-state="ready"]`);
    // the cells are one path per cell: their union is the box of the mark group
    const after = { figure: await box(figure), cells: await box(`${figure} .attn-chart-view svg .mark-rect`) };
    for (const part of ['figure', 'cells']) {
      for (let k = 0; k < 4; k++) {
        assert.ok(
          Math.abs(before[part][k] - after[part][k]) <= 1.5,
          `${width} px: the ${part} moved from [${before[part].map(Math.round)}] to [${after[part].map(Math.round)}]`,
        );
      }
    }
    await context.close();
  }
});

test('"New seed" recomputes the map: other weights, each row still summing to 1', async () => {
  const { page, context, problems } = await openPage(site, '/');
  await charts(page);
  const before = await chartData(page, 0);
  const ms = await timedRedraw(page, () => page.click('[data-action="reseed"]'));
  console.log(`# landing: redraw after a new seed ${ms.toFixed(1)} ms`);
  const afterRows = await chartData(page, 0);
  assert.equal(afterRows.length, before.length);
  const field = Object.keys(afterRows[0]).find((k) => /weight|value/.test(k));
  assert.ok(field, `no value field in ${Object.keys(afterRows[0])}`);
  const changed = afterRows.filter((r, i) => Number.isFinite(r[field]) && r[field] !== before[i][field]).length;
  assert.ok(changed > 50, `only ${changed} cells changed`);
  const sums = new Map();
  for (const r of afterRows) sums.set(r.row, (sums.get(r.row) ?? 0) + r[field]);
  assert.equal(sums.size, 12);
  for (const [row, sum] of sums) assert.ok(Math.abs(sum - 1) < 1e-5, `row ${row} sums to ${sum}`);
  assert.deepEqual(problems, NO_PROBLEMS);
  await context.close();
});

test('the download menu saves SVG, PNG and the Vega-Lite spec, from the keyboard too', async () => {
  const { page, context } = await openPage(site, '/');
  await charts(page);
  const summary = page.locator('.attn-chart-menu summary').first();
  const files = {};
  for (const label of ['SVG image', 'PNG image', 'Vega-Lite spec (JSON)']) {
    await summary.focus();
    await page.keyboard.press('Enter');
    const button = page.getByRole('button', { name: label }).first();
    await button.focus();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    files[label] = { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
  }
  assert.match(files['SVG image'].name, /\.svg$/);
  assert.match(files['SVG image'].bytes.toString('utf8'), /^<svg[\s\S]*<\/svg>\s*$/);
  assert.match(files['PNG image'].name, /\.png$/);
  assert.deepEqual([...files['PNG image'].bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  assert.ok(files['PNG image'].bytes.length > 2000);
  assert.match(files['Vega-Lite spec (JSON)'].name, /\.vl\.json$/);
  const spec = JSON.parse(files['Vega-Lite spec (JSON)'].bytes.toString('utf8'));
  assert.match(spec.$schema, /vega-lite/);
  await context.close();
});

test('charts draw under a strict Content Security Policy (no eval, no inline-less escape hatches)', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  // VitePress inlines a small theme script, so 'unsafe-inline' stays for scripts; 'unsafe-eval' does not:
  // Vega runs through its expression interpreter and the kernels need only 'wasm-unsafe-eval'.
  const csp =
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if ((headers['content-type'] ?? '').startsWith('text/html')) headers['content-security-policy'] = csp;
    await route.fulfill({ response, headers });
  });
  await page.goto(`${site.origin}/`, { waitUntil: 'networkidle' });
  const [chart] = await charts(page);
  assert.equal(chart.state, 'ready');
  assert.deepEqual(chart.marks, { rect: 144 });
  assert.deepEqual(violations, []);
  // requests still in flight (the preloaded chart chunks) must not be fulfilled into a closed page
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});
