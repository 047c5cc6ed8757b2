import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { type FloatDTypeOf, type UnaryRow, unaryOp } from './unaryOp.js';

const tanhRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = Math.tanh(x[ix]);
};

/**
 * The hyperbolic tangent, elementwise.
 *
 * Dtypes: float32 and float64 keep their dtype; int32 gives float32 (as in PyTorch); bool throws.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { tanh, tensor } from '@attn/tensor';
 * tanh(tensor([0, 100])); // [0, 1]
 */
export function tanh<D extends DType>(x: Tensor<D>, options?: OutOptions<FloatDTypeOf<D>>): Tensor<FloatDTypeOf<D>> {
  return unaryOp('tanh', 'float', x, tanhRow, options) as Tensor<FloatDTypeOf<D>>;
}
