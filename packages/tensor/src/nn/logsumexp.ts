import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import type { FloatDTypeOf } from '../ops/unaryOp.js';
import { prepareReduction, type ReduceOptions } from '../reduce/prepareReduction.js';

/**
 * log(sum(exp(x))) along `axis` (one, several, or all axes), computed stably as `max + log(sum(exp(x - max)))`.
 *
 * All -Infinity (or an empty axis) gives -Infinity; a +Infinity gives +Infinity; a NaN gives NaN. Sums in
 * float64. Dtypes: float32 and float64 keep theirs; int32 gives float32; bool throws.
 *
 * Shapes: [...S] -> S without the reduced axes (set to 1 with `keepDims`); all axes by default -> [].
 *
 * @example
 * import { logsumexp, tensor } from '@attn/tensor';
 * logsumexp(tensor([[0, 0], [1000, 1000]]), { axis: -1 }); // [0.6931472, 1000.6931]
 */
export function logsumexp<D extends DType>(
  x: Tensor<D>,
  options?: ReduceOptions<FloatDTypeOf<D>>,
): Tensor<FloatDTypeOf<D>> {
  if (x?.dtype === 'bool') throw new TypeError('logsumexp: expects a float32, float64 or int32 tensor, got bool');
  const result = (x?.dtype === 'float64' ? 'float64' : 'float32') as FloatDTypeOf<D>;
  const { plan, out } = prepareReduction('logsumexp', x, options, result);
  const xd = x.data;
  const od = out.data;
  plan.forEachGroup((b) => {
    let max = Number.NEGATIVE_INFINITY;
    let nan = false;
    plan.forEachRun(b, (n, o, s) => {
      for (let i = 0, p = o[0]; i < n; i++, p += s[0]) {
        const v = xd[p];
        if (v > max) max = v;
        else if (Number.isNaN(v)) nan = true;
      }
    });
    if (nan || !Number.isFinite(max)) {
      od[b[1]] = nan ? Number.NaN : max;
      return;
    }
    let sum = 0;
    plan.forEachRun(b, (n, o, s) => {
      for (let i = 0, p = o[0]; i < n; i++, p += s[0]) sum += Math.exp(xd[p] - max);
    });
    od[b[1]] = max + Math.log(sum);
  });
  return out;
}
