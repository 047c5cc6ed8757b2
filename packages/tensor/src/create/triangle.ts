import { allocate, type DType } from '../core/dtype.js';
import { forEachOffset } from '../core/forEachOffset.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape, sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';

/**
 * Shared body of `tril` and `triu`: a new contiguous copy of `t` that keeps element `[..., i, j]` where
 * `keep(j - i)` holds and zeroes the rest (`fn` names the public caller in errors).
 */
export function triangle<D extends DType>(
  fn: string,
  t: Tensor<D>,
  k: number,
  keep: (d: number) => boolean,
): Tensor<D> {
  const rank = t.shape.length;
  if (rank < 2) throw new RangeError(`${fn}: needs a matrix or a batch of matrices, got shape ${showShape(t.shape)}`);
  if (!Number.isInteger(k)) throw new RangeError(`${fn}: the diagonal offset k must be an integer, not ${k}`);
  const rows = t.shape[rank - 2];
  const cols = t.shape[rank - 1];
  const src = t.data;
  const data = allocate(t.dtype, sizeOf(t.shape));
  forEachOffset(t.shape, t.strides, t.offset, (o, i) => {
    const j = i % cols;
    const r = Math.floor(i / cols) % rows;
    if (keep(j - r - k)) data[i] = src[o];
  });
  return makeTensor(t.dtype, data, t.shape);
}
