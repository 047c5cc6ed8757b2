import { type FloatDType, makeTensor, type Tensor } from '@attn/tensor';
import { assertCount } from '../internal/validate.js';

/** Options of {@link sinusoidalEncoding}. */
export interface SinusoidalEncodingOptions {
  /** The element type of the result. Default `float32`. */
  dtype?: FloatDType;
}

/** The paper's base: wavelengths run geometrically from 2π to 10000 · 2π. */
const BASE = 10000;

/**
 * The sinusoidal positional encoding of "Attention Is All You Need" (section 3.5), interleaved as in the paper:
 * PE(pos, 2i) = sin(pos / 10000^(2i/d_model)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model)).
 *
 * Built for the width asked for, never cut from a wider one (the seed's mistake: the first 64 columns of a
 * 512-wide encoding are the fast-varying pairs of a 512-wide code, not a 64-wide encoding). An odd width ends
 * with a sine column whose pair would have been the cosine. Computed in float64, then stored in `dtype`.
 *
 * Shapes: -> `[positions, width]`.
 *
 * @example
 * import { sinusoidalEncoding } from '@attn/attention';
 * const pe = sinusoidalEncoding(128, 64); // [128, 64]; row 0 is [0, 1, 0, 1, ...]
 */
export function sinusoidalEncoding(
  positions: number,
  width: number,
  options: SinusoidalEncodingOptions = {},
): Tensor<FloatDType> {
  assertCount('sinusoidalEncoding', 'positions', positions);
  assertCount('sinusoidalEncoding', 'width', width);
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`sinusoidalEncoding: dtype must be float32 or float64, got ${JSON.stringify(dtype)}`);
  }
  const data = dtype === 'float32' ? new Float32Array(positions * width) : new Float64Array(positions * width);
  // One frequency per (sin, cos) pair: 1 / 10000^(2i / width).
  const frequencies = new Float64Array(Math.ceil(width / 2));
  for (let i = 0; i < frequencies.length; i++) frequencies[i] = BASE ** (-(2 * i) / width);
  for (let pos = 0; pos < positions; pos++) {
    const row = pos * width;
    for (let c = 0; c < width; c++) {
      const angle = pos * frequencies[c >> 1];
      data[row + c] = c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return makeTensor(dtype, data, [positions, width]);
}
