import type { FloatDType } from '@attn/tensor';
import type { RopeOptions } from '../position/RopeOptions.js';

/**
 * A key/value cache for one multi-head attention layer: the keys and values of every token seen so far, per
 * key/value head, so that each new token only projects itself and attends to what is stored. Plain data, and
 * mutable on purpose: {@link cachedAttention} appends to it. Made by {@link createKVCache}.
 *
 * Storage is `[batch, numKvHeads, capacity, headDim]` row-major; the first `length` tokens of each head are
 * filled. With grouped-query attention only the numKvHeads key/value heads are stored (that is the point of GQA).
 */
export interface KVCache {
  /** H, the query heads of the layer. */
  readonly numHeads: number;
  /** Hkv, the key/value heads stored (H for ordinary multi-head attention, fewer with GQA, 1 with MQA). */
  readonly numKvHeads: number;
  /** d = E / H. */
  readonly headDim: number;
  /** E, the width of the tokens fed in and of the output. */
  readonly embedDim: number;
  /** How many sequences are decoded side by side. */
  readonly batch: number;
  /** The element type of the layer's weights, the tokens and the storage. */
  readonly dtype: FloatDType;
  /**
   * RoPE applied to queries and keys at their absolute positions (keys are stored rotated), or null.
   * `positionOffset` is the position of the first token the cache ever saw.
   */
  readonly rope: Required<RopeOptions> | null;
  /** Whether ALiBi's bias (the paper's slopes, one per query head) is added to the scores. */
  readonly alibi: boolean;
  /** Tokens stored so far. */
  length: number;
  /** Tokens the storage has room for; it doubles when full. */
  capacity: number;
  /** The keys, `[batch, numKvHeads, capacity, headDim]` (after RoPE when `rope` is set). */
  keys: Float32Array | Float64Array;
  /** The values, `[batch, numKvHeads, capacity, headDim]`. */
  values: Float32Array | Float64Array;
}
