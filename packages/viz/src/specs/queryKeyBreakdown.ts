import type { Config } from 'vega-lite';
import type { NumericInput } from '../input/Grid.js';
import { sliceGrid } from '../input/sliceGrid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { colorScale } from '../theme/colorScale.js';
import { CATEGORY_COLORS } from '../theme/theme.js';
import { defaultCellSize, matrixLayer } from './matrixLayer.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link queryKeyBreakdown}. */
export interface QueryKeyBreakdownOptions {
  /** Tokens of the queries (and keys, unless `keyTokens` is given), to name q_i and k_j. */
  tokens?: readonly string[];
  /** Tokens of the keys, for cross-attention. */
  keyTokens?: readonly string[];
  /** The scale of the score (default 1/sqrt(d_k)). */
  scale?: number;
  /** The chart title. */
  title?: string;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'queryKeyBreakdown';

/**
 * BertViz's neuron view: the elementwise products q_i[d] * k_j[d] whose sum is the score of query i and key j.
 * Top: q_i, k_j and their product as three rows of cells; bottom: the products as bars, so the dimensions that
 * push the score up or down stand out.
 *
 * Shapes: `q` `[query, d_k]`, `k` `[key, d_k]`; `i` a query index, `j` a key index.
 *
 * @example
 * import { queryKeyBreakdown } from '@attn/viz';
 * const spec = queryKeyBreakdown([[1, 2], [0, 1]], [[1, -1], [2, 0]], 0, 1, { tokens: ['a', 'b'] });
 */
export function queryKeyBreakdown(
  q: NumericInput,
  k: NumericInput,
  i: number,
  j: number,
  options: QueryKeyBreakdownOptions = {},
): TopLevelSpec {
  const Q = toGrid(FN, 'q', q, 2);
  const K = toGrid(FN, 'k', k, 2);
  const d = Q.shape[1];
  if (K.shape[1] !== d)
    throw new RangeError(
      `${FN}: q is [${Q.shape.join(',')}] and k is [${K.shape.join(',')}]: d_k differs (${d} != ${K.shape[1]})`,
    );
  const qi = sliceGrid(Q, [i], FN, ['query index i']).values;
  const kj = sliceGrid(K, [j], FN, ['key index j']).values;
  const qTokens = toLabels(FN, 'tokens', options.tokens, Q.shape[0]);
  const kTokens = toLabels(
    FN,
    'keyTokens',
    options.keyTokens ?? (Q.shape[0] === K.shape[0] ? options.tokens : undefined),
    K.shape[0],
  );
  const products = Array.from(qi, (x, n) => x * kj[n]);
  const score = products.reduce((a, b) => a + b, 0);
  const scale = options.scale ?? 1 / Math.sqrt(d);
  const strip = new Float64Array([...qi, ...kj, ...products]);
  const rowNames = [`q_${i} (${qTokens[i]})`, `k_${j} (${kTokens[j]})`, 'q × k'];
  const fmt = (x: number) => Number(x.toPrecision(4)).toString();
  const cell = Math.min(28, defaultCellSize(3, d));
  return {
    ...topLevel({ builder: 'queryKeyBreakdown', renderer: rendererFor(4 * d), drawing: 'cells' }, options.config),
    title: {
      text: options.title ?? `Why "${qTokens[i]}" attends to "${kTokens[j]}": q_${i} · k_${j}`,
      subtitle: `score = Σ_d q[d]·k[d] = ${fmt(score)}; scaled by ${fmt(scale)}: ${fmt(score * scale)}`,
    },
    vconcat: [
      matrixLayer({
        grid: { shape: [3, d], values: strip },
        rowLabels: rowNames,
        colLabels: toLabels(FN, 'dims', undefined, d),
        rowTitle: 'vector',
        colTitle: 'dimension d',
        valueTitle: 'value',
        scale: colorScale(strip),
        cellSize: cell,
        image: false,
      }),
      {
        width: cell * d,
        height: 140,
        data: {
          values: products.map((p, n) => ({
            dim: n,
            product: p,
            sign: p >= 0 ? 'raises the score' : 'lowers the score',
          })),
        },
        mark: { type: 'bar' },
        encoding: {
          x: {
            field: 'dim',
            type: 'ordinal',
            title: 'dimension d',
            axis: {
              labelAngle: 0,
              ...(d > 32 ? { values: Array.from({ length: Math.ceil(d / 8) }, (_, n) => n * 8) } : {}),
            },
          },
          y: { field: 'product', type: 'quantitative', title: 'q[d] · k[d]' },
          color: {
            field: 'sign',
            type: 'nominal',
            title: null,
            scale: {
              domain: ['raises the score', 'lowers the score'],
              range: [CATEGORY_COLORS[1], CATEGORY_COLORS[0]],
            },
          },
          tooltip: [
            { field: 'dim', type: 'ordinal', title: 'dimension' },
            { field: 'product', type: 'quantitative', format: '.4~g' },
          ],
        },
      },
    ],
    resolve: { scale: { color: 'independent', stroke: 'independent' } },
  };
}
