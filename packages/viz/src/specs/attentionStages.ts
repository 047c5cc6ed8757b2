import type { Config } from 'vega-lite';
import { applyMask } from '../input/applyMask.js';
import type { Grid } from '../input/Grid.js';
import { sliceGrid } from '../input/sliceGrid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { colorScale } from '../theme/colorScale.js';
import type { AttentionTrace } from '../trace/AttentionTrace.js';
import { defaultCellSize, matrixLayer } from './matrixLayer.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link attentionStages}. */
export interface AttentionStagesOptions {
  /** Which batch element (default 0). */
  batch?: number;
  /** Which head (default 0). */
  head?: number;
  /** The tokens of the sequence (queries and keys alike), for the axes. */
  tokens?: readonly string[];
  /** Pixels per cell; by default each stage is about 220 px wide. */
  cellSize?: number;
  /** The chart title. */
  title?: string;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'attentionStages';

/**
 * Every stage of one head side by side: Q K^T -> scaled by 1/sqrt(d_k) -> masked -> softmax weights -> output
 * (weights times V). Each stage has its own colour scale and legend (signed stages diverge around 0, weights are
 * sequential), masked entries are grey with a legend entry, and the axes carry the tokens.
 *
 * Shapes: a trace whose tensors are `[batch, head, query, key]` (output `[batch, head, query, dim]`).
 *
 * @example
 * import { attentionStages } from '@attn/viz';
 * const spec = attentionStages(trace, { head: 2, tokens: ['the', 'cat', 'sat'] });
 */
export function attentionStages(trace: AttentionTrace, options: AttentionStagesOptions = {}): TopLevelSpec {
  if (typeof trace !== 'object' || trace === null) throw new TypeError(`${FN}: trace must be an AttentionTrace object`);
  const { batch = 0, head = 0 } = options;
  const pick = (name: keyof AttentionTrace, masked = false): Grid => {
    const value = trace[name];
    if (value === undefined || typeof value === 'number') throw new TypeError(`${FN}: trace.${name} is missing`);
    const grid = toGrid(FN, `trace.${name}`, value, 4, { allowNegativeInfinity: masked });
    return sliceGrid(grid, [batch, head], FN, ['batch', 'head']);
  };
  const scores = pick('scores');
  const scaled = pick('scaled');
  const masked = pick('masked', true);
  const mask = pick('mask');
  const weights = applyMask(FN, pick('weights'), mask);
  const output = pick('output');
  const [q, k] = scores.shape;
  for (const [name, g] of [
    ['scaled', scaled],
    ['masked', masked],
    ['weights', weights],
  ] as const) {
    if (g.shape[0] !== q || g.shape[1] !== k) {
      throw new RangeError(`${FN}: trace.${name} is [${g.shape.join(',')}] per head but trace.scores is [${q},${k}]`);
    }
  }
  if (output.shape[0] !== q)
    throw new RangeError(`${FN}: trace.output has ${output.shape[0]} queries, scores have ${q}`);
  const tokens = toLabels(FN, 'tokens', options.tokens, q);
  const keyTokens = q === k ? tokens : toLabels(FN, 'tokens', undefined, k);
  const dims = toLabels(FN, 'dims', undefined, output.shape[1]);
  const cellSize = options.cellSize ?? defaultCellSize(q, Math.max(k, output.shape[1]), 220);
  const scale = trace.scale;
  const stage = (grid: Grid, title: string, valueTitle: string, cols: string[], colTitle: string) =>
    matrixLayer({
      grid,
      rowLabels: tokens,
      colLabels: cols,
      rowTitle: 'query',
      colTitle,
      valueTitle,
      scale: colorScale(grid.values),
      cellSize,
      image: false,
      title,
    });
  const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x));
  return {
    ...topLevel(
      { builder: 'attentionStages', renderer: rendererFor(4 * q * k + q * output.shape[1]), drawing: 'cells' },
      options.config,
    ),
    title: {
      text: options.title ?? `Attention, stage by stage (batch ${batch}, head ${head})`,
      subtitle: `scale = ${fmt(scale)}${scale > 0 ? ` = 1/√${fmt(1 / (scale * scale))}` : ''}; grey cells are masked`,
    },
    hconcat: [
      stage(scores, '1. scores Q·Kᵀ', 'score', keyTokens, 'key'),
      stage(scaled, `2. scaled ×${fmt(scale)}`, 'scaled', keyTokens, 'key'),
      stage(masked, '3. masked', 'masked score', keyTokens, 'key'),
      stage(weights, '4. softmax weights', 'weight', keyTokens, 'key'),
      stage(output, '5. output weights·V', 'output', dims, 'dimension'),
    ],
    resolve: { scale: { color: 'independent', stroke: 'independent' }, legend: { color: 'independent' } },
  };
}
