import { allocate, type FloatDType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { assertShape, sizeOf } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { type RandomSource, resolveGenerator } from './resolveGenerator.js';

/** Options of {@link rand}. */
export interface RandOptions<D extends FloatDType = FloatDType> extends RandomSource {
  /** `float32` (default, 24 random bits per element) or `float64` (53 bits). */
  dtype?: D;
}

/**
 * A new tensor of `shape` filled with uniform random numbers in `[0, 1)`, in row-major order from the
 * stream of `seed` or `generator` (see {@link generator}: the same numbers on every platform).
 *
 * Shapes: `shape` -> `shape`.
 *
 * @example
 * import { rand } from '@attn/tensor';
 * rand([2, 3], { seed: 42 });                     // float32, reproducible
 * rand([4], { seed: 42, dtype: 'float64' });      // float64
 */
export function rand<D extends FloatDType = 'float32'>(shape: Shape, options: RandOptions<D> = {}): Tensor<D> {
  assertShape('rand', shape);
  const dtype = (options.dtype ?? 'float32') as D;
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`rand: dtype must be float32 or float64, not ${JSON.stringify(dtype)}`);
  }
  const g = resolveGenerator('rand', options);
  const data = allocate(dtype, sizeOf(shape));
  if (dtype === 'float32') g.fillFloat32(data);
  else g.fillFloat64(data);
  return makeTensor(dtype, data, shape);
}
