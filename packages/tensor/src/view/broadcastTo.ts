import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { assertShape, showShape } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Views `t` as the larger `shape` by numpy's broadcasting rules (axes aligned at the right; an axis of
 * length 1, or a missing leading axis, repeats): the repeated axes get stride 0, so nothing is copied
 * and writing through the view writes every repeat at once.
 *
 * Shapes: `[1, n]` -> `[m, n]`; `[n]` -> `[..., n]`.
 *
 * @example
 * import { broadcastTo, tensor } from '@attn/tensor';
 * const bias = tensor([1, 2, 3]);      // [3]
 * broadcastTo(bias, [2, 3]).strides;   // [0, 1]: both rows read the same three numbers
 */
export function broadcastTo<D extends DType>(t: Tensor<D>, shape: Shape): Tensor<D> {
  assertTensor('broadcastTo', 't', t);
  assertShape('broadcastTo', shape);
  const lead = shape.length - t.shape.length;
  const fail = () =>
    new RangeError(`broadcastTo: shape ${showShape(t.shape)} cannot be broadcast to ${showShape(shape)}`);
  if (lead < 0) throw fail();
  const strides = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < t.shape.length; i++) {
    const d = t.shape[i];
    if (d === shape[lead + i]) strides[lead + i] = t.strides[i];
    else if (d !== 1) throw fail();
  }
  return makeTensor(t.dtype, t.data, shape, strides, t.offset);
}
