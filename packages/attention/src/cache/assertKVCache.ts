import { describe } from '../internal/validate.js';
import type { KVCache } from './KVCache.js';

/** Throws unless `cache` looks like a {@link KVCache} (made by createKVCache). Internal. */
export function assertKVCache(fn: string, cache: unknown): asserts cache is KVCache {
  const c = cache as KVCache;
  const ok =
    typeof cache === 'object' &&
    cache !== null &&
    Number.isInteger(c.numHeads) &&
    Number.isInteger(c.numKvHeads) &&
    Number.isInteger(c.length) &&
    Number.isInteger(c.capacity) &&
    (c.keys instanceof Float32Array || c.keys instanceof Float64Array) &&
    (c.values instanceof Float32Array || c.values instanceof Float64Array);
  if (!ok) throw new TypeError(`${fn}: cache must be a KVCache made by createKVCache, got ${describe(cache)}`);
}
