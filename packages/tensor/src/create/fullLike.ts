import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import { type DTypeOptions, fillNew } from './full.js';

/**
 * A new contiguous tensor filled with `value`, with the shape of `t` and its dtype unless `options.dtype`
 * is given. The value must fit the dtype exactly (see {@link full}).
 *
 * Shapes: `t: S` -> `S`.
 *
 * @example
 * import { fullLike, tensor } from '@attn/tensor';
 * fullLike(tensor([[1, 2]]), -1); // float32 [[-1, -1]]
 */
export function fullLike<D extends DType, E extends DType = D>(
  t: Tensor<D>,
  value: number | boolean,
  options: DTypeOptions<E> = {},
): Tensor<E> {
  assertTensor('fullLike', 't', t);
  return fillNew('fullLike', t.shape, value, (options.dtype ?? t.dtype) as E);
}
