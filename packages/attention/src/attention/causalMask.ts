import { makeTensor, type Tensor } from '@attn/tensor';
import { assertCount } from '../internal/validate.js';

/**
 * How a causal mask lines queries up with keys when there are not as many of each.
 *
 * - `'upper-left'`: query i may attend to keys 0..i, PyTorch's `is_causal=True` (`tril(ones(Tq, Tk))`).
 * - `'lower-right'`: the last query is aligned with the last key, so query i may attend to keys
 *   0..i + (Tk - Tq): what decoding with a key/value cache needs (the new queries come after the cached keys).
 */
export type CausalAlignment = 'upper-left' | 'lower-right';

/**
 * The last key index query `i` may attend to under a causal mask (-1 or less: none).
 * Internal, shared by {@link causalMask} and the attention loops so both agree by construction.
 */
export function causalLimit(i: number, tq: number, tk: number, alignment: CausalAlignment): number {
  return alignment === 'lower-right' ? i + tk - tq : i;
}

/**
 * The causal (look-ahead) mask as a boolean tensor: true where query i may attend to key j, which is j <= i
 * (upper-left) or j <= i + Tk - Tq (lower-right).
 *
 * Shapes: -> `[Tq, Tk]` bool.
 *
 * @example
 * import { causalMask } from '@attn/attention';
 * causalMask(3, 3);                 // [[1,0,0],[1,1,0],[1,1,1]]
 * causalMask(2, 4, 'lower-right');  // [[1,1,1,0],[1,1,1,1]]
 */
export function causalMask(tq: number, tk: number = tq, alignment: CausalAlignment = 'upper-left'): Tensor<'bool'> {
  assertCount('causalMask', 'tq', tq);
  assertCount('causalMask', 'tk', tk);
  if (alignment !== 'upper-left' && alignment !== 'lower-right') {
    throw new RangeError(
      `causalMask: alignment must be 'upper-left' or 'lower-right', got ${JSON.stringify(alignment)}`,
    );
  }
  const data = new Uint8Array(tq * tk);
  for (let i = 0; i < tq; i++) {
    const last = Math.min(causalLimit(i, tq, tk, alignment), tk - 1);
    for (let j = 0; j <= last; j++) data[i * tk + j] = 1;
  }
  return makeTensor('bool', data, [tq, tk]);
}
