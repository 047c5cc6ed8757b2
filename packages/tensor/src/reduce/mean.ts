import type { DType } from '../core/dtype.js';
import type { RunFold } from '../core/reductionPlan.js';
import type { Tensor } from '../core/Tensor.js';
import { prepareReduction, type ReduceOptions } from './prepareReduction.js';

/** The dtype of `mean`, `variance` and `std`: float64 stays, everything else gives float32. */
export type MeanDType<D extends DType> = D extends 'float64' ? 'float64' : 'float32';

const sumRun: RunFold = (acc, data, o, n, s) => {
  for (let i = 0; i < n; i++, o += s) acc += data[o];
  return acc;
};

/**
 * The arithmetic mean of the elements along `axis` (one, several, or all axes).
 *
 * Accumulates in float64 and divides once, then rounds to the result dtype: float64 stays float64; float32,
 * int32 and bool give float32. The mean over an empty axis is NaN (0 / 0), as in numpy.
 *
 * Shapes: [...S] -> S without the reduced axes (set to 1 with `keepDims`); all axes by default -> [].
 *
 * @example
 * import { mean, tensor } from '@attn/tensor';
 * mean(tensor([[1, 2], [3, 6]]), { axis: -1 }); // [1.5, 4.5]
 */
export function mean<D extends DType>(x: Tensor<D>, options?: ReduceOptions<MeanDType<D>>): Tensor<MeanDType<D>> {
  const result = (x?.dtype === 'float64' ? 'float64' : 'float32') as MeanDType<D>;
  const { plan, out } = prepareReduction('mean', x, options, result);
  const xd = x.data;
  const od = out.data;
  const n = plan.groupSize;
  plan.forEachGroup((b) => {
    od[b[1]] = plan.fold(b[0], 0, sumRun, xd) / n;
  });
  return out;
}
