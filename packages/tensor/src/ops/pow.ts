import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type ArithmeticDType, type BinaryRow, binaryOp, type Operand } from './binaryOp.js';
import { int32Overflow } from './int32Overflow.js';

const powRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] ** y[iy];
};

/** int32: an integer power, checked: a negative exponent or a result outside int32 throws. */
const powInt32Row: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) {
    if (y[iy] < 0) {
      throw new RangeError(
        `pow: int32 ${x[ix]} to the negative power ${y[iy]} is not an integer (convert with astype to a float dtype first)`,
      );
    }
    const r = x[ix] ** y[iy];
    if ((r | 0) !== r) throw int32Overflow('pow', `${x[ix]} ** ${y[iy]}`, r);
    z[iz] = r;
  }
};

/**
 * Raises elementwise, `a ** b`, with numpy broadcasting.
 *
 * Dtypes: float32, float64 and int32 (not bool). Both tensors share a dtype, except that float64 mixes with
 * float32 and int32 (giving float64); a plain number adopts the tensor's dtype (see docs/dtypes.md).
 * For int32 a negative exponent throws (the result is not an integer) and so does a result outside int32.
 * A negative float base to a fractional power gives NaN, as in `Math.pow`.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { pow, tensor } from '@attn/tensor';
 * pow(tensor([1, 2, 3]), 2); // [1, 4, 9]
 * pow(2, tensor([[0, 1], [2, 3]])); // [[1, 2], [4, 8]]
 */
export function pow<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<ArithmeticDType<A, B>>,
): Tensor<ArithmeticDType<A, B>> {
  return binaryOp('pow', 'arithmetic', a, b, powRow, options, powInt32Row) as Tensor<ArithmeticDType<A, B>>;
}
