import type { TopLevelSpec } from 'vega-lite';

/** Above this many data values a chart draws on a canvas: thousands of SVG nodes make redraws slow. */
export const CANVAS_THRESHOLD = 4096;

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Counts the inline data values of a Vega-Lite spec, nested views and named datasets included.
 * @example
 * countValues({ data: { values: [{ a: 1 }, { a: 2 }] }, mark: 'point' }); // 2
 */
export function countValues(spec: unknown): number {
  if (!isObject(spec)) return 0;
  let n = 0;
  const data = spec.data;
  if (isObject(data) && Array.isArray(data.values)) n += data.values.length;
  if (isObject(spec.datasets)) {
    for (const values of Object.values(spec.datasets)) if (Array.isArray(values)) n += values.length;
  }
  for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
    const children = spec[key];
    if (Array.isArray(children)) for (const child of children) n += countValues(child);
  }
  if (isObject(spec.spec)) n += countValues(spec.spec);
  return n;
}

/**
 * Picks the renderer: the caller's choice, else the spec's `usermeta` (`renderer` or `attnViz.renderer`), else
 * canvas for big data.
 * @example
 * chooseRenderer(spec); // 'svg' for a 12 x 12 heatmap, 'canvas' for 128 x 128
 */
export function chooseRenderer(spec: TopLevelSpec, forced?: 'svg' | 'canvas'): 'svg' | 'canvas' {
  if (forced) return forced;
  const meta = (spec as unknown as Json).usermeta;
  // `usermeta.renderer`, or `usermeta.attnViz.renderer` as the @attn/viz builders write it
  for (const m of [meta, isObject(meta) ? meta.attnViz : undefined]) {
    if (isObject(m) && (m.renderer === 'svg' || m.renderer === 'canvas')) return m.renderer;
  }
  return countValues(spec) > CANVAS_THRESHOLD ? 'canvas' : 'svg';
}

/**
 * The inline data arrays of a Vega-Lite spec (`data.values` at every level, and named `datasets`), in a fixed
 * order, with the objects that hold them.
 */
export function inlineData(spec: unknown): { arrays: unknown[][]; holders: Set<object> } {
  const arrays: unknown[][] = [];
  const holders = new Set<object>();
  const walk = (s: unknown): void => {
    if (!isObject(s)) return;
    if (isObject(s.data) && Array.isArray(s.data.values)) {
      arrays.push(s.data.values);
      holders.add(s.data);
    }
    if (isObject(s.datasets)) {
      holders.add(s.datasets);
      for (const values of Object.values(s.datasets)) if (Array.isArray(values)) arrays.push(values);
    }
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
      const children = s[key];
      if (Array.isArray(children)) children.forEach(walk);
    }
    walk(s.spec);
  };
  walk(spec);
  return { arrays, holders };
}

/**
 * A key for "the same chart with other numbers": the Vega-Lite spec with its inline data values left out.
 * Two specs with equal keys differ only in their data, which a live view can swap without compiling the spec or
 * rebuilding the view.
 * @example
 * structureKey(heatmap(a)) === structureKey(heatmap(b)); // true when a and b have the same shape and labels
 */
export function structureKey(spec: unknown): string {
  const { holders } = inlineData(spec);
  return JSON.stringify(spec, function (this: unknown, key, value) {
    if (Array.isArray(value) && typeof this === 'object' && this !== null && holders.has(this)) {
      return key === 'values' || isObject(this) ? `#${value.length > 0}` : value;
    }
    return value;
  });
}

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
}

/**
 * Counts the drawn marks of a Vega scenegraph by mark type (`rect`, `rule`, `text`, ...), leaving out axes,
 * legends and titles, so a test can check that a 12 x 12 heatmap drew 144 cells whatever the renderer.
 */
export function countMarks(root: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (node: SceneNode): void => {
    if (node.marktype !== undefined && node.role === 'mark' && node.marktype !== 'group') {
      counts[node.marktype] = (counts[node.marktype] ?? 0) + (node.items?.length ?? 0);
      return;
    }
    for (const child of node.items ?? []) walk(child);
  };
  walk(root as SceneNode);
  return counts;
}

function titleText(title: unknown): { text: string; subtitle: string } {
  const join = (t: unknown) => (Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '');
  if (isObject(title)) return { text: join(title.text), subtitle: join(title.subtitle) };
  return { text: join(title), subtitle: '' };
}

/**
 * The words a chart is known by: its title, its description and the text alternative built from both.
 * @example
 * specText({ title: 'Attention weights', description: 'Each row sums to 1.', mark: 'rect' }).alt;
 * // 'Attention weights. Each row sums to 1.'
 */
export function specText(spec: TopLevelSpec): { title: string; description: string; alt: string } {
  const s = spec as unknown as Json;
  const { text, subtitle } = titleText(s.title);
  const title = [text, subtitle].filter(Boolean).join(': ');
  const description = typeof s.description === 'string' ? s.description : '';
  const alt = [title, description].filter(Boolean).join('. ') || 'Chart';
  return { title, description, alt };
}
