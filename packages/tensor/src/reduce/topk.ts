import { describeValue } from '../core/describeValue.js';
import { allocate, type DType } from '../core/dtype.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { reductionPlan } from '../core/reductionPlan.js';
import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';

/** Options of {@link topk}. */
export interface TopkOptions {
  /** The k largest (default true), or the k smallest. */
  largest?: boolean;
}

/** What {@link topk} returns: the values, and their int32 positions along the last axis. */
export interface TopkResult<D extends DType> {
  values: Tensor<D>;
  indices: Tensor<'int32'>;
}

/**
 * The `k` largest (or smallest) elements along the last axis, sorted (largest first, or smallest first), with
 * their int32 indices along that axis.
 *
 * Ties keep the lower index first; NaN counts as larger than everything (as in PyTorch), so it comes first for
 * `largest` and last otherwise. Dtypes: float32, float64 and int32 (bool throws); values keep the dtype.
 *
 * Shapes: [...S, n] -> values and indices [...S, k], with 0 <= k <= n.
 *
 * @example
 * import { tensor, topk } from '@attn/tensor';
 * const { values, indices } = topk(tensor([[1, 9, 3, 7]]), 2);
 * // values [[9, 7]], indices [[1, 3]]
 */
export function topk<D extends DType>(x: Tensor<D>, k: number, options: TopkOptions = {}): TopkResult<D> {
  if (!isTensor(x)) throw new TypeError(`topk: x must be a tensor, got ${describeValue(x)}`);
  if (x.dtype === 'bool') throw new TypeError('topk: expects a float32, float64 or int32 tensor, got bool');
  if (x.shape.length === 0) throw new RangeError('topk: expects a tensor of rank >= 1 (it searches the last axis)');
  const n = x.shape[x.shape.length - 1];
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`topk: k = ${k} is out of range for a last axis of length ${n} (0 <= k <= ${n})`);
  }
  const largest = options.largest ?? true;
  const shape = [...x.shape.slice(0, -1), k];
  const values = makeTensor(x.dtype, allocate(x.dtype, sizeOf(shape)), shape);
  const indices = makeTensor('int32', allocate('int32', sizeOf(shape)), shape);
  const plan = reductionPlan('topk', x.shape, [x.strides], [x.offset], -1);
  const xd = x.data;
  const row = new Float64Array(n);
  const order = new Array<number>(n);
  // NaN above everything; then by value (descending for largest); ties by index.
  const compare = (a: number, b: number): number => {
    const va = row[a];
    const vb = row[b];
    const na = Number.isNaN(va);
    const nb = Number.isNaN(vb);
    if (na || nb) return na && nb ? a - b : na === largest ? -1 : 1;
    if (va !== vb) return largest ? vb - va : va - vb;
    return a - b;
  };
  plan.forEachGroup((b, g) => {
    let j = 0;
    plan.forEachRun(b, (c, o, s) => {
      for (let i = 0, p = o[0]; i < c; i++, p += s[0]) row[j++] = xd[p];
    });
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort(compare);
    for (let i = 0; i < k; i++) {
      values.data[g * k + i] = row[order[i]];
      indices.data[g * k + i] = order[i];
    }
  });
  return { values, indices };
}
