import { allocate, type DType } from '../core/dtype.js';
import { forEachOffset } from '../core/forEachOffset.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape, sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Joins tensors end to end along an existing `axis` (default 0) into a new contiguous tensor.
 * All must have the same rank, the same dtype (no silent conversion: use `astype` first) and the same
 * length on every other axis.
 *
 * Shapes: `[..., n_1, ...]`, `[..., n_2, ...]`, ... -> `[..., n_1 + n_2 + ..., ...]`.
 *
 * @example
 * import { concat, tensor } from '@attn/tensor';
 * const heads = [tensor([[1, 2]]), tensor([[3, 4]])]; // two heads' outputs, [1, 2] each
 * concat(heads, -1);                                  // [1, 4]: [[1, 2, 3, 4]]
 */
export function concat<D extends DType>(tensors: readonly Tensor<D>[], axis = 0): Tensor<D> {
  return concatAs('concat', tensors, axis);
}

/** The body of {@link concat}; `fn` names the public caller (`stack` reuses it) in errors. */
export function concatAs<D extends DType>(fn: string, tensors: readonly Tensor<D>[], axis: number): Tensor<D> {
  if (!Array.isArray(tensors) || tensors.length === 0) throw new RangeError(`${fn}: needs at least one tensor`);
  tensors.forEach((t, i) => {
    assertTensor(fn, `tensors[${i}]`, t);
  });
  const first = tensors[0];
  const rank = first.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new RangeError(`${fn}: axis ${axis} is out of range for shape ${showShape(first.shape)} (rank ${rank})`);
  }
  let total = 0;
  for (const t of tensors) {
    if (t.dtype !== first.dtype) {
      throw new TypeError(`${fn}: dtypes ${first.dtype} and ${t.dtype} do not mix (convert with astype first)`);
    }
    if (t.shape.length !== rank || t.shape.some((d: number, k: number) => k !== a && d !== first.shape[k])) {
      throw new RangeError(
        `${fn}: shapes ${showShape(first.shape)} and ${showShape(t.shape)} differ outside axis ${axis}`,
      );
    }
    total += t.shape[a];
  }
  const shape = [...first.shape];
  shape[a] = total;
  const out = allocate(first.dtype, sizeOf(shape));
  // Row-major, the output is `outer` blocks, each holding every input's block one after the other.
  const tail = sizeOf(shape.slice(a + 1));
  const outBlock = total * tail;
  let start = 0;
  for (const t of tensors) {
    const block = t.shape[a] * tail;
    const src = t.data;
    if (block > 0) {
      forEachOffset(t.shape, t.strides, t.offset, (o, i) => {
        const r = Math.floor(i / block);
        out[r * outBlock + start + (i - r * block)] = src[o];
      });
    }
    start += block;
  }
  return makeTensor(first.dtype, out, shape);
}
