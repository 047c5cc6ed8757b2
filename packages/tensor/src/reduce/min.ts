import type { DType } from '../core/dtype.js';
import type { RunFold } from '../core/reductionPlan.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { prepareReduction, type ReduceOptions } from './prepareReduction.js';

// NaN wins: once seen, the fold returns NaN, and NaN stays (nothing compares < NaN).
const minRun: RunFold = (acc, data, o, n, s) => {
  for (let i = 0; i < n; i++, o += s) {
    const v = data[o];
    if (v < acc) acc = v;
    else if (Number.isNaN(v)) return v;
  }
  return acc;
};

/**
 * The smallest element along `axis` (one, several, or all axes), in the input's dtype.
 *
 * NaN propagates (as numpy.min and torch.amax/amin do). Reducing an empty axis throws, since the smallest of
 * nothing is undefined (an output with no elements is fine).
 *
 * Shapes: [...S] -> S without the reduced axes (set to 1 with `keepDims`); all axes by default -> [].
 *
 * @example
 * import { min, tensor } from '@attn/tensor';
 * const x = tensor([[1, 5], [4, 2]]);
 * min(x);                       // 1
 * min(x, { axis: 0 });          // [1, 2]
 */
export function min<D extends DType>(x: Tensor<D>, options?: ReduceOptions<D>): Tensor<D> {
  const { plan, out } = prepareReduction('min', x, options, x?.dtype as D);
  if (plan.groupSize === 0 && out.data.length > 0) {
    throw new RangeError(
      `min: cannot reduce an empty axis (shape ${showShape(x.shape)}, axes ${showShape(plan.axes)}): the smallest of nothing is undefined`,
    );
  }
  const xd = x.data;
  const od = out.data;
  plan.forEachGroup((b) => {
    od[b[1]] = plan.fold(b[0], Number.POSITIVE_INFINITY, minRun, xd);
  });
  return out;
}
