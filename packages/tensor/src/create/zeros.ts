import type { DType } from '../core/dtype.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { type DTypeOptions, fillNew } from './full.js';

/**
 * A new contiguous tensor of `shape` filled with zeros (`false` for `bool`).
 *
 * Shapes: `shape` -> `shape`.
 *
 * @example
 * import { zeros } from '@attn/tensor';
 * zeros([2, 3]);                      // float32 [[0, 0, 0], [0, 0, 0]]
 * zeros([4], { dtype: 'int32' }).data; // Int32Array [0, 0, 0, 0]
 */
export function zeros<D extends DType = 'float32'>(shape: Shape, options: DTypeOptions<D> = {}): Tensor<D> {
  return fillNew('zeros', shape, 0, (options.dtype ?? 'float32') as D);
}
