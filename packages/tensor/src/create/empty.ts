import type { DType } from '../core/dtype.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { type DTypeOptions, fillNew } from './full.js';

/**
 * A new contiguous tensor of `shape` whose contents you promise to overwrite before reading.
 *
 * JavaScript zero-fills every new TypedArray, so in practice the elements are 0, but code should not
 * rely on it: `empty` states the intent (an output buffer, e.g. for an `out` option).
 *
 * Shapes: `shape` -> `shape`.
 *
 * @example
 * import { empty } from '@attn/tensor';
 * const out = empty([2, 3], { dtype: 'float64' }); // to be filled by a kernel
 */
export function empty<D extends DType = 'float32'>(shape: Shape, options: DTypeOptions<D> = {}): Tensor<D> {
  return fillNew('empty', shape, 0, (options.dtype ?? 'float32') as D);
}
