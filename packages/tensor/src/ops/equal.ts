import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type BinaryRow, binaryOp, type Operand } from './binaryOp.js';

const equalRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] === y[iy] ? 1 : 0;
};

/**
 * True where `a == b`, elementwise, with numpy broadcasting.
 *
 * Dtypes: any, the result is bool. Both tensors share a dtype, except that float64 mixes with float32 and
 * int32; a plain number (or boolean, for bool tensors) adopts the tensor's dtype (see docs/dtypes.md).
 * NaN equals nothing, not even NaN; -0 equals 0.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { equal, tensor } from '@attn/tensor';
 * equal(tensor([1, 2, 3]), tensor([1, 0, 3])); // bool [true, false, true]
 * equal(tensor([true, false]), true); // bool [true, false]
 */
export function equal<A extends Operand, B extends Operand>(a: A, b: B, options?: OutOptions<'bool'>): Tensor<'bool'> {
  return binaryOp('equal', 'compare', a, b, equalRow, options) as Tensor<'bool'>;
}
