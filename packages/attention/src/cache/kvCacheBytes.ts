import { assertKVCache } from './assertKVCache.js';
import type { KVCache } from './KVCache.js';

/** What {@link kvCacheBytes} reports. */
export interface KVCacheBytes {
  /** Bytes of the keys and values of the tokens stored: 2 * batch * Hkv * length * headDim * bytes per element. */
  used: number;
  /** Bytes of the buffers allocated (capacity rather than length). */
  allocated: number;
}

/**
 * The memory a key/value cache holds: 2 (K and V) x batch x Hkv x tokens x d x 4 bytes (float32). It grows
 * linearly with the tokens, and GQA divides it by H / Hkv.
 *
 * Shapes: -> two numbers of bytes.
 *
 * @example
 * import { createKVCache, initMultiHeadAttention, kvCacheBytes } from '@attn/attention';
 * const cache = createKVCache(initMultiHeadAttention({ embedDim: 64, numHeads: 8, seed: 1 }), { capacity: 32 });
 * kvCacheBytes(cache); // { used: 0, allocated: 16384 }: 2 * 8 heads * 32 tokens * 8 * 4 bytes
 */
export function kvCacheBytes(cache: KVCache): KVCacheBytes {
  assertKVCache('kvCacheBytes', cache);
  const perToken = 2 * cache.batch * cache.numKvHeads * cache.headDim * cache.keys.BYTES_PER_ELEMENT;
  return { used: perToken * cache.length, allocated: perToken * cache.capacity };
}
