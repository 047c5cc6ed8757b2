import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSite } from './browser.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

test('the landing page loads with no console error, failed or off-origin request', async () => {
  const { page, context, problems } = await openPage(site, '/');
  assert.match(await page.title(), /attn/);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], offOrigin: [] });
  await context.close();
});
