import { allocate, type DataOf, type DType } from '../core/dtype.js';
import { forEachOffset } from '../core/forEachOffset.js';
import { isContiguous } from '../core/isContiguous.js';
import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';

/**
 * The elements of `t` in row-major (C) order, in a NEW TypedArray of its dtype (`Float32Array` for
 * `float32`, `Uint8Array` of 0/1 for `bool`, ...). Never returns `t.data` itself, so writing to the
 * result never changes `t`; works for every view (transposed, sliced, flipped, broadcast).
 *
 * Shapes: `[d_0, ..., d_{r-1}]` -> a flat array of `d_0 * ... * d_{r-1}` elements.
 *
 * @example
 * import { tensor, toFlat, transpose } from '@attn/tensor';
 * toFlat(transpose(tensor([[1, 2, 3], [4, 5, 6]]))); // Float32Array [1, 4, 2, 5, 3, 6]
 */
export function toFlat<D extends DType>(t: Tensor<D>): DataOf<D> {
  assertTensor('toFlat', 't', t);
  const n = sizeOf(t.shape);
  if (isContiguous(t)) return t.data.slice(t.offset, t.offset + n) as DataOf<D>;
  const out = allocate(t.dtype, n);
  const src = t.data;
  forEachOffset(t.shape, t.strides, t.offset, (o, i) => {
    out[i] = src[o];
  });
  return out;
}
