import { makeTensor, type Tensor } from '@attn/tensor';
import { assertKVCache } from './assertKVCache.js';
import type { KVCache } from './KVCache.js';

/**
 * What a key/value cache holds, as tensor views (no copy) over its storage: the keys (after RoPE, when the cache
 * applies it) and values of every token so far. Views of the current buffers: a later append that grows the
 * cache does not show in them.
 *
 * Shapes: -> keys and values `[batch, numKvHeads, length, headDim]`.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { cachedAttention, createKVCache, initMultiHeadAttention, kvCacheTensors } from '@attn/attention';
 * const params = initMultiHeadAttention({ embedDim: 16, numHeads: 4, seed: 1 });
 * const cache = createKVCache(params);
 * cachedAttention(cache, randn([1, 5, 16], { seed: 2 }), params);
 * kvCacheTensors(cache).keys.shape; // [1, 4, 5, 4]
 */
export function kvCacheTensors(cache: KVCache): { keys: Tensor; values: Tensor } {
  assertKVCache('kvCacheTensors', cache);
  return { keys: view(cache, cache.keys), values: view(cache, cache.values) };
}

/** `[batch, Hkv, length, d]` over `[batch, Hkv, capacity, d]` storage. Internal to the cache. */
export function view(cache: KVCache, data: Float32Array | Float64Array): Tensor {
  const { batch, numKvHeads, length, capacity, headDim, dtype } = cache;
  return makeTensor(
    dtype,
    data,
    [batch, numKvHeads, length, headDim],
    [numKvHeads * capacity * headDim, capacity * headDim, headDim, 1],
    0,
  );
}
