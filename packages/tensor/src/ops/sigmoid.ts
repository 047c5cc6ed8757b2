import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { type FloatDTypeOf, type UnaryRow, unaryOp } from './unaryOp.js';

const sigmoidRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = 1 / (1 + Math.exp(-x[ix]));
};

/**
 * The logistic sigmoid, `1 / (1 + e^-x)`, elementwise.
 *
 * Dtypes: float32 and float64 keep their dtype; int32 gives float32 (as in PyTorch); bool throws.
 * Saturates to exactly 0 and 1 for large |x|, never NaN.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { sigmoid, tensor } from '@attn/tensor';
 * sigmoid(tensor([0, 100, -100])); // [0.5, 1, 3.7e-44]
 */
export function sigmoid<D extends DType>(x: Tensor<D>, options?: OutOptions<FloatDTypeOf<D>>): Tensor<FloatDTypeOf<D>> {
  return unaryOp('sigmoid', 'float', x, sigmoidRow, options) as Tensor<FloatDTypeOf<D>>;
}
