// Shared harness of the site's browser tests: serves the production build on 127.0.0.1 and drives
// Debian's Chromium through playwright-core (never a browser downloaded by a tool).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

/** Finds a Chromium executable, or throws with the install hint from the README. */
export function chromiumPath() {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "e2e: no Chromium found. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.",
    );
  }
  return found;
}

/**
 * Starts the static server and a headless Chromium. Returns { origin, browser, close }.
 * Chromium runs with the flags this closed network needs (no background networking).
 */
export async function startSite() {
  const server = await serve(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Opens `path` in a fresh page and records what a reader's browser would complain about:
 * console errors, page errors, failed requests and any request that leaves the origin.
 */
export async function openPage(site, path, { width = 1280, height = 900 } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], offOrigin: [] };
  page.on('console', (m) => m.type() === 'error' && problems.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.failedRequests.push(`${r.url()} ${r.status()}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.offOrigin.push(url);
  });
  await page.goto(site.origin + path, { waitUntil: 'networkidle' });
  return { page, context, problems };
}

/** The problems `openPage` records, when there are none: what every page test expects. */
export const NO_PROBLEMS = { consoleErrors: [], pageErrors: [], failedRequests: [], offOrigin: [] };

/** Waits until every chart on the page has drawn (or failed), then returns what each one reports. */
export async function charts(page, { timeout = 20000 } = {}) {
  await page.waitForFunction(
    () => [...document.querySelectorAll('figure.attn-chart')].every((f) => f.dataset.state !== 'loading'),
    null,
    { timeout },
  );
  return page.$$eval('figure.attn-chart', (figures) =>
    figures.map((f) => ({
      state: f.dataset.state,
      renderer: f.dataset.renderer,
      draws: Number(f.dataset.draws),
      ms: Number(f.dataset.ms),
      marks: JSON.parse(f.dataset.marks || '{}'),
      alt: f.querySelector('.attn-chart-view')?.getAttribute('aria-label') ?? '',
      // cells in the SVG DOM (toolchain note: `.mark-rect.role-mark path` leaves the legend out)
      svgRects: f.querySelectorAll('.attn-chart-view svg .mark-rect.role-mark > path').length,
    })),
  );
}

/**
 * Runs `action` (a control change), waits for the page's redraw clock to measure the redraw it causes, and
 * returns the milliseconds from the change to every chart drawn and painted, as the page measured them.
 */
export async function timedRedraw(page, action, { timeout = 20000 } = {}) {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.redrawCount ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.redrawCount ?? 0) > n, before, {
    timeout,
  });
  await charts(page);
  return page.evaluate(() => Number(document.documentElement.dataset.redrawMs));
}

/**
 * Sets the control labelled `label` to each of `values` in turn, timing each redraw ({@link timedRedraw}) and
 * awaiting `drawn(value)` after it (a check of what was drawn); returns the times, in order.
 */
export async function timedChanges(page, label, values, drawn = async () => {}) {
  const times = [];
  for (const value of values) {
    times.push(await timedRedraw(page, () => setControl(page, label, value)));
    await drawn(value);
  }
  return times;
}

/** A series of redraw times for a test's log: `a, b, c ms (first a, median m)`. */
export function describeTimes(times) {
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  return `${times.map((t) => t.toFixed(0)).join(', ')} ms (first ${times[0].toFixed(0)}, median ${median.toFixed(0)})`;
}

/** Sets the control labelled `label` (a range, number, checkbox or select) to `value`, as a reader's input would. */
export async function setControl(page, label, value) {
  const input = page.locator('.attn-controls').getByLabel(label, { exact: false }).first();
  const tag = await input.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await input.selectOption(String(value));
    return;
  }
  await input.evaluate((el, v) => {
    if (el.type === 'checkbox') el.checked = Boolean(v);
    else el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** The badges on the page: label, verdict and measured value of each. */
export async function badges(page) {
  return page.$$eval('.attn-checked', (ps) =>
    ps.map((p) => ({ pass: p.dataset.pass === 'true', text: p.textContent.replace(/\s+/g, ' ').trim() })),
  );
}

/** Total marks drawn by chart `index`, all mark types together. */
export async function markCount(page, index) {
  const all = await charts(page);
  return Object.values(all[index].marks).reduce((a, b) => a + b, 0);
}

/**
 * Reads the rows of data chart `index` draws: the inline `data.values` of its Vega-Lite spec (top level or first
 * layer), as the page handed them to the chart. Fields as the @attn/viz builder named them.
 */
export async function chartData(page, index = 0) {
  return page.evaluate((i) => {
    const spec = document.querySelectorAll('figure.attn-chart')[i].attnSpec;
    const find = (s) => s?.data?.values ?? s?.layer?.map(find).find(Boolean) ?? (s?.spec && find(s.spec));
    return find(spec) ?? [];
  }, index);
}

/**
 * Opens a chapter, waits for its badges and charts, runs `body(page)`, then asserts what every chapter must show:
 * at least one live check, every check green, and no console error, page error, failed or off-origin request.
 */
export async function checkedPage(site, path, body, { timeout = 60000 } = {}) {
  const { page, context, problems } = await openPage(site, path);
  try {
    await page.waitForSelector('.attn-checked', { timeout });
    await charts(page);
    await body(page);
    const all = await badges(page);
    assert.ok(all.length > 0, 'a live check is shown');
    for (const b of all) assert.ok(b.pass, `badge failed: ${b.text}`);
    assert.deepEqual(problems, NO_PROBLEMS);
  } finally {
    await context.close();
  }
}

/**
 * What every chart on the page shows, as SVG from its live view, comparable between two views: the generated
 * gradient and clip ids are numbered out, and the elements are sorted, since a view that took new data lists the
 * same marks in another order (the ones it kept first).
 */
export async function drawnPictures(page) {
  const svgs = await page.$$eval('figure.attn-chart', (figures) => Promise.all(figures.map((f) => f.attnView.toSVG())));
  return svgs.map((svg) =>
    svg
      .replace(/(gradient_|clip)\d+/g, '$1#')
      .split(/(?=<)/)
      .sort()
      .join(''),
  );
}
