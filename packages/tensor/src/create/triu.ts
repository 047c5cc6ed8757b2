import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import { triangle } from './triangle.js';

/**
 * A new copy of `t` keeping the upper triangle of its last two axes: element `[..., i, j]` stays when
 * `j - i >= k` and becomes 0 (`false`) otherwise, as torch's `triu`. `k = 0` keeps the main diagonal,
 * `k = 1` drops it. Batched over leading axes; any dtype.
 *
 * Shapes: `[..., m, n]` -> `[..., m, n]`.
 *
 * @example
 * import { ones, triu } from '@attn/tensor';
 * // the keys a causal query must NOT see: strictly above the diagonal
 * const future = triu(ones([4, 4], { dtype: 'bool' }), 1);
 */
export function triu<D extends DType>(t: Tensor<D>, k = 0): Tensor<D> {
  assertTensor('triu', 't', t);
  return triangle('triu', t, k, (d) => d >= 0);
}
