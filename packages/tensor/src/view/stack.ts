import type { DType } from '../core/dtype.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';
import { concatAs } from './concat.js';
import { expandDims } from './expandDims.js';

/**
 * Joins tensors of one shape along a NEW axis at position `axis` (default 0) into a new contiguous
 * tensor. All must have the same shape and dtype.
 *
 * Shapes: `k` tensors of `[d_0, ..., d_{r-1}]` -> `[d_0, ..., k, ..., d_{r-1}]` with `k` at `axis`.
 *
 * @example
 * import { stack, tensor } from '@attn/tensor';
 * stack([tensor([1, 2]), tensor([3, 4])]).shape;     // [2, 2]
 * stack([tensor([1, 2]), tensor([3, 4])], 1).shape;  // [2, 2], transposed: [[1, 3], [2, 4]]
 */
export function stack<D extends DType>(tensors: readonly Tensor<D>[], axis = 0): Tensor<D> {
  if (!Array.isArray(tensors) || tensors.length === 0) throw new RangeError('stack: needs at least one tensor');
  tensors.forEach((t, i) => {
    assertTensor('stack', `tensors[${i}]`, t);
  });
  const first = tensors[0];
  const rank = first.shape.length;
  const a = axis < 0 ? axis + rank + 1 : axis;
  if (!Number.isInteger(a) || a < 0 || a > rank) {
    throw new RangeError(
      `stack: axis ${axis} is out of range [${-rank - 1}, ${rank}] for shape ${showShape(first.shape)}`,
    );
  }
  for (const t of tensors) {
    if (t.shape.length !== rank || t.shape.some((d: number, k: number) => d !== first.shape[k])) {
      throw new RangeError(`stack: shapes ${showShape(first.shape)} and ${showShape(t.shape)} differ`);
    }
  }
  return concatAs(
    'stack',
    tensors.map((t) => expandDims(t, a)),
    a,
  );
}
