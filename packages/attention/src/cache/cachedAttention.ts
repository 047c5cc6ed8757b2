import { makeTensor, showShape, type Tensor } from '@attn/tensor';
import type { MultiHeadAttentionParams } from '../attention/MultiHeadAttentionParams.js';
import { mergeHeads } from '../attention/mergeHeads.js';
import { scaledDotProductAttention } from '../attention/scaledDotProductAttention.js';
import { splitHeads } from '../attention/splitHeads.js';
import { assertFloatTensor, describe } from '../internal/validate.js';
import { linear } from '../layers/linear.js';
import { alibiBias } from '../position/alibiBias.js';
import { applyRope } from '../position/applyRope.js';
import { assertKVCache } from './assertKVCache.js';
import type { KVCache } from './KVCache.js';
import { view } from './kvCacheTensors.js';

/** Options of {@link cachedAttention}. */
export interface CachedAttentionOptions {
  /** Also return the attention weights of the new queries over every cached key, per head. Default false. */
  needWeights?: boolean;
}

/** What {@link cachedAttention} returns. */
export interface CachedAttentionResult {
  /** `[B, T, E]` for the T new tokens (`[T, E]` when x was unbatched). */
  output: Tensor;
  /** With `needWeights`: `[B, H, T, length]`, length counting the new tokens. */
  weights?: Tensor;
}

/**
 * Causal self-attention for new tokens against a key/value cache: projects the T new tokens, rotates queries and
 * keys with RoPE at their absolute positions (when the cache has RoPE), appends the new keys and values (the
 * numKvHeads heads only) to the cache, and lets each new token attend to every stored token up to itself
 * (the causal mask aligned lower-right; plus ALiBi's bias when the cache has it). Call it once with the prompt (prefill), then with one token at a time
 * (decode): the outputs equal `multiHeadAttention(all, all, all, params, { causal: true })` on the whole
 * sequence, row for row, up to rounding, while each step only projects and stores its own token.
 *
 * Shapes: x `[B, T, E]` (B = the cache's batch) or `[T, E]` when the batch is 1 -> output of the same shape.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { cachedAttention, createKVCache, initMultiHeadAttention } from '@attn/attention';
 * const params = initMultiHeadAttention({ embedDim: 32, numHeads: 4, seed: 1 });
 * const cache = createKVCache(params);
 * const prompt = randn([1, 6, 32], { seed: 2 });
 * cachedAttention(cache, prompt, params);                        // prefill: 6 tokens, cache.length = 6
 * const next = randn([1, 1, 32], { seed: 3 });
 * const { output } = cachedAttention(cache, next, params);        // decode: [1, 1, 32], cache.length = 7
 */
export function cachedAttention(
  cache: KVCache,
  x: Tensor,
  params: MultiHeadAttentionParams,
  options: CachedAttentionOptions & { needWeights: true },
): CachedAttentionResult & { weights: Tensor };
export function cachedAttention(
  cache: KVCache,
  x: Tensor,
  params: MultiHeadAttentionParams,
  options?: CachedAttentionOptions,
): CachedAttentionResult;
export function cachedAttention(
  cache: KVCache,
  x: Tensor,
  params: MultiHeadAttentionParams,
  options: CachedAttentionOptions = {},
): CachedAttentionResult {
  const fn = 'cachedAttention';
  assertKVCache(fn, cache);
  const w = projections(fn, cache, params);
  assertFloatTensor(fn, 'x', x);
  if (x.dtype !== cache.dtype) {
    throw new TypeError(
      `${fn}: x is ${x.dtype} ${showShape(x.shape)} but the cache holds ${cache.dtype} (convert x with astype)`,
    );
  }
  const batched = x.shape.length === 3;
  if (!batched && x.shape.length !== 2) {
    throw new RangeError(`${fn}: x must be [B, T, E] (or [T, E] with batch 1), got ${showShape(x.shape)}`);
  }
  const x3 = batched ? x : makeTensor(x.dtype, x.data, [1, ...x.shape], [0, ...x.strides], x.offset);
  const [b, , e] = x3.shape;
  if (e !== cache.embedDim) {
    throw new RangeError(
      `${fn}: x ${showShape(x.shape)} has width ${e} but the cache was made for E = ${cache.embedDim}`,
    );
  }
  if (b !== cache.batch) {
    throw new RangeError(
      `${fn}: x ${showShape(x.shape)} has batch ${b} but the cache was made for batch ${cache.batch}`,
    );
  }
  const { numHeads: h, numKvHeads: hkv } = cache;
  let q = splitHeads(linear(x3, w.wq, w.bq), h);
  let k = splitHeads(linear(x3, w.wk, w.bk), hkv);
  const v = splitHeads(linear(x3, w.wv, w.bv), hkv);
  if (cache.rope) {
    // The new tokens sit after everything cached: their positions start at offset + length.
    const rope = { ...cache.rope, positionOffset: cache.rope.positionOffset + cache.length };
    q = applyRope(q, rope);
    k = applyRope(k, rope);
  }
  append(cache, k, v);
  const keys = view(cache, cache.keys);
  const values = view(cache, cache.values);
  // ALiBi: the new queries sit at the end of the cached keys, so the bias is aligned lower-right as the mask is.
  const mask = cache.alibi
    ? alibiBias(h, q.shape[2], cache.length, { alignment: 'lower-right', dtype: cache.dtype })
    : undefined;
  const attended = scaledDotProductAttention(q, keys, values, {
    mask,
    causal: 'lower-right',
    enableGqa: hkv !== h,
    trace: options.needWeights === true,
  });
  const out3 = linear(mergeHeads(attended.output), w.wo, w.bo);
  const output = batched ? out3 : makeTensor(out3.dtype, out3.data, out3.shape.slice(1));
  const result: CachedAttentionResult = { output };
  if (options.needWeights && attended.trace) result.weights = attended.trace.weights;
  return result;
}

