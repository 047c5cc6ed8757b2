import { type FloatDType, makeTensor, type Tensor } from '@attn/tensor';
import { assertCount, describe } from '../internal/validate.js';

/**
 * Where the sines and cosines go in a sinusoidal encoding:
 * - `'interleaved'` (the paper): sin, cos, sin, cos, ... pair i in columns 2i and 2i + 1;
 * - `'concatenated'` (tensor2tensor, many reimplementations): every sine first, then every cosine.
 */
export type SinusoidalLayout = 'interleaved' | 'concatenated';

/** Options of {@link sinusoidalEncoding}. */
export interface SinusoidalEncodingOptions {
  /** The element type of the result. Default `float32`. */
  dtype?: FloatDType;
  /** Where the sine and cosine of each pair go. Default `'interleaved'`, the paper's. */
  layout?: SinusoidalLayout;
  /** The base of the wavelengths: pair i has frequency base^(-2i/width). Default 10000, the paper's. */
  base?: number;
}

/**
 * The sinusoidal positional encoding of "Attention Is All You Need" (section 3.5), interleaved as in the paper:
 * PE(pos, 2i) = sin(pos / 10000^(2i/d_model)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model)).
 *
 * Built for the width asked for, never cut from a wider one (the seed's mistake: the first 64 columns of a
 * 512-wide encoding are the fast-varying pairs of a 512-wide code, not a 64-wide encoding). An odd width ends
 * with a sine column whose pair would have been the cosine. Computed in float64, then stored in `dtype`.
 * `layout: 'concatenated'` puts the ceil(width/2) sines first and the floor(width/2) cosines after them (same
 * frequencies); `base` changes 10000.
 *
 * Shapes: -> `[positions, width]`.
 *
 * @example
 * import { sinusoidalEncoding } from '@attn/attention';
 * const pe = sinusoidalEncoding(128, 64); // [128, 64]; row 0 is [0, 1, 0, 1, ...]
 * const cat = sinusoidalEncoding(128, 64, { layout: 'concatenated' }); // row 0 is [0 x 32, 1 x 32]
 */
export function sinusoidalEncoding(
  positions: number,
  width: number,
  options: SinusoidalEncodingOptions = {},
): Tensor<FloatDType> {
  const fn = 'sinusoidalEncoding';
  assertCount(fn, 'positions', positions);
  assertCount(fn, 'width', width);
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`${fn}: dtype must be float32 or float64, got ${JSON.stringify(dtype)}`);
  }
  const layout = options.layout ?? 'interleaved';
  if (layout !== 'interleaved' && layout !== 'concatenated') {
    throw new RangeError(`${fn}: layout must be 'interleaved' or 'concatenated', got ${JSON.stringify(layout)}`);
  }
  const base = options.base ?? 10000;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0) {
    throw new RangeError(`${fn}: base must be a positive number, got ${describe(base)}`);
  }
  const data = dtype === 'float32' ? new Float32Array(positions * width) : new Float64Array(positions * width);
  // One frequency per (sin, cos) pair: 1 / base^(2i / width).
  const pairs = Math.ceil(width / 2);
  const frequencies = new Float64Array(pairs);
  for (let i = 0; i < pairs; i++) frequencies[i] = base ** (-(2 * i) / width);
  // Column c holds pair `pairOf[c]`, as a sine or a cosine.
  const pairOf = new Int32Array(width);
  const isSine = new Uint8Array(width);
  for (let c = 0; c < width; c++) {
    if (layout === 'interleaved') {
      pairOf[c] = c >> 1;
      isSine[c] = c % 2 === 0 ? 1 : 0;
    } else {
      pairOf[c] = c < pairs ? c : c - pairs;
      isSine[c] = c < pairs ? 1 : 0;
    }
  }
  for (let pos = 0; pos < positions; pos++) {
    const row = pos * width;
    for (let c = 0; c < width; c++) {
      const angle = pos * frequencies[pairOf[c]];
      data[row + c] = isSine[c] ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return makeTensor(dtype, data, [positions, width]);
}
