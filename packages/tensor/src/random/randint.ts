import { allocate } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { assertShape, sizeOf } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { type RandomSource, resolveGenerator } from './resolveGenerator.js';

/**
 * A new `int32` tensor of `shape` filled with uniform random integers in `[low, high)` (high excluded,
 * as numpy and torch), every value equally likely (no modulo bias), from the stream of `seed` or
 * `generator` (see {@link generator}).
 *
 * Shapes: `shape` -> `shape`.
 *
 * @example
 * import { randint } from '@attn/tensor';
 * const ids = randint(0, 1000, [2, 16], { seed: 7 }); // token ids for an embedding lookup
 */
export function randint(low: number, high: number, shape: Shape, options: RandomSource = {}): Tensor<'int32'> {
  assertShape('randint', shape);
  const inInt32 = (v: number) => Number.isInteger(v) && v >= -2147483648 && v <= 2147483648;
  if (!inInt32(low) || !inInt32(high) || low >= high || low === 2147483648) {
    throw new RangeError(`randint: needs integers -2^31 <= low < high <= 2^31, got low ${low} and high ${high}`);
  }
  const g = resolveGenerator('randint', options);
  const data = allocate('int32', sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = g.nextInt(low, high);
  return makeTensor('int32', data, shape);
}
