import { allocate, type DType } from '../core/dtype.js';
import { forEachOffset } from '../core/forEachOffset.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape, sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { toFlat } from '../read/toFlat.js';
import { assertTensor } from './assertTensor.js';
import { select } from './select.js';

/**
 * Picks entries of `t` along `axis` by an `int32` tensor of indices of any shape, into a new contiguous
 * tensor (numpy's `take(t, indices, axis)`; torch's `index_select` for 1-D indices). This is the
 * embedding lookup: `indexSelect(table, 0, ids)` turns token ids `[batch, T]` and a table `[vocab, d]`
 * into `[batch, T, d]`. Indices must lie in `[0, t.shape[axis])`; anything else throws (no wrapping).
 *
 * Shapes: `t: [...pre, n, ...post]`, `indices: I` -> `[...pre, ...I, ...post]`.
 *
 * @example
 * import { indexSelect, randn, tensor } from '@attn/tensor';
 * const table = randn([1000, 64], { seed: 0 });                     // [vocab, d_model]
 * const ids = tensor([[5, 9, 2]], { dtype: 'int32' });              // [batch 1, T 3]
 * indexSelect(table, 0, ids).shape;                                 // [1, 3, 64]
 */
export function indexSelect<D extends DType>(t: Tensor<D>, axis: number, indices: Tensor<'int32'>): Tensor<D> {
  assertTensor('indexSelect', 't', t);
  assertTensor('indexSelect', 'indices', indices);
  const rank = t.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new RangeError(`indexSelect: axis ${axis} is out of range for shape ${showShape(t.shape)} (rank ${rank})`);
  }
  if (indices.dtype !== 'int32') {
    throw new TypeError(`indexSelect: indices must be int32, not ${indices.dtype} (convert with astype)`);
  }
  const n = t.shape[a];
  const ids = toFlat(indices);
  for (let k = 0; k < ids.length; k++) {
    if (ids[k] < 0 || ids[k] >= n) {
      throw new RangeError(
        `indexSelect: index ${ids[k]} is out of range [0, ${n}) for axis ${axis} of shape ${showShape(t.shape)}`,
      );
    }
  }
  const pre = t.shape.slice(0, a);
  const post = t.shape.slice(a + 1);
  const shape = [...pre, ...indices.shape, ...post];
  const out = allocate(t.dtype, sizeOf(shape));
  const K = ids.length;
  const Q = sizeOf(post);
  const src = t.data;
  // Row-major, output element (p, k, q) sits at (p * K + k) * Q + q; each picked slab is a view of t.
  for (let k = 0; k < K; k++) {
    const slab = select(t, a, ids[k]);
    forEachOffset(slab.shape, slab.strides, slab.offset, (o, i) => {
      const p = Math.floor(i / Q);
      out[(p * K + k) * Q + (i - p * Q)] = src[o];
    });
  }
  return makeTensor(t.dtype, out, shape);
}
