import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { type UnaryRow, unaryOp } from './unaryOp.js';

const reluRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = Math.max(x[ix], 0);
};

/**
 * The rectified linear unit, `max(x, 0)`, elementwise.
 *
 * Dtypes: float32, float64 and int32 (not bool); the result keeps the input's dtype.
 * NaN passes through (as in PyTorch); `relu(-0)` is 0.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { relu, tensor } from '@attn/tensor';
 * relu(tensor([-1, 0, 2])); // [0, 0, 2]
 */
export function relu<D extends DType>(x: Tensor<D>, options?: OutOptions<D>): Tensor<D> {
  return unaryOp('relu', 'numeric', x, reluRow, options) as Tensor<D>;
}
