import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { fillValue } from '../create/fillValue.js';
import { toFlat } from '../read/toFlat.js';
import { assertTensor } from './assertTensor.js';
import { broadcastTo } from './broadcastTo.js';

/**
 * A new contiguous copy of `t` with `value` written wherever `mask` is TRUE (torch's `masked_fill`).
 * `mask` is `bool` and broadcasts to the shape of `t`; the result keeps the shape and dtype of `t`, and
 * `value` must fit that dtype.
 *
 * Mind the polarity: this is the generic op, and it fills where the mask is true. Attention masks in
 * this project say true = MAY attend, so to hide the keys a query may not see, fill where the mask is
 * false: `maskedFill(scores, logicalNot(mayAttend), -Infinity)`, or `where(mayAttend, scores, -Infinity)`.
 *
 * Shapes: `t: S`, `mask: M` (broadcasts to `S`) -> `S`.
 *
 * @example
 * import { maskedFill, tensor } from '@attn/tensor';
 * const future = tensor([[false, true], [false, false]]);   // true above the diagonal
 * maskedFill(tensor([[1, 2], [3, 4]]), future, -Infinity);  // [[1, -inf], [3, 4]]
 */
export function maskedFill<D extends DType>(t: Tensor<D>, mask: Tensor<'bool'>, value: number | boolean): Tensor<D> {
  assertTensor('maskedFill', 't', t);
  assertTensor('maskedFill', 'mask', mask);
  if (mask.dtype !== 'bool') throw new TypeError(`maskedFill: mask must be a bool tensor, not ${mask.dtype}`);
  const v = fillValue('maskedFill', t.dtype, value);
  let m: Uint8Array;
  try {
    m = toFlat(broadcastTo(mask, t.shape));
  } catch {
    throw new RangeError(`maskedFill: mask shape ${showShape(mask.shape)} does not broadcast to ${showShape(t.shape)}`);
  }
  const out = toFlat(t);
  for (let i = 0; i < out.length; i++) if (m[i] !== 0) out[i] = v;
  return makeTensor(t.dtype, out, t.shape);
}
