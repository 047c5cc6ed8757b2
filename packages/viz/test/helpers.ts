import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger } from '../src/render/collectingLogger.js';
import { toSVG } from '../src/render/toSVG.js';

const require = createRequire(import.meta.url);
const schema = require('vega-lite/vega-lite-schema.json');
const ajv = new Ajv({ allowUnionTypes: true, strict: false, validateFormats: false });
const validateSchema = ajv.compile(schema);

/** The schema errors of a spec (empty when valid). */
export function schemaErrors(spec: TopLevelSpec): string[] {
  // Validate what a page would load: the JSON text, not the JS object.
  const ok = validateSchema(JSON.parse(JSON.stringify(spec)));
  return ok ? [] : (validateSchema.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
}

/** The warnings Vega-Lite gives while compiling a spec. */
export function compileWarnings(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  compile(spec, { logger: collectingLogger((m) => warnings.push(m)) as never });
  return warnings;
}

/** Renders to SVG and returns it with every warning from Vega-Lite and Vega. */
export async function render(spec: TopLevelSpec): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const svg = await toSVG(spec, { onWarning: (m) => warnings.push(m) });
  return { svg, warnings };
}

/** Number of marks drawn by the mark groups of a kind (`rect`, `rule`, `text`, ...) in an SVG, legends excluded. */
export function countMarks(svg: string, kind: string, filter?: (group: string) => boolean): number {
  const re = new RegExp(`<g class="mark-${kind} role-mark([^"]*)"[^>]*>(.*?)</g>`, 'gs');
  let n = 0;
  for (const m of svg.matchAll(re)) {
    if (filter && !filter(m[0])) continue;
    n += (m[2].match(kind === 'text' ? /<text/g : /<(path|line|image)/g) ?? []).length;
  }
  return n;
}

/** The texts of the SVG's `<text>` elements. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<'));
}

/** True when the JSON round trip keeps the spec intact (no Infinity, NaN or undefined inside). */
export function isPlainJSON(spec: unknown): boolean {
  const text = JSON.stringify(spec);
  return (
    !/Infinity|NaN/.test(text) && JSON.stringify(JSON.parse(text)) === text && deepEqualJSON(spec, JSON.parse(text))
  );
}

function deepEqualJSON(a: unknown, b: unknown): boolean {
  if (typeof a === 'number') return typeof b === 'number' && Number.isFinite(a) && a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqualJSON(x, b[i]));
  if (a && typeof a === 'object') {
    const keys = Object.keys(a);
    return (
      !!b &&
      typeof b === 'object' &&
      keys.length === Object.keys(b).length &&
      keys.every((k) => deepEqualJSON((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}
