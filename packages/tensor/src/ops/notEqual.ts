import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type BinaryRow, binaryOp, type Operand } from './binaryOp.js';

const notEqualRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] !== y[iy] ? 1 : 0;
};

/**
 * True where `a != b`, elementwise, with numpy broadcasting.
 *
 * Dtypes: any, the result is bool. Both tensors share a dtype, except that float64 mixes with float32 and
 * int32; a plain number (or boolean, for bool tensors) adopts the tensor's dtype (see docs/dtypes.md).
 * NaN differs from everything, NaN included.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { notEqual, tensor } from '@attn/tensor';
 * notEqual(tensor([1, 2, 3]), 2); // bool [true, false, true]
 */
export function notEqual<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<'bool'>,
): Tensor<'bool'> {
  return binaryOp('notEqual', 'compare', a, b, notEqualRow, options) as Tensor<'bool'>;
}
