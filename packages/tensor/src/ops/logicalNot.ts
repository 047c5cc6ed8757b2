import type { OutOptions } from '../core/checkOut.js';
import type { Tensor } from '../core/Tensor.js';
import { type UnaryRow, unaryOp } from './unaryOp.js';

const logicalNotRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
  for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = x[ix] === 0 ? 1 : 0;
};

/**
 * True where `x` is false, elementwise.
 *
 * Dtypes: bool in, bool out.
 * Inverts a mask.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { logicalNot, tensor } from '@attn/tensor';
 * logicalNot(tensor([true, false])); // [false, true]
 */
export function logicalNot(x: Tensor<'bool'>, options?: OutOptions<'bool'>): Tensor<'bool'> {
  return unaryOp('logicalNot', 'logical', x, logicalNotRow, options) as Tensor<'bool'>;
}
