import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type ArithmeticDType, type BinaryRow, binaryOp, type Operand } from './binaryOp.js';
import { int32Overflow } from './int32Overflow.js';

const subRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] - y[iy];
};

/** int32: the same, but a result outside int32 throws instead of wrapping around. */
const subInt32Row: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) {
    const r = x[ix] - y[iy];
    if ((r | 0) !== r) throw int32Overflow('sub', `${x[ix]} - ${y[iy]}`, r);
    z[iz] = r;
  }
};

/**
 * Subtracts elementwise, `a - b`, with numpy broadcasting.
 *
 * Dtypes: float32, float64 and int32 (not bool). Both tensors share a dtype, except that float64 mixes with
 * float32 and int32 (giving float64); a plain number adopts the tensor's dtype (see docs/dtypes.md).
 * An int32 result outside int32 throws instead of wrapping around.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { sub, tensor } from '@attn/tensor';
 * sub(tensor([[5, 6], [7, 8]]), tensor([[1], [2]])); // [[4, 5], [5, 6]]
 * sub(1, tensor([0.25, 0.5])); // [0.75, 0.5]
 */
export function sub<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<ArithmeticDType<A, B>>,
): Tensor<ArithmeticDType<A, B>> {
  return binaryOp('sub', 'arithmetic', a, b, subRow, options, subInt32Row) as Tensor<ArithmeticDType<A, B>>;
}
