import type { DType } from '../core/dtype.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { type DTypeOptions, fillNew } from './full.js';

/**
 * A new contiguous tensor of `shape` filled with ones (`true` for `bool`).
 *
 * Shapes: `shape` -> `shape`.
 *
 * @example
 * import { ones } from '@attn/tensor';
 * ones([2, 2]);                      // float32 [[1, 1], [1, 1]]
 * ones([3, 3], { dtype: 'bool' });   // all true: a mask that lets every query attend to every key
 */
export function ones<D extends DType = 'float32'>(shape: Shape, options: DTypeOptions<D> = {}): Tensor<D> {
  return fillNew('ones', shape, 1, (options.dtype ?? 'float32') as D);
}
