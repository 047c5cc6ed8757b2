import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import type { MeanDType } from './mean.js';
import { spread, type VarianceOptions } from './spread.js';

/**
 * The standard deviation along `axis` (one, several, or all axes): the square root of {@link variance}, with
 * `correction` 0 by default (numpy's; PyTorch's default is 1). Computed in float64, rounded once.
 *
 * Shapes: [...S] -> S without the reduced axes (set to 1 with `keepDims`); all axes by default -> [].
 *
 * @example
 * import { std, tensor } from '@attn/tensor';
 * std(tensor([[1, 3], [2, 2]]), { axis: 1 }); // [1, 0]
 */
export function std<D extends DType>(x: Tensor<D>, options?: VarianceOptions<MeanDType<D>>): Tensor<MeanDType<D>> {
  return spread('std', x, options, true);
}
