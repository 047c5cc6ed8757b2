import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { attentionWeights, heatmap } from '../src/index.js';
import { fontFiles, toHTML, toPNG, toSVG, toVega } from '../src/render/index.js';
import { randn, softmaxRows, TOKENS } from './fixtures.js';

const spec = attentionWeights(softmaxRows(randn(4, 4, 1)), TOKENS.slice(0, 4), { title: 'Head 0' });

describe('toPNG', () => {
  it('draws a PNG at the asked scale, the same bytes every time', async () => {
    const a = await toPNG(spec, { scale: 1 });
    const b = await toPNG(spec, { scale: 1 });
    const c = await toPNG(spec, { scale: 2 });
    expect([...a.subarray(1, 4)]).toEqual([80, 78, 71]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const width = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(width(c)).toBe(2 * width(a));
  });

  it('uses the bundled DejaVu fonts only', () => {
    const files = fontFiles();
    expect(files.map((f) => f.split('/').pop())).toContain('DejaVuSans.ttf');
  });

  it('refuses a silly scale', async () => {
    await expect(toPNG(spec, { scale: 0 })).rejects.toThrow('toPNG: scale must be a number in (0, 16], got 0');
  });
});

describe('toSVG and toVega', () => {
  it('reports Vega-Lite warnings to the caller', async () => {
    const warnings: string[] = [];
    // A shape encoding on bars means nothing: Vega-Lite warns, the renderer passes it on.
    await toSVG(
      { data: { values: [{ a: 'x' }] }, mark: 'bar', encoding: { shape: { field: 'a', type: 'nominal' } } },
      { onWarning: (m) => warnings.push(m) },
    );
    expect(warnings.join('\n')).toMatch(/shape/);
  });

  it('compiles to a Vega spec', () => {
    const vega = toVega(heatmap([[1, 2]]));
    expect(vega.$schema).toMatch(/vega\/v6/);
    expect(() => toVega(null as never)).toThrow('toVega: spec must be a Vega-Lite spec object, got null');
  });
});

describe('toHTML', () => {
  it('inlines the Vega runtime and the compiled spec, with a strict CSP and no network', () => {
    const html = toHTML(spec);
    expect(html).toContain('<title>Head 0</title>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('unsafe-eval');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).not.toContain('vega-lite.min');
    expect(html).toContain('vegaInterpreter');
  });
});

describe('attn-viz CLI', () => {
  const run = async (argv: string[], files: Record<string, string> = {}) => {
    const written: Record<string, string | Uint8Array> = {};
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      readFile: (p) => {
        if (!(p in files)) throw new Error(`ENOENT: no such file, open '${p}'`);
        return files[p];
      },
      writeFile: (p, d) => {
        written[p] = d;
      },
      extname,
      parseArgs,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, written, out, err };
  };
  const files = { 'spec.json': JSON.stringify(heatmap([[1, -1]])) };

  it.each(['svg', 'png', 'html'])('renders a spec file to .%s', async (kind) => {
    const { code, written, out } = await run(['render', 'spec.json', '-o', `out.${kind}`], files);
    expect(code).toBe(0);
    expect(out).toEqual([`attn-viz: wrote out.${kind}`]);
    const data = written[`out.${kind}`];
    if (kind === 'png') expect([...(data as Uint8Array).subarray(1, 4)]).toEqual([80, 78, 71]);
    else expect(String(data)).toMatch(kind === 'svg' ? /^<svg/ : /^<!doctype html>/);
  });

  it('explains misuse', async () => {
    expect((await run(['draw'])).code).toBe(2);
    expect((await run(['render', 'spec.json', '-o', 'out.jpg'], files)).err[0]).toMatch(
      /must end in .svg, .png or .html/,
    );
    expect((await run(['render', 'spec.json', '-o', 'out.png', '--scale', 'x'], files)).err[0]).toMatch(/--scale/);
    const missing = await run(['render', 'nope.json', '-o', 'out.svg']);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/cannot read nope.json as JSON: ENOENT/);
    expect((await run(['--help'])).out[0]).toMatch(/^usage: attn-viz render/);
  });
});
