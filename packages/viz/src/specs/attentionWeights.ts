import { applyMask } from '../input/applyMask.js';
import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { colorScale } from '../theme/colorScale.js';
import { IMAGE_THRESHOLD, type MatrixOptions } from './MatrixOptions.js';
import { defaultCellSize, matrixLayer } from './matrixLayer.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Tokens of self-attention (one list) or cross-attention (queries and keys apart). */
export type TokenLabels = readonly string[] | { readonly query: readonly string[]; readonly key: readonly string[] };

/** Options of {@link attentionWeights}. */
export interface AttentionWeightsOptions extends Omit<MatrixOptions, 'rowLabels' | 'colLabels'> {
  /** A boolean mask `[query, key]` (`true` = may attend): forbidden pairs are drawn as masked, not as zero weights. */
  mask?: NumericInput;
}

/**
 * The attention weights of one head: queries down, keys across, each labelled with its token, coloured
 * sequentially from 0; each row sums to 1 (or is all 0 for a fully masked query).
 *
 * Shapes: `weights` `[query, key]`; `tokens` of length `query` (self-attention) or `{ query, key }`.
 *
 * @example
 * import { attentionWeights } from '@attn/viz';
 * const spec = attentionWeights([[1, 0], [0.3, 0.7]], ['hello', 'world'], { title: 'Head 0' });
 */
export function attentionWeights(
  weights: NumericInput,
  tokens?: TokenLabels,
  options: AttentionWeightsOptions = {},
): TopLevelSpec {
  let grid = toGrid('attentionWeights', 'weights', weights, 2);
  const [rows, cols] = grid.shape;
  const queryTokens =
    tokens === undefined ? undefined : Array.isArray(tokens) ? tokens : (tokens as { query: readonly string[] }).query;
  const keyTokens =
    tokens === undefined ? undefined : Array.isArray(tokens) ? tokens : (tokens as { key: readonly string[] }).key;
  const rowLabels = toLabels('attentionWeights', 'query tokens', queryTokens, rows);
  const colLabels = toLabels('attentionWeights', 'key tokens', keyTokens, cols);
  const scale = colorScale(grid.values, options.domain);
  if (options.mask !== undefined)
    grid = applyMask('attentionWeights', grid, toGrid('attentionWeights', 'mask', options.mask, 2));
  const image = rows * cols >= (options.imageThreshold ?? IMAGE_THRESHOLD);
  const layer = matrixLayer({
    grid,
    rowLabels,
    colLabels,
    rowTitle: options.rowTitle ?? 'query',
    colTitle: options.colTitle ?? 'key',
    valueTitle: options.valueTitle ?? 'weight',
    scale,
    cellSize: options.cellSize ?? defaultCellSize(rows, cols),
    image,
  });
  const title = options.title ?? 'Attention weights';
  return {
    ...topLevel(
      {
        builder: 'attentionWeights',
        renderer: image ? 'canvas' : rendererFor(rows * cols),
        drawing: image ? 'image' : 'cells',
      },
      options.config,
    ),
    title: { text: title, subtitle: options.subtitle ?? 'softmax over keys: each row sums to 1' },
    ...layer,
  };
}
