import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { type FloatDTypeOf, type UnaryRow, unaryOp } from './unaryOp.js';

const sqrtRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = Math.sqrt(x[ix]);
};

/**
 * The square root, elementwise.
 *
 * Dtypes: float32 and float64 keep their dtype; int32 gives float32 (as in PyTorch); bool throws.
 * A negative input gives NaN.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { sqrt, tensor } from '@attn/tensor';
 * sqrt(tensor([4, 9])); // [2, 3]
 */
export function sqrt<D extends DType>(x: Tensor<D>, options?: OutOptions<FloatDTypeOf<D>>): Tensor<FloatDTypeOf<D>> {
  return unaryOp('sqrt', 'float', x, sqrtRow, options) as Tensor<FloatDTypeOf<D>>;
}
