import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { int32Overflow } from './int32Overflow.js';
import { type UnaryRow, unaryOp } from './unaryOp.js';

const negRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = -x[ix];
};

/** int32: the same, but -2147483648 (whose result does not fit) throws instead of wrapping around. */
const negInt32Row: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) {
    const r = -x[ix];
    if ((r | 0) !== r) throw int32Overflow('neg', `neg(${x[ix]})`, r);
    z[iz] = r;
  }
};

/**
 * Negates elementwise, `-x`.
 *
 * Dtypes: float32, float64 and int32 (not bool); the result keeps the input's dtype.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { neg, tensor } from '@attn/tensor';
 * neg(tensor([1, -2, 0])); // [-1, 2, -0]
 */
export function neg<D extends DType>(x: Tensor<D>, options?: OutOptions<D>): Tensor<D> {
  return unaryOp('neg', 'numeric', x, negRow, options, negInt32Row) as Tensor<D>;
}
