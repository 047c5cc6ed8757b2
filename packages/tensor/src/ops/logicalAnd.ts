import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type BinaryRow, binaryOp, type Operand } from './binaryOp.js';

const logicalAndRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] !== 0 && y[iy] !== 0 ? 1 : 0;
};

/**
 * True where both `a` and `b` are true, elementwise, with numpy broadcasting.
 *
 * Dtypes: bool in (tensors or plain booleans), bool out.
 * Combines masks: `true` means "may attend", so the AND of two masks attends where both allow it.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { logicalAnd, tensor } from '@attn/tensor';
 * logicalAnd(tensor([true, true, false]), tensor([true, false, false])); // [true, false, false]
 */
export function logicalAnd<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<'bool'>,
): Tensor<'bool'> {
  return binaryOp('logicalAnd', 'logical', a, b, logicalAndRow, options) as Tensor<'bool'>;
}
