import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type ArithmeticDType, type BinaryRow, binaryOp, type Operand } from './binaryOp.js';

const minimumRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = Math.min(x[ix], y[iy]);
};

/**
 * The smaller of `a` and `b`, elementwise, with numpy broadcasting.
 *
 * Dtypes: float32, float64 and int32 (not bool). Both tensors share a dtype, except that float64 mixes with
 * float32 and int32 (giving float64); a plain number adopts the tensor's dtype (see docs/dtypes.md).
 * NaN propagates (as numpy.minimum and torch.minimum do).
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { minimum, tensor } from '@attn/tensor';
 * minimum(tensor([1, 5, 3]), tensor([4, 2, 6])); // [1, 2, 3]
 * minimum(tensor([-1, 2]), 1); // [-1, 1]
 */
export function minimum<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<ArithmeticDType<A, B>>,
): Tensor<ArithmeticDType<A, B>> {
  return binaryOp('minimum', 'arithmetic', a, b, minimumRow, options) as Tensor<ArithmeticDType<A, B>>;
}
