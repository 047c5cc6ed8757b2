import type { Grid } from '../input/Grid.js';
import type { ColorScaleChoice } from '../theme/colorScale.js';
import { encodePNG } from './encodePNG.js';
import { matrixPalette } from './matrixPalette.js';
import { toDataURL } from './toDataURL.js';

/**
 * Draws a matrix as a PNG data URL, one pixel per cell, coloured like the heatmap legend; -Infinity is masked grey.
 * The big heatmaps draw this picture instead of one mark per cell.
 *
 * Shapes: a `[rows, cols]` grid -> a `rows x cols` PNG as `data:image/png;base64,...`.
 *
 * @example
 * matrixImage({ shape: [2, 2], values: new Float64Array([0, 1, 1, 0]) }, colorScale([0, 1]));
 */
export function matrixImage(grid: Grid, scale: ColorScaleChoice): string {
  return toDataURL(encodePNG(matrixPalette(grid, scale)), 'image/png');
}
