import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import type { MeanDType } from './mean.js';
import { spread, type VarianceOptions } from './spread.js';

/**
 * The variance along `axis` (one, several, or all axes): `sum((x - mean)^2) / (N - correction)`, with
 * `correction` 0 by default (numpy's population variance; PyTorch's default is 1). Also exported as `var`.
 *
 * Two passes in float64 (mean first, then squared deviations), rounded once to the result dtype: float64 stays,
 * float32, int32 and bool give float32. N - correction <= 0 divides by 0 (Infinity or NaN), as numpy does.
 *
 * Shapes: [...S] -> S without the reduced axes (set to 1 with `keepDims`); all axes by default -> [].
 *
 * @example
 * import { tensor, variance } from '@attn/tensor';
 * variance(tensor([1, 2, 3, 4]));                    // 1.25
 * variance(tensor([1, 2, 3, 4]), { correction: 1 }); // 1.6666666
 */
export function variance<D extends DType>(x: Tensor<D>, options?: VarianceOptions<MeanDType<D>>): Tensor<MeanDType<D>> {
  return spread('variance', x, options, false);
}
