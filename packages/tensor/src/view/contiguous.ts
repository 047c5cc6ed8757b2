import type { DType } from '../core/dtype.js';
import { isContiguous } from '../core/isContiguous.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';
import { clone } from './clone.js';

/**
 * `t` laid out row-major without gaps: `t` ITSELF when it already is (see `isContiguous`; its `offset`
 * may then be non-zero, and its elements are `data[offset] .. data[offset + size - 1]`), otherwise a
 * new contiguous copy with offset 0. Use {@link clone} when you need storage of your own.
 *
 * Shapes: unchanged.
 *
 * @example
 * import { contiguous, reshape, tensor, transpose } from '@attn/tensor';
 * const t = transpose(tensor([[1, 2, 3], [4, 5, 6]])); // a strided view, [3, 2]
 * reshape(contiguous(t), [6]);                          // [1, 4, 2, 5, 3, 6]
 */
export function contiguous<D extends DType>(t: Tensor<D>): Tensor<D> {
  assertTensor('contiguous', 't', t);
  return isContiguous(t) ? t : clone(t);
}
