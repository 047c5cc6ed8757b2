import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type BinaryRow, binaryOp, type Operand } from './binaryOp.js';

const logicalOrRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] !== 0 || y[iy] !== 0 ? 1 : 0;
};

/**
 * True where `a` or `b` (or both) is true, elementwise, with numpy broadcasting.
 *
 * Dtypes: bool in (tensors or plain booleans), bool out.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { logicalOr, tensor } from '@attn/tensor';
 * logicalOr(tensor([true, true, false]), tensor([true, false, false])); // [true, true, false]
 */
export function logicalOr<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<'bool'>,
): Tensor<'bool'> {
  return binaryOp('logicalOr', 'logical', a, b, logicalOrRow, options) as Tensor<'bool'>;
}
