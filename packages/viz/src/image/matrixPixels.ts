import type { Grid } from '../input/Grid.js';
import type { ColorScaleChoice } from '../theme/colorScale.js';
import { matrixPalette } from './matrixPalette.js';

/** Opaque RGBA pixels, row-major: the layout of the browser's `ImageData`. */
export interface RGBAImage {
  width: number;
  height: number;
  /** `width * height * 4` bytes, `[r, g, b, a, ...]`, top row first. */
  data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * Colours a matrix as RGBA pixels, one per cell, the same colours as {@link matrixImage}, to paint on a canvas
 * without encoding and decoding a PNG: `ctx.putImageData(new ImageData(data, width, height), 0, 0)`.
 *
 * Shapes: a `[rows, cols]` grid -> `rows x cols` RGBA pixels (`rows * cols * 4` bytes).
 *
 * @example
 * matrixPixels({ shape: [1, 1], values: new Float64Array([0]) }, colorScale([0, 1])).data; // [68, 1, 84, 255]
 */
export function matrixPixels(grid: Grid, scale: ColorScaleChoice): RGBAImage {
  const { width, height, pixels, palette } = matrixPalette(grid, scale);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i] * 3;
    data[i * 4] = palette[p];
    data[i * 4 + 1] = palette[p + 1];
    data[i * 4 + 2] = palette[p + 2];
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}
