import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import { triangle } from './triangle.js';

/**
 * A new copy of `t` keeping the lower triangle of its last two axes: element `[..., i, j]` stays when
 * `j - i <= k` and becomes 0 (`false`) otherwise, as torch's `tril`. `k = 0` keeps the main diagonal,
 * `k = -1` drops it, `k = 1` keeps one diagonal above it. Batched over leading axes; any dtype.
 *
 * Shapes: `[..., m, n]` -> `[..., m, n]`.
 *
 * @example
 * import { ones, tril } from '@attn/tensor';
 * // the causal mask of 4 tokens: query i may attend to keys j <= i (true = may attend)
 * const causal = tril(ones([4, 4], { dtype: 'bool' }));
 */
export function tril<D extends DType>(t: Tensor<D>, k = 0): Tensor<D> {
  assertTensor('tril', 't', t);
  return triangle('tril', t, k, (d) => d <= 0);
}
