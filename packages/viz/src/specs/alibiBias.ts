import type { Config } from 'vega-lite';
import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { SEQUENTIAL_SCHEME } from '../theme/theme.js';
import { facetMatrices } from './facetMatrices.js';
import { probeRank } from './headGrid.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link alibiBias}. */
export interface AlibiBiasOptions {
  /** With slopes: the sequence length to draw (default 8, or the number of tokens). */
  length?: number;
  /** With slopes: causal (keys after the query are masked, default) or symmetric `-m |i - j|`. */
  causal?: boolean;
  /** Tokens for the axes. */
  tokens?: readonly string[];
  /** The chart title. */
  title?: string;
  /** Pixels per cell (default: each head about 140 px wide). */
  cellSize?: number;
  /** Heads per row (default 4). */
  columns?: number;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'alibiBias';

/**
 * ALiBi's per-head linear biases, added to the scores before the softmax: `-m_h (i - j)` for key j at or before
 * query i. Give either the slopes (one per head: the bias matrices are built here) or the bias matrices themselves.
 * One panel per head on a shared sequential scale that ends at 0, so steeper heads look darker sooner; masked
 * (future) keys are grey.
 *
 * Shapes: slopes `[head]`, or biases `[head, query, key]` (may hold -Infinity for masked keys).
 *
 * @example
 * import { alibiBias } from '@attn/viz';
 * const spec = alibiBias([0.5, 0.25, 0.125, 0.0625], { length: 8 }); // the slopes 2^(-8h/H) of 4 heads
 */
export function alibiBias(input: NumericInput, options: AlibiBiasOptions = {}): TopLevelSpec {
  const rank = probeRank(input);
  let grid: { shape: number[]; values: Float64Array };
  let slopes: number[] | undefined;
  if (rank === 1) {
    const s = toGrid(FN, 'slopes', input, 1);
    slopes = Array.from(s.values);
    if (slopes.some((m) => m < 0))
      throw new RangeError(`${FN}: slopes must be non-negative, got [${slopes.join(', ')}]`);
    const n = options.length ?? options.tokens?.length ?? 8;
    if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`${FN}: length must be a positive integer, got ${n}`);
    const causal = options.causal ?? true;
    const values = new Float64Array(slopes.length * n * n);
    slopes.forEach((m, h) => {
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          values[(h * n + i) * n + j] = causal && j > i ? Number.NEGATIVE_INFINITY : -m * Math.abs(i - j);
    });
    grid = { shape: [1, slopes.length, n, n], values };
  } else if (rank === 3) {
    const g = toGrid(FN, 'biases', input, 3, { allowNegativeInfinity: true });
    grid = { shape: [1, ...g.shape], values: g.values };
  } else {
    throw new RangeError(`${FN}: give slopes [head] or bias matrices [head, query, key], got ${rank} axes`);
  }
  const [, heads, q, k] = grid.shape;
  let min = 0;
  for (const v of grid.values) if (Number.isFinite(v) && v < min) min = v;
  const fmt = (x: number) => Number(x.toPrecision(3)).toString();
  return {
    ...topLevel({ builder: 'alibiBias', renderer: rendererFor(heads * q * k), drawing: 'cells' }, options.config),
    title: {
      text: options.title ?? 'ALiBi: a linear distance penalty per head',
      subtitle: slopes
        ? `bias = −m·(i − j); slopes m = ${slopes.map(fmt).join(', ')}`
        : 'bias added to the scores before softmax',
    },
    ...facetMatrices({
      grid,
      rowLabels: toLabels(FN, 'tokens', options.tokens, q),
      colLabels: toLabels(FN, 'tokens', q === k ? options.tokens : undefined, k),
      rowTitle: 'query i',
      colTitle: 'key j',
      valueTitle: 'bias',
      scale: { kind: 'sequential', scheme: SEQUENTIAL_SCHEME, domain: [min < 0 ? min : -1, 0] },
      cellSize: options.cellSize ?? Math.max(1, Math.min(20, 140 / Math.max(q, k))),
      columns: options.columns ?? Math.min(4, heads),
      layered: false,
      pickable: false,
    }),
  };
}
