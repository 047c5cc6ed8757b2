import { allocate, type DType } from '../core/dtype.js';
import { forEachOffset } from '../core/forEachOffset.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape, sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Torch's `gather`: reads `t` along `axis` at the positions held in `index`, element by element:
 * `out[i_0, ..., i_{r-1}] = t[i_0, ..., index[i_0, ..., i_{r-1}], ..., i_{r-1}]` (the index replaces the
 * coordinate on `axis`). `index` is `int32` with the rank of `t` and no longer than `t` on other axes;
 * its values must lie in `[0, t.shape[axis])`. A new contiguous tensor.
 *
 * Shapes: `t: [d_0, ..., d_{r-1}]`, `index: [e_0, ..., e_{r-1}]` (`e_k <= d_k` for `k != axis`) -> `[e_0, ..., e_{r-1}]`.
 *
 * @example
 * import { gather, tensor } from '@attn/tensor';
 * const scores = tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]);
 * const picked = tensor([[1], [0]], { dtype: 'int32' });
 * gather(scores, 1, picked); // [[0.7], [0.5]]: each row's chosen entry
 */
export function gather<D extends DType>(t: Tensor<D>, axis: number, index: Tensor<'int32'>): Tensor<D> {
  assertTensor('gather', 't', t);
  assertTensor('gather', 'index', index);
  const rank = t.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new RangeError(`gather: axis ${axis} is out of range for shape ${showShape(t.shape)} (rank ${rank})`);
  }
  if (index.dtype !== 'int32') {
    throw new TypeError(`gather: index must be int32, not ${index.dtype} (convert with astype)`);
  }
  if (index.shape.length !== rank || index.shape.some((e, k) => k !== a && e > t.shape[k])) {
    throw new RangeError(
      `gather: index shape ${showShape(index.shape)} does not fit shape ${showShape(t.shape)} on axes other than ${axis}`,
    );
  }
  const shape = index.shape;
  const out = allocate(t.dtype, sizeOf(shape));
  const n = t.shape[a];
  const src = t.data;
  const idx = index.data;
  // The same walk over t restricted to index's shape, with t's own stride on `axis` set to 0: adding
  // value * stride[axis] then lands on the gathered element.
  const strides = t.strides.map((s, k) => (k === a ? 0 : s));
  const offsets = new Float64Array(sizeOf(shape));
  forEachOffset(shape, strides, t.offset, (o, i) => {
    offsets[i] = o;
  });
  forEachOffset(shape, index.strides, index.offset, (o, i) => {
    const v = idx[o];
    if (v < 0 || v >= n) {
      throw new RangeError(
        `gather: index ${v} is out of range [0, ${n}) for axis ${axis} of shape ${showShape(t.shape)}`,
      );
    }
    out[i] = src[offsets[i] + v * t.strides[a]];
  });
  return makeTensor(t.dtype, out, shape);
}