/** Writes T new keys and values `[B, Hkv, T, d]` (any strides) after the cached ones, growing the storage. */
function append(cache: KVCache, k: Tensor, v: Tensor): void {
  const { batch, numKvHeads, headDim: d } = cache;
  const t = k.shape[2];
  const needed = cache.length + t;
  if (needed > cache.capacity) {
    let capacity = cache.capacity;
    while (capacity < needed) capacity *= 2;
    const grow = (old: Float32Array | Float64Array) => {
      const size = batch * numKvHeads * capacity * d;
      const next = old instanceof Float32Array ? new Float32Array(size) : new Float64Array(size);
      for (let r = 0; r < batch * numKvHeads; r++) {
        next.set(old.subarray(r * cache.capacity * d, (r * cache.capacity + cache.length) * d), r * capacity * d);
      }
      return next;
    };
    cache.keys = grow(cache.keys);
    cache.values = grow(cache.values);
    cache.capacity = capacity;
  }
  const cap = cache.capacity;
  for (const [src, dst] of [
    [k, cache.keys],
    [v, cache.values],
  ] as const) {
    const [s0, s1, s2, s3] = src.strides;
    for (let bi = 0; bi < batch; bi++) {
      for (let hi = 0; hi < numKvHeads; hi++) {
        for (let ti = 0; ti < t; ti++) {
          const from = src.offset + bi * s0 + hi * s1 + ti * s2;
          const to = ((bi * numKvHeads + hi) * cap + cache.length + ti) * d;
          for (let c = 0; c < d; c++) dst[to + c] = src.data[from + c * s3];
        }
      }
    }
  }
  cache.length = needed;
}

interface SelfAttentionWeights {
  wq: Tensor;
  wk: Tensor;
  wv: Tensor;
  wo: Tensor;
  bq?: Tensor;
  bk?: Tensor;
  bv?: Tensor;
  bo?: Tensor;
}

/**
 * The layer's projections, checked against the head layout, width and dtype the cache was made for (a cache
 * filled by one layer must not be read with another's weights). A packed in_proj weight is split into row views.
 */
function projections(fn: string, cache: KVCache, params: MultiHeadAttentionParams): SelfAttentionWeights {
  if (typeof params !== 'object' || params === null)
    throw new TypeError(`${fn}: params must be an object, got ${describe(params)}`);
  const { numHeads: h, numKvHeads: hkv, embedDim: e, headDim: d, dtype } = cache;
  const pHkv = params.numKvHeads ?? params.numHeads;
  if (params.numHeads !== h || pHkv !== hkv) {
    throw new RangeError(
      `${fn}: params have ${String(params.numHeads)} heads (${String(pHkv)} key/value heads) but the cache was made for ${h} heads (${hkv} key/value heads)`,
    );
  }
  const check = (name: string, t: Tensor | undefined, shape: number[]): Tensor | undefined => {
    if (t === undefined) return undefined;
    assertFloatTensor(fn, `params.${name}`, t);
    if (t.dtype !== dtype) {
      throw new TypeError(`${fn}: params.${name} is ${t.dtype} but the cache holds ${dtype}`);
    }
    if (showShape(t.shape) !== showShape(shape)) {
      throw new RangeError(
        `${fn}: params.${name} must be ${showShape(shape)} for the cache's E = ${e}, ${h} heads (${hkv} key/value heads), got ${showShape(t.shape)}`,
      );
    }
    return t;
  };
  const need = (name: string, t: Tensor | undefined, shape: number[]): Tensor => {
    const checked = check(name, t, shape);
    if (checked === undefined) throw new TypeError(`${fn}: params.${name} is missing (expected ${showShape(shape)})`);
    return checked;
  };
  const rows = (t: Tensor, from: number, count: number): Tensor =>
    makeTensor(t.dtype, t.data, [count, ...t.shape.slice(1)], t.strides, t.offset + from * t.strides[0]);
  const kvWidth = hkv * d;
  let wq: Tensor;
  let wk: Tensor;
  let wv: Tensor;
  if (params.inProjWeight !== undefined) {
    const packed = need('inProjWeight', params.inProjWeight, [3 * e, e]);
    wq = rows(packed, 0, e);
    wk = rows(packed, e, e);
    wv = rows(packed, 2 * e, e);
  } else {
    wq = need('qProjWeight', params.qProjWeight, [e, e]);
    wk = need('kProjWeight', params.kProjWeight, [kvWidth, e]);
    wv = need('vProjWeight', params.vProjWeight, [kvWidth, e]);
  }
  let bq = check('qProjBias', params.qProjBias, [e]);
  let bk = check('kProjBias', params.kProjBias, [kvWidth]);
  let bv = check('vProjBias', params.vProjBias, [kvWidth]);
  const packedBias = check('inProjBias', params.inProjBias, [3 * e]);
  if (packedBias) {
    bq = rows(packedBias, 0, e);
    bk = rows(packedBias, e, e);
    bv = rows(packedBias, 2 * e, e);
  }
  const wo = need('outProjWeight', params.outProjWeight, [e, e]);
  const bo = check('outProjBias', params.outProjBias, [e]);
  return { wq, wk, wv, wo, bq, bk, bv, bo };
}
