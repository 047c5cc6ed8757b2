import type { DType } from '../core/dtype.js';
import type { RunFold } from '../core/reductionPlan.js';
import type { Tensor } from '../core/Tensor.js';
import type { MeanDType } from './mean.js';
import { prepareReduction, type ReduceOptions } from './prepareReduction.js';

/** Options of {@link variance} and {@link std}. */
export interface VarianceOptions<D extends DType = DType> extends ReduceOptions<D> {
  /**
   * Subtracted from the count in the divisor, `sum((x - mean)^2) / (N - correction)`. Default 0: the population
   * variance, as numpy (`ddof=0`) and layer normalisation; pass 1 for PyTorch's default unbiased estimate.
   */
  correction?: number;
}

const sumRun: RunFold = (acc, data, o, n, s) => {
  for (let i = 0; i < n; i++, o += s) acc += data[o];
  return acc;
};

/**
 * The variance (or, with `root`, the standard deviation) along axes: two passes in float64 (the mean, then
 * the squared deviations from it), which avoids the cancellation of `E[x^2] - E[x]^2`. `fn` names the caller.
 *
 * Shapes: [...S] -> S without the reduced axes (set to 1 with `keepDims`).
 *
 * @example
 * spread('std', tensor([1, 3]), {}, true); // 1
 */
export function spread<D extends DType>(
  fn: string,
  x: Tensor<D>,
  options: VarianceOptions | undefined,
  root: boolean,
): Tensor<MeanDType<D>> {
  const correction = options?.correction ?? 0;
  if (typeof correction !== 'number' || !(correction >= 0) || !Number.isFinite(correction)) {
    throw new RangeError(`${fn}: correction must be a non-negative number, got ${String(correction)}`);
  }
  const result = (x?.dtype === 'float64' ? 'float64' : 'float32') as MeanDType<D>;
  const { plan, out } = prepareReduction(fn, x, options, result);
  const xd = x.data;
  const od = out.data;
  const n = plan.groupSize;
  const divisor = Math.max(n - correction, 0);
  plan.forEachGroup((b) => {
    const m = plan.fold(b[0], 0, sumRun, xd) / n;
    let ss = 0;
    plan.forEachRun(b, (c, o, s) => {
      for (let i = 0, p = o[0]; i < c; i++, p += s[0]) {
        const d = xd[p] - m;
        ss += d * d;
      }
    });
    const v = ss / divisor;
    od[b[1]] = root ? Math.sqrt(v) : v;
  });
  return out;
}
