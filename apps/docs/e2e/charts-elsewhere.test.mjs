// The snippets of chapter 16, run as shown: the Node script writes a spec, an SVG, a PNG and an HTML page; the
// shell snippet runs the attn-viz CLI on that spec; the page the Jupyter cell frames draws inside a frame from
// file://; and the site's pages run under the strict Content Security Policy the chapter prints (csp.txt), with the
// WebAssembly kernels on, and fall back to TypeScript kernels when 'wasm-unsafe-eval' is taken away.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distRoot, fileFor } from '../scripts/check-links.mjs';
import { badges, charts, NO_PROBLEMS, openPage, startSite } from './browser.mjs';

const snippets = fileURLToPath(new URL('../snippets/', import.meta.url));
const snippet = (name) => readFileSync(join(snippets, name), 'utf8');

let site;
let work;
before(async () => {
  site = await startSite();
  work = mkdtempSync(join(tmpdir(), 'attn-charts-elsewhere-'));
});
after(async () => {
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The heatmap cells of an SVG from Vega: the paths of the rect mark group (legend rects are not role-mark). */
function svgCells(svg) {
  const group = /<g class="mark-rect role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/.exec(svg);
  return group ? (group[1].match(/<path/g) ?? []).length : 0;
}

test('the Node snippet writes the spec, an SVG with 36 cells, a PNG and an HTML page with its own CSP', () => {
  execFileSync(process.execPath, [join(snippets, 'render-files.mjs')], { cwd: work, stdio: 'pipe' });
  const spec = JSON.parse(readFileSync(join(work, 'head.vl.json'), 'utf8'));
  assert.equal(spec.title.text, 'One causal head');
  assert.equal(spec.layer[0].data.values.length, 36);
  assert.equal(svgCells(readFileSync(join(work, 'head.svg'), 'utf8')), 36);
  const png = readFileSync(join(work, 'head.png'));
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG signature');
  assert.ok(png.readUInt32BE(16) > 300, `PNG width ${png.readUInt32BE(16)} at scale 2`);
  const html = readFileSync(join(work, 'head.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
});

test('the CLI snippet renders the same spec to the same SVG, a PNG and an HTML page', () => {
  // `attn-viz` as an installed package puts it on the PATH: the same here, pointing at this workspace's build.
  const require = createRequire(import.meta.url);
  const vizRoot = dirname(require.resolve('@attn/viz/package.json'));
  const cli = join(vizRoot, JSON.parse(readFileSync(join(vizRoot, 'package.json'), 'utf8')).bin['attn-viz']);
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'attn-viz'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(join(bin, 'attn-viz'), 0o755);
  const out = execFileSync('bash', ['-e', join(snippets, 'render-cli.sh')], {
    cwd: work,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  assert.match(out, /wrote head-cli\.svg[\s\S]*wrote head-cli\.png[\s\S]*wrote head-cli\.html/);
  assert.equal(readFileSync(join(work, 'head-cli.svg'), 'utf8'), readFileSync(join(work, 'head.svg'), 'utf8'));
  assert.ok(readFileSync(join(work, 'head-cli.png')).length > 1000);
  assert.match(readFileSync(join(work, 'head-cli.html'), 'utf8'), /Content-Security-Policy/);
});

test('the page the Jupyter cell frames draws inside a frame, offline, from file://', async () => {
  const cell = snippet('jupyter.py');
  const [, file, width, height] = /IFrame\("([^"]+)", width=(\d+), height=(\d+)\)/.exec(cell);
  // what IPython's IFrame renders: an iframe of that file, that size
  writeFileSync(
    join(work, 'notebook.html'),
    `<!doctype html><iframe src="${file}" width="${width}" height="${height}"></iframe>`,
  );
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && errors.push(r.url()));
  try {
    await page.goto(pathToFileURL(join(work, 'notebook.html')).href);
    const frame = page.frames().find((f) => f.url().endsWith(file));
    assert.ok(frame, 'the frame loaded the page');
    await frame.waitForSelector('svg .mark-rect.role-mark path', { timeout: 20000 });
    assert.equal(await frame.locator('svg .mark-rect.role-mark > path').count(), 36);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the Observable cells load vega-embed and use its container() with the spec file', () => {
  const cells = snippet('observable.ojs');
  assert.match(cells, /require\("vega-embed@7"\)/);
  assert.match(cells, /FileAttachment\("head\.vl\.json"\)/);
  // container() is the vega-embed 7 export the cell calls (Observable's runtime itself is not available here)
  const source = readFileSync(createRequire(import.meta.url).resolve('vega-embed'), 'utf8');
  assert.match(source, /\bcontainer\b/);
});

/** Serves the build with the chapter's policy (csp.txt), plus a hash for each inline script of a page. */
async function serveWithPolicy(policy) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
    '.woff2': 'font/woff2',
  };
  const server = createServer((req, res) => {
    const file = fileFor(distRoot, new URL(req.url, 'http://x').pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
    if (file.endsWith('.html')) {
      const hashes = [...body.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
      );
      headers['content-security-policy'] = policy.replace(/script-src ([^;]*)/, `script-src $1 ${hashes.join(' ')}`);
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

const strictPolicy = snippet('csp.txt')
  .trim()
  .split(/\s*\n\s*/)
  .join(' ');

test('the policy the chapter prints is strict: no unsafe-eval, no unsafe-inline scripts', () => {
  assert.match(strictPolicy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(strictPolicy, /'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
});

for (const path of ['/guide/charts-elsewhere.html', '/guide/cross-attention.html', '/guide/seed-revisited.html', '/']) {
  test(`${path} runs under the strict policy: charts drawn, WebAssembly kernels on, nothing blocked`, async () => {
    const server = await serveWithPolicy(strictPolicy);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const { page, context, problems } = await openPage({ ...site, origin }, path);
    try {
      const drawn = await charts(page);
      for (const c of drawn) assert.equal(c.state, 'ready');
      if (path === '/guide/charts-elsewhere.html') {
        // this page's chart is vega-embed's, not the site's chart component
        await page.waitForSelector('.attn-embed-target svg .mark-rect.role-mark path');
      } else assert.ok(drawn.length > 0, 'the page has charts');
      for (const b of await badges(page)) assert.ok(b.pass, b.text);
      const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/, 'served under the policy');
      if (path === '/guide/charts-elsewhere.html') {
        await page.waitForSelector('[data-backend]');
        assert.equal(await page.textContent('[data-backend]'), 'wasm-simd');
        assert.equal(await page.textContent('[data-csp-violations]'), '0');
      }
      assert.deepEqual(problems, NO_PROBLEMS);
    } finally {
      await context.close();
      await new Promise((ok) => server.close(ok));
    }
  });
}

test("without 'wasm-unsafe-eval' the policy blocks the kernels' WebAssembly, and the page says so", async () => {
  const server = await serveWithPolicy(strictPolicy.replace(" 'wasm-unsafe-eval'", ''));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { page, context } = await openPage({ ...site, origin }, '/guide/charts-elsewhere.html');
  try {
    await page.waitForSelector('[data-backend]');
    assert.equal(await page.textContent('[data-backend]'), 'js', 'the TypeScript kernels took over');
    for (const b of await badges(page)) {
      if (/Content Security Policy/.test(b.text)) assert.equal(b.pass, false, 'the CSP badge turns red');
      else assert.ok(b.pass, `the numbers stay right: ${b.text}`);
    }
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
});
