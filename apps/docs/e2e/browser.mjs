// Shared harness of the site's browser tests: serves the production build on 127.0.0.1 and drives
// Debian's Chromium through playwright-core (never a browser downloaded by a tool).
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
