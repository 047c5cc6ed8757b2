import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { type FloatDTypeOf, type UnaryRow, unaryOp } from './unaryOp.js';

const logRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = Math.log(x[ix]);
};

/**
 * The natural logarithm, elementwise.
 *
 * Dtypes: float32 and float64 keep their dtype; int32 gives float32 (as in PyTorch); bool throws.
 * `log(0)` is -Infinity and a negative input gives NaN, as IEEE 754 says.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { log, tensor } from '@attn/tensor';
 * log(tensor([1, Math.E])); // [0, 1]
 */
export function log<D extends DType>(x: Tensor<D>, options?: OutOptions<FloatDTypeOf<D>>): Tensor<FloatDTypeOf<D>> {
  return unaryOp('log', 'float', x, logRow, options) as Tensor<FloatDTypeOf<D>>;
}
