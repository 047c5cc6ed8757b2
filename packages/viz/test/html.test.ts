import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatmap, tokenLinks } from '../src/index.js';
import { toHTML } from '../src/render/index.js';
import { matmulT, randn, softmaxRows, TOKENS } from './fixtures.js';

// Debian's Chromium (apt-get install -y chromium), or any Chromium named by CHROMIUM_PATH; never a downloaded one.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'attn-viz-html-'));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath,
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
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens an exported page from file:// with the network cut off, and reports what it drew and complained about. */
async function open(html: string, name: string) {
  const file = join(dir, name);
  writeFileSync(file, html);
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-rendered="true"]', { timeout: 15_000 });
  return { page, context, problems, requests };
}

describe('toHTML in headless Chromium, offline, from file://', () => {
  it('draws a heatmap with its cells, tokens and masked legend under a strict CSP', async () => {
    const scores = matmulT(randn(8, 4, 1), randn(8, 4, 2)).map((r, i) =>
      r.map((x, j) => (j > i ? Number.NEGATIVE_INFINITY : x)),
    );
    const { page, context, problems, requests } = await open(
      toHTML(heatmap(scores, { rowLabels: TOKENS, colLabels: TOKENS, title: 'Masked scores' })),
      'heatmap.html',
    );
    expect(await page.locator('svg .mark-rect.role-mark path').count()).toBe(64);
    const labels = await page.locator('svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining([...TOKENS, 'Masked scores', 'masked (−∞)']));
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await context.close();
  });

  it('draws token links whose lines follow the hovered token', async () => {
    const w = [0, 1].map((h) => softmaxRows(matmulT(randn(8, 4, 5 + h), randn(8, 4, 7 + h))));
    const { page, context, problems } = await open(toHTML(tokenLinks(w, TOKENS, { minWeight: 0 })), 'links.html');
    const lit = () =>
      page.$$eval(
        'svg .mark-rule.role-mark line',
        (lines) =>
          lines.filter((l) => Number(l.getAttribute('opacity') ?? l.getAttribute('stroke-opacity') ?? 1) > 0.021)
            .length,
      );
    expect(await page.locator('svg .mark-rule.role-mark line').count()).toBe(2 * 64);
    expect(await lit()).toBe(2 * 64);
    // Hovering the query "purred" keeps only its 8 keys in each of the 2 heads.
    await page.locator('svg .mark-text.role-mark text', { hasText: 'purred' }).first().hover();
    await expect.poll(lit).toBe(2 * 8);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws on a canvas when asked', async () => {
    const { page, context, problems } = await open(
      toHTML(
        heatmap([
          [1, 2],
          [3, 4],
        ]),
        { renderer: 'canvas' },
      ),
      'canvas.html',
    );
    const box = await page.locator('#chart canvas').boundingBox();
    expect(box?.width).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    await context.close();
  });
});
