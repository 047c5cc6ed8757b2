import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import { type DTypeOptions, fillNew } from './full.js';

/**
 * A new contiguous tensor of zeros with the shape of `t`, and its dtype unless `options.dtype` is given.
 *
 * Shapes: `t: S` -> `S`.
 *
 * @example
 * import { tensor, zerosLike } from '@attn/tensor';
 * zerosLike(tensor([[1, 2], [3, 4]])); // float32 [[0, 0], [0, 0]]
 */
export function zerosLike<D extends DType, E extends DType = D>(
  t: Tensor<D>,
  options: DTypeOptions<E> = {},
): Tensor<E> {
  assertTensor('zerosLike', 't', t);
  return fillNew('zerosLike', t.shape, 0, (options.dtype ?? t.dtype) as E);
}
