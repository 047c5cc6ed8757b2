import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import type { Tensor } from '../core/Tensor.js';
import { toFlat } from '../read/toFlat.js';
import { assertTensor } from './assertTensor.js';

/**
 * A new contiguous row-major copy of `t` with its own storage (offset 0): always copies, even when
 * `t` is already contiguous, so writes to the copy never reach `t`.
 *
 * Shapes: unchanged.
 *
 * @example
 * import { clone, tensor } from '@attn/tensor';
 * const a = tensor([1, 2]);
 * const b = clone(a);
 * b.data[0] = 9; // a is still [1, 2]
 */
export function clone<D extends DType>(t: Tensor<D>): Tensor<D> {
  assertTensor('clone', 't', t);
  return makeTensor(t.dtype, toFlat(t), t.shape);
}
