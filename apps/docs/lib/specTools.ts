import type { TopLevelSpec } from 'vega-lite';

/**
 * Above this many data values a chart draws on a canvas, whatever the spec suggests: every SVG cell is a DOM node
 * that a redraw updates attribute by attribute (a 64 x 64 heatmap took 150-700 ms to redraw in SVG here, a few
 * milliseconds on a canvas). SVG downloads are unaffected: they are rendered from the view on demand.
 */
export const CANVAS_THRESHOLD = 1024;

/** A JSON object, as specs are made of. */
export type Json = Record<string, unknown>;

/** Whether `x` is a JSON object (not an array, not null). */
export function isObject(x: unknown): x is Json {
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
 * Picks the renderer: the caller's choice, else canvas for big data, else the spec's `usermeta` (`renderer` or
 * `attnViz.renderer`), else SVG.
 * @example
 * chooseRenderer(spec); // 'svg' for a 12 x 12 heatmap, 'canvas' for 64 x 64
 */
export function chooseRenderer(spec: TopLevelSpec, forced?: 'svg' | 'canvas'): 'svg' | 'canvas' {
  if (forced) return forced;
  if (countValues(spec) > CANVAS_THRESHOLD) return 'canvas';
  const meta = (spec as unknown as Json).usermeta;
  // `usermeta.renderer`, or `usermeta.attnViz.renderer` as the @attn/viz builders write it
  for (const m of [meta, isObject(meta) ? meta.attnViz : undefined]) {
    if (isObject(m) && (m.renderer === 'svg' || m.renderer === 'canvas')) return m.renderer;
  }
  return 'svg';
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
 * A key for "the same chart with other numbers": the Vega-Lite spec with its inline data values and the values of
 * its top-level parameters left out. Two specs with equal keys differ only there, which a live view can swap
 * without compiling the spec or rebuilding the view.
 * @example
 * structureKey(heatmap(a)) === structureKey(heatmap(b)); // true when a and b have the same shape and labels
 */
export function structureKey(spec: unknown): string {
  const { holders } = inlineData(spec);
  // Only the parameters parameterize() made: a spec's own (a hover selection, say) are structure.
  const ours = (p: unknown) => isObject(p) && typeof p.name === 'string' && p.name.startsWith(PARAM_PREFIX);
  const params = new Set<unknown>(isObject(spec) && Array.isArray(spec.params) ? spec.params.filter(ours) : []);
  const names = new Set([...params].map((p) => (p as Json).name));
  const sized = new Set<unknown>(sizeSignals(spec)?.views);
  return JSON.stringify(spec, function (this: unknown, key, value) {
    // The sizes of a single view or of a row of views are signals of the live view: see sizeSignals().
    if (sized.has(this) && (key === 'width' || key === 'height')) return '#';
    if (Array.isArray(value) && typeof this === 'object' && this !== null && holders.has(this)) {
      return key === 'values' || isObject(this) ? `#${value.length > 0}` : value;
    }
    // A top-level parameter's value is data too: a live view takes a new one as a signal.
    if (key === 'value' && params.has(this)) return '#';
    // So are the colours of a scale whose categories are a parameter (see parameterize).
    if (key === 'range' && isObject(this) && isObject(this.domain) && names.has(`${this.domain.expr}${RANGE_SUFFIX}`)) {
      return '#';
    }
    return value;
  });
}

/** Keys that make a spec more than one view (or a view repeated). */
const COMPOSITE = ['concat', 'hconcat', 'vconcat', 'facet', 'repeat', 'spec'];

/** A single (or layered) view with a numeric width and height. */
function isSizedView(v: unknown): v is Json & { width: number; height: number } {
  return (
    isObject(v) && typeof v.width === 'number' && typeof v.height === 'number' && !COMPOSITE.some((key) => key in v)
  );
}

/**
 * The views whose pixel sizes Vega-Lite compiles to signals of the live view, and those signals' values: a single
 * (or layered) view's `width` and `height`; for a row of views (`hconcat`) of one height, the shared `height` and
 * each view's `concat_<i>_width`. A live view takes new sizes with `view.signal(name, value)` instead of being
 * compiled again. Undefined for other specs: their sizes are structure.
 * @example
 * sizeSignals({ width: 440, height: 220, mark: 'rect' }).values; // { width: 440, height: 220 }
 * sizeSignals({ hconcat: [{ width: 480, height: 240, mark: 'rect' }, { width: 360, height: 240, mark: 'line' }] })
 *   .values; // { height: 240, concat_0_width: 480, concat_1_width: 360 }
 */
export function sizeSignals(spec: unknown): { views: Json[]; values: Record<string, number> } | undefined {
  if (isSizedView(spec)) return { views: [spec], values: { width: spec.width, height: spec.height } };
  if (!isObject(spec) || !Array.isArray(spec.hconcat) || 'width' in spec || 'height' in spec) return undefined;
  const views: unknown[] = spec.hconcat;
  const first = views[0];
  if (!isSizedView(first) || !views.every((v) => isSizedView(v) && v.height === first.height)) return undefined;
  const widths = (views as { width: number }[]).map((v, i) => [`concat_${i}_width`, v.width]);
  return { views: views as Json[], values: { height: first.height, ...Object.fromEntries(widths) } };
}

/** The names of the parameters {@link parameterize} adds start with this. */
const PARAM_PREFIX = 'attn_';

/** A domain parameter's name plus this names the parameter of its scale's colours. */
export const RANGE_SUFFIX = '_range';

/** A spec whose data-dependent settings read signals, and the values those signals start with. */
export interface ParameterizedSpec {
  spec: TopLevelSpec;
  /** Signal name -> value: the numbers and texts taken out of the spec. */
  params: Map<string, unknown>;
}

function isStrings(x: unknown): x is string[] {
  return Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === 'string');
}

function isNumbers(x: unknown): x is number[] {
  return Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function isNumberPair(x: unknown): x is [number, number] {
  return isNumbers(x) && x.length === 2;
}

/**
 * Moves what changes with the numbers out of a Vega-Lite spec and into top-level parameters: numeric scale
 * domains (a colour scale's `[min, max]` follows the data), the categories and colours of a colour key (one per
 * head), axis tick positions (they follow a matrix's size), view titles (a title may quote a value) and the label
 * lists that `calculate` transforms index (built once instead of per row). The spec
 * that comes back reads them as expressions, so two specs that differ only there get the same
 * {@link structureKey}, and a live view takes the new values with `view.signal(name, value)` instead of being
 * compiled and built again. The input is not modified.
 * @example
 * const { spec, params } = parameterize(heatmap(x)); // spec...scale.domain = { expr: 'attn_domain_0' }
 */
export function parameterize(input: TopLevelSpec): ParameterizedSpec {
  const params = new Map<string, unknown>();
  const name = (kind: string, value: unknown) => {
    const n = `${PARAM_PREFIX}${kind}_${params.size}`;
    params.set(n, value);
    return { expr: n };
  };
  const text = (t: unknown) => (typeof t === 'string' ? name('text', t) : t);
  const titled = (title: unknown): unknown => {
    if (typeof title === 'string') return { text: text(title) };
    // Vega-Lite hands a subtitle expression on to Vega as a signal, as it does the text.
    if (isObject(title)) {
      const sub = title.subtitle === undefined ? {} : { subtitle: text(title.subtitle) };
      return { ...title, text: text(title.text), ...sub };
    }
    return title;
  };
  const encoding = (enc: Json): Json => {
    const out: Json = {};
    for (const [channel, def] of Object.entries(enc)) {
      if (!isObject(def)) {
        out[channel] = def;
        continue;
      }
      const next: Json = { ...def };
      const scale = def.scale;
      if (isObject(scale)) {
        const s: Json = { ...scale };
        // numeric domains, and the categories of a colour key with their colours (one entry per head, say)
        if (isNumberPair(scale.domain) || isStrings(scale.domain)) {
          const domain = name('domain', scale.domain);
          s.domain = domain;
          // Vega-Lite takes no expression for a range: the compiled spec's scale reads this parameter instead
          // (bindRangeSignals), and structureKey leaves the list out.
          if (isStrings(scale.domain) && isStrings(scale.range))
            params.set(`${domain.expr}${RANGE_SUFFIX}`, scale.range);
        }
        next.scale = s;
      }
      // tick positions that follow the size of a matrix
      if (isObject(def.axis) && isNumbers(def.axis.values))
        next.axis = { ...def.axis, values: name('ticks', def.axis.values) };
      out[channel] = next;
    }
    return out;
  };
  // `["t0","t1",...][datum.row]`: Vega's expression interpreter (no `new Function` under a strict CSP) would build
  // that array again for every row it labels; read from a parameter, it is built once.
  const lookup = /^(\[.*\])\[datum\.([A-Za-z_$][\w$]*)\]$/s;
  const transform = (t: unknown): unknown => {
    if (!isObject(t) || typeof t.calculate !== 'string') return t;
    const m = lookup.exec(t.calculate);
    if (!m) return t;
    let labels: unknown;
    try {
      labels = JSON.parse(m[1]);
    } catch {
      return t;
    }
    return Array.isArray(labels) ? { ...t, calculate: `${name('labels', labels).expr}[datum.${m[2]}]` } : t;
  };
  const view = (v: unknown): unknown => {
    if (!isObject(v)) return v;
    const out: Json = { ...v };
    if ('title' in v) out.title = titled(v.title);
    if (Array.isArray(v.transform)) out.transform = v.transform.map(transform);
    if (isObject(v.encoding)) out.encoding = encoding(v.encoding);
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
      const children = v[key];
      if (Array.isArray(children)) out[key] = children.map(view);
    }
    if (isObject(v.spec)) out.spec = view(v.spec);
    return out;
  };
  const spec = view(input) as Json;
  if (params.size > 0) {
    const own = Array.isArray(spec.params) ? spec.params : [];
    spec.params = [...own, ...[...params].map(([n, value]) => ({ name: n, value }))];
  }
  return { spec: spec as unknown as TopLevelSpec, params };
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
