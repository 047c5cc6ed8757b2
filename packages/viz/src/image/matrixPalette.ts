import type { Grid } from '../input/Grid.js';
import type { ColorScaleChoice } from '../theme/colorScale.js';
import { MASKED_COLOR } from '../theme/theme.js';
import { colormap } from './colormap.js';
import type { PaletteImage } from './encodePNG.js';

/** Palette indices 0..254 are colour levels; 255 is the masked grey. */
const LEVELS = 255;

/**
 * Colours a matrix as an 8-bit palette image, one pixel per cell, like the heatmap legend; -Infinity is masked grey.
 * 255 colour levels cannot be told apart from a continuous ramp, and an 8-bit palette keeps a PNG small. The
 * picture {@link matrixImage} encodes and {@link matrixPixels} expands for a canvas.
 *
 * Shapes: a `[rows, cols]` grid -> `rows x cols` palette indices and a 256-colour palette.
 *
 * @example
 * matrixPalette({ shape: [1, 2], values: new Float64Array([0, 1]) }, colorScale([0, 1])).pixels; // Uint8Array [0, 254]
 */
export function matrixPalette(grid: Grid, scale: ColorScaleChoice): PaletteImage {
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
  return { width: cols, height: rows, pixels, palette };
}
