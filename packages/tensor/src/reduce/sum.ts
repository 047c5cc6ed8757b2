import type { DType } from '../core/dtype.js';
import type { RunFold } from '../core/reductionPlan.js';
import type { Tensor } from '../core/Tensor.js';
import { prepareReduction, type ReduceOptions } from './prepareReduction.js';

/** The dtype of `sum`: floats keep theirs, int32 and bool give int32. */
export type SumDType<D extends DType> = D extends 'float32' | 'float64' ? D : 'int32';

const sumRun: RunFold = (acc, data, o, n, s) => {
  for (let i = 0; i < n; i++, o += s) acc += data[o];
  return acc;
};

/**
 * The sum of the elements along `axis` (one, several, or all axes).
 *
 * float32 and float64 sums accumulate in a float64 running sum (so a float32 sum of n elements errs by about
 * n * 1e-16 relative before its one final rounding to float32). int32 and bool sum exactly into int32 (bool
 * counts the `true`s); a sum outside int32 throws instead of wrapping. The sum over an empty axis is 0.
 *
 * Shapes: [...S] -> S without the reduced axes (set to 1 with `keepDims`); all axes by default -> [].
 *
 * @example
 * import { sum, tensor } from '@attn/tensor';
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * sum(x);                              // 21 (shape [])
 * sum(x, { axis: 1 });                 // [6, 15]
 * sum(x, { axis: 0, keepDims: true }); // [[5, 7, 9]]
 */
export function sum<D extends DType>(x: Tensor<D>, options?: ReduceOptions<SumDType<D>>): Tensor<SumDType<D>> {
  const float = x?.dtype === 'float32' || x?.dtype === 'float64';
  const result = (float ? x.dtype : 'int32') as SumDType<D>;
  const { plan, out } = prepareReduction('sum', x, options, result);
  const xd = x.data;
  const od = out.data;
  plan.forEachGroup((b) => {
    const s = plan.fold(b[0], 0, sumRun, xd);
    if (!float && (s > 2147483647 || s < -2147483648)) {
      throw new RangeError(`sum: the int32 sum ${s} is outside int32 (convert with astype to float64 first)`);
    }
    od[b[1]] = s;
  });
  return out;
}
