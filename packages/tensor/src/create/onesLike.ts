import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import { type DTypeOptions, fillNew } from './full.js';

/**
 * A new contiguous tensor of ones with the shape of `t`, and its dtype unless `options.dtype` is given.
 *
 * Shapes: `t: S` -> `S`.
 *
 * @example
 * import { onesLike, tensor } from '@attn/tensor';
 * onesLike(tensor([1, 2, 3]), { dtype: 'bool' }); // bool [true, true, true]
 */
export function onesLike<D extends DType, E extends DType = D>(t: Tensor<D>, options: DTypeOptions<E> = {}): Tensor<E> {
  assertTensor('onesLike', 't', t);
  return fillNew('onesLike', t.shape, 1, (options.dtype ?? t.dtype) as E);
}
