import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { colorScale } from '../theme/colorScale.js';
import { IMAGE_THRESHOLD, type MatrixOptions } from './MatrixOptions.js';
import { defaultCellSize, matrixLayer } from './matrixLayer.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/**
 * A heatmap of one matrix: labelled rows and columns, a colour scale chosen by the data (viridis for non-negative
 * values, blue-orange centred on 0 for signed ones), a legend, and tooltips with row, column and value.
 * `-Infinity` entries (masked scores) are drawn in neutral grey with their own legend entry.
 * From 512 x 512 cells on (configurable) the matrix is drawn as one PNG image with the same axes and legend.
 *
 * Shapes: `[rows, cols]` (tensor or nested arrays) -> a Vega-Lite spec.
 *
 * @example
 * import { heatmap } from '@attn/viz';
 * const spec = heatmap([[1, -2], [0.5, 3]], { title: 'W_q', rowLabels: ['a', 'b'], colTitle: 'dimension' });
 */
export function heatmap(matrix: NumericInput, options: MatrixOptions = {}): TopLevelSpec {
  const grid = toGrid('heatmap', 'matrix', matrix, 2, { allowNegativeInfinity: true });
  const [rows, cols] = grid.shape;
  const rowLabels = toLabels('heatmap', 'rowLabels', options.rowLabels, rows);
  const colLabels = toLabels('heatmap', 'colLabels', options.colLabels, cols);
  const image = rows * cols >= (options.imageThreshold ?? IMAGE_THRESHOLD);
  const cellSize = options.cellSize ?? defaultCellSize(rows, cols);
  if (!(cellSize > 0)) throw new RangeError(`heatmap: cellSize must be a positive number of pixels, got ${cellSize}`);
  const layer = matrixLayer({
    grid,
    rowLabels,
    colLabels,
    rowTitle: options.rowTitle ?? 'row',
    colTitle: options.colTitle ?? 'column',
    valueTitle: options.valueTitle ?? 'value',
    scale: colorScale(grid.values, options.domain),
    cellSize,
    image,
  });
  return {
    ...topLevel(
      { builder: 'heatmap', renderer: image ? 'canvas' : rendererFor(rows * cols), drawing: image ? 'image' : 'cells' },
      options.config,
    ),
    ...(options.title
      ? { title: { text: options.title, ...(options.subtitle ? { subtitle: options.subtitle } : {}) } }
      : {}),
    ...layer,
  };
}
