import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Swaps two axes of `t` (the last two by default), as torch's `transpose(dim0, dim1)`: a view sharing
 * `t.data`, nothing copied. Negative axes count from the end.
 *
 * Shapes: `[..., m, n]` -> `[..., n, m]` by default; in general axes `dim0` and `dim1` trade places.
 *
 * @example
 * import { tensor, transpose } from '@attn/tensor';
 * const k = tensor([[1, 2, 3], [4, 5, 6]]); // [2, 3]
 * transpose(k);                             // [3, 2] view: K^T for Q K^T
 * // [batch, tokens, heads, d_k] -> [batch, heads, tokens, d_k]
 * // transpose(x, 1, 2);
 */
export function transpose<D extends DType>(t: Tensor<D>, dim0 = -2, dim1 = -1): Tensor<D> {
  assertTensor('transpose', 't', t);
  const rank = t.shape.length;
  const a = dim0 < 0 ? dim0 + rank : dim0;
  const b = dim1 < 0 ? dim1 + rank : dim1;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || a >= rank || b < 0 || b >= rank) {
    throw new RangeError(
      `transpose: axes ${dim0} and ${dim1} are out of range for shape ${showShape(t.shape)} (rank ${rank})`,
    );
  }
  const shape = [...t.shape];
  const strides = [...t.strides];
  [shape[a], shape[b]] = [shape[b], shape[a]];
  [strides[a], strides[b]] = [strides[b], strides[a]];
  return makeTensor(t.dtype, t.data, shape, strides, t.offset);
}
