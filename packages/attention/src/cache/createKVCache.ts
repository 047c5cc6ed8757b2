import type { MultiHeadAttentionParams } from '../attention/MultiHeadAttentionParams.js';
import { assertFloatTensor, assertPositiveInteger, assertRank, describe } from '../internal/validate.js';
import { type RopeOptions, resolveRopeOptions } from '../position/RopeOptions.js';
import type { KVCache } from './KVCache.js';

/** Options of {@link createKVCache}. */
export interface KVCacheOptions {
  /** Sequences decoded side by side. Default 1. */
  batch?: number;
  /** Tokens to make room for at first; the storage doubles when it fills up. Default 16. */
  capacity?: number;
  /**
   * Rotary embeddings on queries and keys at their absolute positions: `true` for the defaults, or
   * {@link RopeOptions} (layout, base, and `positionOffset`: the position of the first token). Default: none.
   */
  rope?: RopeOptions | boolean;
  /** Add ALiBi's linear bias -m_h (i - j) to the scores (see alibiBias), with or instead of RoPE. Default false. */
  alibi?: boolean;
}

/**
 * An empty key/value cache for self-attention with the given layer's head layout (H, Hkv, d = E / H) and dtype.
 * Feed it a prompt (prefill), then one token at a time (decode), with {@link cachedAttention}.
 *
 * Shapes: params as {@link multiHeadAttention} takes them (`outProjWeight [E, E]`); the cache will hold
 * `[batch, numKvHeads, tokens, headDim]` keys and values.
 *
 * @example
 * import { createKVCache, initMultiHeadAttention } from '@attn/attention';
 * const params = initMultiHeadAttention({ embedDim: 64, numHeads: 8, numKvHeads: 2, seed: 1 });
 * const cache = createKVCache(params, { rope: true }); // stores 2 key/value heads of 8 numbers per token
 */
export function createKVCache(params: MultiHeadAttentionParams, options: KVCacheOptions = {}): KVCache {
  const fn = 'createKVCache';
  if (typeof params !== 'object' || params === null)
    throw new TypeError(`${fn}: params must be an object, got ${describe(params)}`);
  const wo = params.outProjWeight;
  assertFloatTensor(fn, 'params.outProjWeight', wo);
  assertRank(fn, 'params.outProjWeight', wo, [2]);
  const embedDim = wo.shape[0];
  const numHeads = params.numHeads;
  assertPositiveInteger(fn, 'params.numHeads', numHeads);
  const numKvHeads = params.numKvHeads ?? numHeads;
  assertPositiveInteger(fn, 'params.numKvHeads', numKvHeads);
  if (embedDim % numHeads !== 0) {
    throw new RangeError(`${fn}: params.numHeads (${numHeads}) must divide E (${embedDim}, from outProjWeight)`);
  }
  if (numHeads % numKvHeads !== 0) {
    throw new RangeError(`${fn}: params.numKvHeads (${numKvHeads}) must divide params.numHeads (${numHeads})`);
  }
  const headDim = embedDim / numHeads;
  const batch = options.batch ?? 1;
  assertPositiveInteger(fn, 'batch', batch);
  const capacity = options.capacity ?? 16;
  assertPositiveInteger(fn, 'capacity', capacity);
  let rope: Required<RopeOptions> | null = null;
  if (options.rope !== undefined && options.rope !== false) {
    rope = resolveRopeOptions(fn, options.rope === true ? {} : options.rope);
    if (headDim % 2 !== 0) {
      throw new RangeError(
        `${fn}: RoPE needs an even head width, got headDim ${headDim} (E ${embedDim} / ${numHeads} heads)`,
      );
    }
  }
  const alibi = options.alibi ?? false;
  if (typeof alibi !== 'boolean') throw new TypeError(`${fn}: alibi must be true or false, got ${describe(alibi)}`);
  const dtype = wo.dtype;
  const size = batch * numKvHeads * capacity * headDim;
  const allocate = () => (dtype === 'float32' ? new Float32Array(size) : new Float64Array(size));
  return {
    numHeads,
    numKvHeads,
    headDim,
    embedDim,
    batch,
    dtype,
    rope,
    alibi,
    length: 0,
    capacity,
    keys: allocate(),
    values: allocate(),
  };
}
