import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type BinaryRow, binaryOp, type DivideDType, type Operand } from './binaryOp.js';

const divRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] / y[iy];
};

/**
 * Divides elementwise, `a / b` (true division), with numpy broadcasting.
 *
 * Dtypes: float32, float64 and int32 (not bool). Both tensors share a dtype, except that float64 mixes with
 * float32 and int32 (giving float64); a plain number adopts the tensor's dtype (see docs/dtypes.md).
 * int32 / int32 gives float32, as in PyTorch (exact while |a|, |b| <= 2^24); dividing by 0 gives
 * Infinity or NaN as IEEE 754 says.
 *
 * Shapes: `a` [...A] and `b` [...B] -> [...broadcast(A, B)] (aligned at the right; each axis equal or 1).
 * Pass `{ out }` to write into an existing tensor of the result's shape and dtype (it may be `a` or `b`).
 *
 * @example
 * import { div, tensor } from '@attn/tensor';
 * div(tensor([[1, 2], [3, 4]]), tensor([2, 4])); // [[0.5, 0.5], [1.5, 1]]
 * div(tensor([7, 8], { dtype: 'int32' }), 2); // float32 [3.5, 4]
 */
export function div<A extends Operand, B extends Operand>(
  a: A,
  b: B,
  options?: OutOptions<DivideDType<A, B>>,
): Tensor<DivideDType<A, B>> {
  return binaryOp('div', 'divide', a, b, divRow, options) as Tensor<DivideDType<A, B>>;
}
