import type { Grid } from '../input/Grid.js';
import type { ColorScaleChoice } from '../theme/colorScale.js';
import { MASKED_COLOR } from '../theme/theme.js';
import { colormap } from './colormap.js';
import { encodePNG } from './encodePNG.js';
import { toDataURL } from './toDataURL.js';

/** Palette indices 0..254 are colour levels; 255 is the masked grey. */
const LEVELS = 255;

/**
 * Draws a matrix as a PNG data URL, one pixel per cell, coloured like the heatmap legend; -Infinity is masked grey.
 * 255 colour levels cannot be told apart from a continuous ramp, and let the PNG use an 8-bit palette.
 *
 * Shapes: a `[rows, cols]` grid -> a `rows x cols` PNG as `data:image/png;base64,...`.
 *
 * @example
 * matrixImage({ shape: [2, 2], values: new Float64Array([0, 1, 1, 0]) }, colorScale([0, 1]));
 */
export function matrixImage(grid: Grid, scale: ColorScaleChoice): string {
  const [rows, cols] = grid.shape;
  const lut = colormap(scale.scheme);
  const palette = new Uint8Array(256 * 3);
  for (let k = 0; k < LEVELS; k++) {
    const src = Math.round((k / (LEVELS - 1)) * 255) * 3;
    palette.set(lut.subarray(src, src + 3), k * 3);
  }
  palette.set(
    [1, 3, 5].map((i) => Number.parseInt(MASKED_COLOR.slice(i, i + 2), 16)),
    LEVELS * 3,
  );
  const [lo, hi] = scale.domain;
  const pixels = new Uint8Array(rows * cols);
  const { values } = grid;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === Number.NEGATIVE_INFINITY) {
      pixels[i] = LEVELS;
      continue;
    }
    const t = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
    pixels[i] = Math.round(t * (LEVELS - 1));
  }
  return toDataURL(encodePNG({ width: cols, height: rows, pixels, palette }), 'image/png');
}
