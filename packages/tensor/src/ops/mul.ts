import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type ArithmeticDType, type BinaryRow, binaryOp, type Operand } from './binaryOp.js';
import { int32Overflow } from './int32Overflow.js';

const mulRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] * y[iy];
};

/** int32: the same, but a result outside int32 throws instead of wrapping around. */
const mulInt32Row: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) {
    const r = x[ix] * y[iy];
    if ((r | 0) !== r) throw int32Overflow('mul', `${x[ix]} * ${y[iy]}`, r);
    z[iz] = r;
  }
};

/**
 * Multiplies elementwise (the Hadamard product), `a * b`, with numpy broadcasting.
 *
 * Dtypes: float32, float64 and int32 (not bool). Both tensors share a dtype, except that float64 mixes with
 * float32 and int32 (giving float64); a plain number adopts the tensor's dtype (see docs/dtypes.md).
 * An int32 result outside int32 throws instead of wrapping around.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { mul, tensor } from '@attn/tensor';
 * mul(tensor([[1, 2], [3, 4]]), tensor([10, 100])); // [[10, 200], [30, 400]]
 * mul(tensor([1, 2]), 0.5); // [0.5, 1]
 */
export function mul<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<ArithmeticDType<A, B>>,
): Tensor<ArithmeticDType<A, B>> {
  return binaryOp('mul', 'arithmetic', a, b, mulRow, options, mulInt32Row) as Tensor<ArithmeticDType<A, B>>;
}
