import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Reverses the order of elements along the given axes (all axes when omitted): a view with negative
 * strides, sharing `t.data`.
 *
 * Shapes: unchanged.
 *
 * @example
 * import { flip, tensor } from '@attn/tensor';
 * flip(tensor([[1, 2], [3, 4]]), -1); // [[2, 1], [4, 3]]
 * flip(tensor([[1, 2], [3, 4]]));     // [[4, 3], [2, 1]]
 */
export function flip<D extends DType>(t: Tensor<D>, axes?: number | readonly number[]): Tensor<D> {
  assertTensor('flip', 't', t);
  const rank = t.shape.length;
  const list = axes === undefined ? t.shape.map((_, a) => a) : typeof axes === 'number' ? [axes] : axes;
  const strides = [...t.strides];
  const seen = new Array<boolean>(rank).fill(false);
  let offset = t.offset;
  let empty = false;
  for (const axis of list) {
    const a = axis < 0 ? axis + rank : axis;
    if (!Number.isInteger(a) || a < 0 || a >= rank || seen[a]) {
      throw new RangeError(
        `flip: axis ${axis} is out of range or repeated for shape ${showShape(t.shape)} (rank ${rank})`,
      );
    }
    seen[a] = true;
    if (t.shape[a] === 0) empty = true;
    else offset += (t.shape[a] - 1) * t.strides[a];
    strides[a] = -t.strides[a];
  }
  return makeTensor(t.dtype, t.data, t.shape, strides, empty ? t.offset : offset);
}
