import { allocate, type FloatDType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { assertShape, sizeOf } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { type RandomSource, resolveGenerator } from './resolveGenerator.js';

/** Options of {@link randn}. */
export interface RandnOptions<D extends FloatDType = FloatDType> extends RandomSource {
  /** `float32` (default) or `float64`. */
  dtype?: D;
  /** The mean (default 0). */
  mean?: number;
  /** The standard deviation (default 1). */
  std?: number;
}

/**
 * A new tensor of `shape` filled with normal random numbers (mean 0 and standard deviation 1 unless
 * given), in row-major order from the stream of `seed` or `generator`. Each value is
 * `mean + std * z` with `z` from Marsaglia's polar method, computed in float64 and then rounded to the
 * dtype; see {@link generator} for the algorithm and why it gives the same numbers on every platform.
 *
 * Shapes: `shape` -> `shape`.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * const x = randn([128, 64], { seed: 42 });          // 128 toy token embeddings, d_model = 64
 * const w = randn([64, 64], { seed: 1, std: 0.125 }); // weights scaled by 1/sqrt(d_model)
 */
export function randn<D extends FloatDType = 'float32'>(shape: Shape, options: RandnOptions<D> = {}): Tensor<D> {
  assertShape('randn', shape);
  const dtype = (options.dtype ?? 'float32') as D;
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`randn: dtype must be float32 or float64, not ${JSON.stringify(dtype)}`);
  }
  const { mean = 0, std = 1 } = options;
  if (!Number.isFinite(mean) || !Number.isFinite(std) || std < 0) {
    throw new RangeError(`randn: mean must be finite and std finite and >= 0, got mean ${mean} and std ${std}`);
  }
  const g = resolveGenerator('randn', options);
  const data = allocate(dtype, sizeOf(shape));
  g.fillNormal(data, mean, std);
  return makeTensor(dtype, data, shape);
}
