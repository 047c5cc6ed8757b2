import type { Config } from 'vega-lite';
import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { colorScale } from '../theme/colorScale.js';
import type { TokenLabels } from './attentionWeights.js';
import { facetMatrices } from './facetMatrices.js';
import { IMAGE_THRESHOLD } from './MatrixOptions.js';
import { matrixLayer } from './matrixLayer.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link headGrid}. */
export interface HeadGridOptions {
  /** Tokens for the axes (one list for self-attention, `{ query, key }` for cross-attention). */
  tokens?: TokenLabels;
  /** The chart title. */
  title?: string;
  /** Pixels per cell; by default each head is about 160 px wide. */
  cellSize?: number;
  /** Heads per row when there is one layer (default 4). */
  columns?: number;
  /**
   * From this many cells per head on (default {@link IMAGE_THRESHOLD}, 512 x 512), each head is drawn as one PNG
   * image with its axes; hover and click picking need one mark per cell, so they are off in that mode.
   */
  imageThreshold?: number;
  /** A fixed colour domain (default `[0, max]` over all heads, so colours compare across heads). */
  domain?: readonly [number, number];
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'headGrid';

/**
 * Every head as small multiples (BertViz's model view): one panel per head, and one row per layer when the input
 * has a layer axis. All panels share one colour scale; hovering shows a cell's head, tokens and weight; a click
 * picks a head and fades the others (double-click clears).
 *
 * Large heads (from `imageThreshold` cells each) are drawn as one image per head, on the same shared scale.
 *
 * Shapes: `[head, query, key]` or `[layer, head, query, key]` (tensor or nested arrays).
 *
 * @example
 * import { headGrid } from '@attn/viz';
 * const spec = headGrid(weights, { tokens: ['the', 'cat', 'sat'] }); // weights: [heads, 3, 3]
 */
export function headGrid(weights: NumericInput, options: HeadGridOptions = {}): TopLevelSpec {
  const rank = probeRank(weights);
  if (rank !== 3 && rank !== 4) {
    throw new RangeError(`${FN}: weights must be [head, query, key] or [layer, head, query, key], got ${rank} axes`);
  }
  const raw = toGrid(FN, 'weights', weights, rank);
  const grid = rank === 4 ? raw : { shape: [1, ...raw.shape], values: raw.values };
  const [layers, heads, q, k] = grid.shape;
  const tokens = options.tokens;
  const queryTokens =
    tokens === undefined ? undefined : Array.isArray(tokens) ? tokens : (tokens as { query: readonly string[] }).query;
  const keyTokens =
    tokens === undefined ? undefined : Array.isArray(tokens) ? tokens : (tokens as { key: readonly string[] }).key;
  const cellSize = options.cellSize ?? Math.max(1, Math.min(24, 160 / Math.max(q, k)));
  const rowLabels = toLabels(FN, 'query tokens', queryTokens, q);
  const colLabels = toLabels(FN, 'key tokens', keyTokens, k);
  const scale = colorScale(grid.values, options.domain);
  const title = (subtitle: string) => ({
    text:
      options.title ??
      (rank === 4 ? `Attention weights: ${layers} layers × ${heads} heads` : `Attention weights of ${heads} heads`),
    subtitle,
  });
  if (q * k >= (options.imageThreshold ?? IMAGE_THRESHOLD)) {
    // One image per head: a rect per cell would be millions of marks. Every panel uses the same scale object,
    // so colours compare across heads; only the first panel carries the legend.
    const size = q * k;
    const panels = Array.from({ length: layers * heads }, (_, p) =>
      matrixLayer({
        grid: { shape: [q, k], values: grid.values.subarray(p * size, (p + 1) * size) },
        rowLabels,
        colLabels,
        rowTitle: 'query',
        colTitle: 'key',
        valueTitle: 'weight',
        scale,
        cellSize,
        image: true,
        title: rank === 4 ? `layer ${Math.floor(p / heads)} · head ${p % heads}` : `head ${p}`,
        legend: p === 0,
      }),
    );
    return {
      ...topLevel({ builder: 'headGrid', renderer: 'canvas', drawing: 'image' }, options.config),
      title: title(`${q} × ${k} weights per head, drawn as images on one colour scale`),
      columns: rank === 4 ? heads : (options.columns ?? Math.min(4, heads)),
      concat: panels,
      resolve: { scale: { color: 'shared' } },
    } as TopLevelSpec;
  }
  return {
    ...topLevel(
      { builder: 'headGrid', renderer: rendererFor(layers * heads * q * k), drawing: 'cells' },
      options.config,
    ),
    title: title('hover for values; click a head to pick it, double-click to clear'),
    ...facetMatrices({
      grid,
      rowLabels,
      colLabels,
      rowTitle: 'query',
      colTitle: 'key',
      valueTitle: 'weight',
      scale,
      cellSize,
      columns: options.columns ?? Math.min(4, heads),
      layered: rank === 4,
      pickable: true,
    }),
  };
}

/** The nesting depth of an input (tensor rank or array depth), read before the full check. */
export function probeRank(input: NumericInput): number {
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && 'shape' in input)
    return input.shape.length;
  let depth = 0;
  let v: unknown = input;
  while (Array.isArray(v)) {
    depth++;
    v = v[0];
  }
  return depth;
}
