import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { erfcScalar } from './erfScalar.js';
import { type FloatDTypeOf, type UnaryRow, unaryOp } from './unaryOp.js';

/** Options of {@link gelu}. */
export interface GeluOptions<D extends DType = DType> extends OutOptions<D> {
  /**
   * `'none'` (the default): the exact form x * Phi(x) with the error function, as PyTorch's default.
   * `'tanh'`: the tanh approximation of Hendrycks & Gimpel (GPT-2, BERT), as PyTorch's `approximate='tanh'`.
   */
  approximate?: 'none' | 'tanh';
}

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

// x * Phi(x) = 0.5 * x * erfc(-x / sqrt 2): erfc keeps the tiny values for negative x that
// 0.5 * x * (1 + erf(x / sqrt 2)) would cancel to 0. At -Infinity the limit is 0 (not -Infinity * 0).
const geluExactRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) {
    const v = x[ix];
    z[iz] = v === Number.NEGATIVE_INFINITY ? 0 : 0.5 * v * erfcScalar(-v * SQRT1_2);
  }
};

// 0.5 * (1 + tanh(u)) = 1 / (1 + exp(-2u)): the same function, but for negative x the left form subtracts two
// numbers near 1 and keeps only a few digits (x = -3.2 loses four), while the right one loses none.
const geluTanhRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) {
    const v = x[ix];
    z[iz] = v === Number.NEGATIVE_INFINITY ? 0 : v / (1 + Math.exp(-2 * SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
  }
};

/**
 * The Gaussian error linear unit, `GELU(x) = x * Phi(x)` with Phi the standard normal CDF, elementwise.
 *
 * The default is the exact form, `0.5 * x * (1 + erf(x / sqrt(2)))` (computed as `0.5 * x * erfc(-x / sqrt(2))`
 * so large negative inputs keep their tiny values); `{ approximate: 'tanh' }` gives
 * `0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))`. Both match PyTorch's `gelu`. `gelu(-Infinity)` is 0.
 * Dtypes: float32 and float64 keep their dtype; int32 gives float32; bool throws.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { gelu, tensor } from '@attn/tensor';
 * gelu(tensor([-1, 0, 1]));                          // [-0.15865526, 0, 0.8413447]
 * gelu(tensor([-1, 0, 1]), { approximate: 'tanh' }); // [-0.15880801, 0, 0.841192]
 */
export function gelu<D extends DType>(
  x: Tensor<D>,
  options: GeluOptions<FloatDTypeOf<D>> = {},
): Tensor<FloatDTypeOf<D>> {
  const { approximate = 'none' } = options;
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw new TypeError(`gelu: approximate must be 'none' or 'tanh', got ${JSON.stringify(approximate)}`);
  }
  const row = approximate === 'tanh' ? geluTanhRow : geluExactRow;
  return unaryOp('gelu', 'float', x, row, options) as Tensor<FloatDTypeOf<D>>;
}
