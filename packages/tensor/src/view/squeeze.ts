import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Removes axes of length 1: the given ones (each must have length 1), or all of them when `axes` is
 * omitted. A view sharing `t.data`.
 *
 * Shapes: `[2, 1, 3, 1]` -> `[2, 3]` (no `axes`), or `[2, 3, 1]` with `axes = 1`.
 *
 * @example
 * import { squeeze, zeros } from '@attn/tensor';
 * squeeze(zeros([1, 5, 1])).shape;      // [5]
 * squeeze(zeros([1, 5, 1]), -1).shape;  // [1, 5]
 */
export function squeeze<D extends DType>(t: Tensor<D>, axes?: number | readonly number[]): Tensor<D> {
  assertTensor('squeeze', 't', t);
  const rank = t.shape.length;
  const drop = new Array<boolean>(rank).fill(false);
  if (axes === undefined) {
    for (let a = 0; a < rank; a++) drop[a] = t.shape[a] === 1;
  } else {
    for (const axis of typeof axes === 'number' ? [axes] : axes) {
      const a = axis < 0 ? axis + rank : axis;
      if (!Number.isInteger(a) || a < 0 || a >= rank) {
        throw new RangeError(`squeeze: axis ${axis} is out of range for shape ${showShape(t.shape)} (rank ${rank})`);
      }
      if (t.shape[a] !== 1) {
        throw new RangeError(`squeeze: axis ${axis} has length ${t.shape[a]}, not 1 (shape ${showShape(t.shape)})`);
      }
      drop[a] = true;
    }
  }
  const shape = t.shape.filter((_, a) => !drop[a]);
  const strides = t.strides.filter((_, a) => !drop[a]);
  return makeTensor(t.dtype, t.data, shape, strides, t.offset);
}
