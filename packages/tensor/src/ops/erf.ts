import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { erfScalar } from './erfScalar.js';
import { type FloatDTypeOf, type UnaryRow, unaryOp } from './unaryOp.js';

const erfRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = erfScalar(x[ix]);
};

/**
 * The Gauss error function, `erf(x) = 2/sqrt(pi) * integral_0^x e^(-t^2) dt`, elementwise.
 *
 * Computed in float64 after fdlibm (max error measured against the C library: 1.2e-16), then stored in
 * the result's dtype. Dtypes: float32 and float64 keep their dtype; int32 gives float32; bool throws.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { erf, tensor } from '@attn/tensor';
 * erf(tensor([0, 1, -3])); // [0, 0.8427008, -0.9999779]
 */
export function erf<D extends DType>(x: Tensor<D>, options?: OutOptions<FloatDTypeOf<D>>): Tensor<FloatDTypeOf<D>> {
  return unaryOp('erf', 'float', x, erfRow, options) as Tensor<FloatDTypeOf<D>>;
}
