import { type FloatDType, makeTensor, type Tensor } from '@attn/tensor';
import { type CausalAlignment, causalLimit } from '../attention/causalMask.js';
import { assertCount, assertPositiveInteger } from '../internal/validate.js';
import { alibiSlopes } from './alibiSlopes.js';

/** Options of {@link alibiBias}. */
export interface AlibiBiasOptions {
  /**
   * Where query i sits among the keys: at position i (`'upper-left'`, default, as {@link causalMask}) or at
   * i + Tk - Tq (`'lower-right'`: the new queries of a decoding step come after the cached keys).
   */
  alignment?: CausalAlignment;
  /**
   * `true` (default): keys after the query get -Infinity, so the bias is the causal mask too, as in the paper's
   * language models. `false`: the symmetric -m |p_i - j| everywhere (encoders).
   */
  causal?: boolean;
  /** The element type. Default `float32`. */
  dtype?: FloatDType;
}

/**
 * ALiBi's additive attention bias: -m_h (p_i - j) for query i (at position p_i) and key j, with the slopes of
 * {@link alibiSlopes}. Added to the scaled scores it penalises distant keys linearly, one steepness per head,
 * instead of any positional encoding. Pass it as the (float) `mask` of scaledDotProductAttention,
 * multiHeadAttention or flashAttention: `[H, Tq, Tk]` broadcasts against `[B, H, Tq, Tk]`.
 *
 * Shapes: -> `[heads, Tq, Tk]`.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { alibiBias, scaledDotProductAttention } from '@attn/attention';
 * const q = randn([8, 5, 16], { seed: 1 });                  // [heads, T, d]
 * const mask = alibiBias(8, 5, 5);                            // [8, 5, 5], -Infinity above the diagonal
 * const { output } = scaledDotProductAttention(q, q, q, { mask });
 */
export function alibiBias(heads: number, tq: number, tk: number, options: AlibiBiasOptions = {}): Tensor<FloatDType> {
  const fn = 'alibiBias';
  assertPositiveInteger(fn, 'heads', heads);
  assertCount(fn, 'tq', tq);
  assertCount(fn, 'tk', tk);
  const alignment = options.alignment ?? 'upper-left';
  if (alignment !== 'upper-left' && alignment !== 'lower-right') {
    throw new RangeError(`${fn}: alignment must be 'upper-left' or 'lower-right', got ${JSON.stringify(alignment)}`);
  }
  const causal = options.causal ?? true;
  if (typeof causal !== 'boolean') throw new TypeError(`${fn}: causal must be true or false, got ${String(causal)}`);
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`${fn}: dtype must be float32 or float64, got ${JSON.stringify(dtype)}`);
  }
  const slopes = alibiSlopes(heads);
  const data = dtype === 'float32' ? new Float32Array(heads * tq * tk) : new Float64Array(heads * tq * tk);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < tq; i++) {
      // The query's own position is the last key the causal mask lets it see.
      const p = causalLimit(i, tq, tk, alignment);
      const row = (h * tq + i) * tk;
      for (let j = 0; j < tk; j++) {
        // + 0 turns the -0 of the diagonal into 0.
        data[row + j] = causal && j > p ? Number.NEGATIVE_INFINITY : -slopes[h] * Math.abs(p - j) + 0;
      }
    }
  }
  return makeTensor(dtype, data, [heads, tq, tk]);
}
