import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { argExtreme } from './argExtreme.js';

/** Options of {@link argmin}. */
export interface ArgminOptions extends OutOptions<'int32'> {
  /** The one axis to search along; `undefined` (the default) searches the flattened tensor (row-major). */
  axis?: number;
  /** Keep the searched axis (or, flattened, every axis) as length 1 (default false). */
  keepDims?: boolean;
}

/**
 * The index of the smallest element along one axis, or in the flattened tensor (a row-major flat index), as int32.
 *
 * Ties go to the first occurrence; a NaN counts as the smallest (its first occurrence wins), as in numpy.
 * Searching an empty axis throws.
 *
 * Shapes: [...S] -> S without `axis` (set to 1 with `keepDims`); flattened -> [] (or all ones with `keepDims`).
 *
 * @example
 * import { argmin, tensor } from '@attn/tensor';
 * const x = tensor([[1, 5], [4, 2]]);
 * argmin(x);              // 0
 * argmin(x, { axis: 0 }); // [0, 1]
 */
export function argmin(x: Tensor<DType>, options: ArgminOptions = {}): Tensor<'int32'> {
  return argExtreme('argmin', x, options, (v, best) => v < best);
}
