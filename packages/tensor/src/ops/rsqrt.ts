import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { type FloatDTypeOf, type UnaryRow, unaryOp } from './unaryOp.js';

const rsqrtRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = 1 / Math.sqrt(x[ix]);
};

/**
 * The reciprocal square root, `1 / sqrt(x)`, elementwise.
 *
 * Dtypes: float32 and float64 keep their dtype; int32 gives float32 (as in PyTorch); bool throws.
 * `rsqrt(0)` is Infinity.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { rsqrt, tensor } from '@attn/tensor';
 * rsqrt(tensor([4, 16])); // [0.5, 0.25]
 */
export function rsqrt<D extends DType>(x: Tensor<D>, options?: OutOptions<FloatDTypeOf<D>>): Tensor<FloatDTypeOf<D>> {
  return unaryOp('rsqrt', 'float', x, rsqrtRow, options) as Tensor<FloatDTypeOf<D>>;
}
