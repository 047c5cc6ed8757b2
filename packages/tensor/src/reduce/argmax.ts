import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { argExtreme } from './argExtreme.js';

/** Options of {@link argmax}. */
export interface ArgmaxOptions extends OutOptions<'int32'> {
  /** The one axis to search along; `undefined` (the default) searches the flattened tensor (row-major). */
  axis?: number;
  /** Keep the searched axis (or, flattened, every axis) as length 1 (default false). */
  keepDims?: boolean;
}

/**
 * The index of the largest element along one axis, or in the flattened tensor (a row-major flat index), as int32.
 *
 * Ties go to the first occurrence; a NaN counts as the largest (its first occurrence wins), as in numpy.
 * Searching an empty axis throws.
 *
 * Shapes: [...S] -> S without `axis` (set to 1 with `keepDims`); flattened -> [] (or all ones with `keepDims`).
 *
 * @example
 * import { argmax, tensor } from '@attn/tensor';
 * const x = tensor([[1, 5], [4, 2]]);
 * argmax(x);              // 1 (the flat index of 5)
 * argmax(x, { axis: 0 }); // [1, 0]
 */
export function argmax(x: Tensor<DType>, options: ArgmaxOptions = {}): Tensor<'int32'> {
  return argExtreme('argmax', x, options, (v, best) => v > best);
}
