import { makeTensor, randn, type Tensor } from '@attn/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alibiBias,
  alibiSlopes,
  cachedAttention,
  createKVCache,
  initMultiHeadAttention,
  kvCacheBytes,
  kvCacheTensors,
  type MultiHeadAttentionParams,
  multiHeadAttention,
} from '../src/index.js';
import { layoutArb, makeView } from './support/arbitraries.js';
import { elements, maxError } from './support/reference.js';
import { referenceSelfAttention } from './support/referenceSelfAttention.js';

/** Layer weights with random (not zero) biases, so a bias read from the wrong place shows. */
function layer(
  e: number,
  h: number,
  hkv: number,
  dtype: 'float32' | 'float64',
  seed: number,
): MultiHeadAttentionParams {
  const params = initMultiHeadAttention({ embedDim: e, numHeads: h, numKvHeads: hkv, seed, dtype });
  const bias = (n: number, s: number) => makeView([n], seed + s, 'contiguous', dtype, 0.5);
  if (params.inProjWeight) params.inProjBias = bias(3 * e, 11);
  else {
    const kv = hkv * (e / h);
    params.qProjBias = bias(e, 12);
    params.kProjBias = bias(kv, 13);
    params.vProjBias = bias(kv, 14);
  }
  params.outProjBias = bias(e, 15);
  return params;
}

/** Tokens [from, to) of x [B, T, E], as a view. */
function tokens(x: Tensor, from: number, to: number): Tensor {
  return makeTensor(x.dtype, x.data, [x.shape[0], to - from, x.shape[2]], x.strides, x.offset + from * x.strides[1]);
}

const problemArb = fc.record({
  batch: fc.integer({ min: 1, max: 2 }),
  hkv: fc.integer({ min: 1, max: 3 }),
  group: fc.integer({ min: 1, max: 3 }),
  halfD: fc.integer({ min: 1, max: 2 }),
  prompt: fc.integer({ min: 1, max: 5 }),
  steps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 4 }),
  capacity: fc.integer({ min: 1, max: 4 }),
  rope: fc.option(
    fc.record({
      layout: fc.constantFrom('rotate-half' as const, 'interleaved' as const),
      base: fc.constantFrom(10000, 100),
      positionOffset: fc.integer({ min: 0, max: 30 }),
    }),
    { nil: null },
  ),
  alibi: fc.boolean(),
  dtype: fc.constantFrom('float32' as const, 'float64' as const),
  layout: layoutArb,
  seed: fc.nat(),
});

describe('KV cache', () => {
  it('prefill then decode equals the full causal pass, with GQA, RoPE offsets, ALiBi and growth', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const h = p.hkv * p.group;
        const d = 2 * p.halfD;
        const e = h * d;
        const total = p.prompt + p.steps.reduce((a, b) => a + b, 0);
        const params = layer(e, h, p.hkv, p.dtype, p.seed);
        const x = makeView([p.batch, total, e], p.seed + 1, p.layout, p.dtype);
        const cache = createKVCache(params, {
          batch: p.batch,
          capacity: p.capacity,
          rope: p.rope ?? undefined,
          alibi: p.alibi,
        });
        const outputs: number[][] = [];
        let at = 0;
        for (const n of [p.prompt, ...p.steps]) {
          const { output } = cachedAttention(cache, tokens(x, at, at + n), params);
          expect(output.shape).toEqual([p.batch, n, e]);
          expect(output.dtype).toBe(p.dtype);
          outputs.push(elements(output));
          at += n;
          expect(cache.length).toBe(at);
        }
        // Reassemble [B, total, E] from the chunks and compare with the oracle's full pass.
        const got: number[] = [];
        for (let b = 0; b < p.batch; b++) {
          let from = 0;
          for (const [c, n] of [p.prompt, ...p.steps].entries()) {
            got.push(...outputs[c].slice(b * n * e, (b + 1) * n * e));
            from += n;
          }
          expect(from).toBe(total);
        }
        const ref = referenceSelfAttention(x, params, p.rope, p.alibi ? alibiSlopes(h) : null);
        const tol = p.dtype === 'float64' ? 1e-12 : 3e-5;
        expect(maxError(got, ref.output)).toBeLessThanOrEqual(tol);
        if (p.rope === null) {
          const mask = p.alibi ? alibiBias(h, total, total, { dtype: p.dtype }) : undefined;
          const full = multiHeadAttention(x, x, x, params, { causal: true, mask }).output;
          expect(maxError(got, elements(full))).toBeLessThanOrEqual(tol);
        }
        // Only the key/value heads are stored: exactly the oracle's (rotated) keys and values.
        const stored = kvCacheTensors(cache);
        expect(stored.keys.shape).toEqual([p.batch, p.hkv, total, d]);
        expect(maxError(elements(stored.keys), ref.keys)).toBeLessThanOrEqual(tol);
        expect(maxError(elements(stored.values), ref.values)).toBeLessThanOrEqual(tol);
        const bytes = p.dtype === 'float32' ? 4 : 8;
        expect(kvCacheBytes(cache).used).toBe(2 * p.batch * p.hkv * total * d * bytes);
        expect(kvCacheBytes(cache).allocated).toBe(2 * p.batch * p.hkv * cache.capacity * d * bytes);
        expect(cache.capacity).toBeGreaterThanOrEqual(total);
      }),
      { numRuns: 150 },
    );
  });

  it('takes unbatched tokens for batch 1, and returns the weights over everything cached', () => {
    const params = layer(8, 2, 2, 'float64', 5);
    const x = randn([4, 8], { seed: 6, dtype: 'float64' });
    const cache = createKVCache(params);
    cachedAttention(cache, makeTensor('float64', x.data, [3, 8]), params);
    const last = makeTensor('float64', x.data, [1, 8], [8, 1], 24);
    const { output, weights } = cachedAttention(cache, last, params, { needWeights: true });
    expect(output.shape).toEqual([1, 8]);
    const full = multiHeadAttention(x, x, x, params, { causal: true }).output;
    expect(maxError(elements(output), elements(full).slice(24))).toBeLessThanOrEqual(1e-12);
    expect(weights.shape).toEqual([1, 2, 1, 4]);
    const w = elements(weights);
    expect(w[0] + w[1] + w[2] + w[3]).toBeCloseTo(1, 12);
    expect(w[4] + w[5] + w[6] + w[7]).toBeCloseTo(1, 12);
  });

  it('reports its memory: GQA stores H / Hkv times less', () => {
    const mha = createKVCache(initMultiHeadAttention({ embedDim: 64, numHeads: 8, seed: 1 }), { capacity: 32 });
    const gqa = createKVCache(initMultiHeadAttention({ embedDim: 64, numHeads: 8, numKvHeads: 2, seed: 1 }), {
      capacity: 32,
    });
    expect(kvCacheBytes(mha)).toEqual({ used: 0, allocated: 2 * 8 * 32 * 8 * 4 });
    expect(kvCacheBytes(gqa)).toEqual({ used: 0, allocated: 2 * 2 * 32 * 8 * 4 });
    expect(gqa.keys.length).toBe(2 * 32 * 8);
  });

  it('refuses a different head layout, width, dtype or batch, with the numbers', () => {
    const params = initMultiHeadAttention({ embedDim: 16, numHeads: 4, numKvHeads: 2, seed: 1 });
    const cache = createKVCache(params);
    const x = randn([1, 3, 16], { seed: 2 });
    const otherKv = initMultiHeadAttention({ embedDim: 16, numHeads: 4, numKvHeads: 4, seed: 1 });
    expect(() => cachedAttention(cache, x, otherKv)).toThrow(
      'cachedAttention: params have 4 heads (4 key/value heads) but the cache was made for 4 heads (2 key/value heads)',
    );
    const otherHeads = initMultiHeadAttention({ embedDim: 16, numHeads: 8, numKvHeads: 2, seed: 1 });
    expect(() => cachedAttention(cache, x, otherHeads)).toThrow(
      'but the cache was made for 4 heads (2 key/value heads)',
    );
    const wider = initMultiHeadAttention({ embedDim: 32, numHeads: 4, numKvHeads: 2, seed: 1 });
    expect(() => cachedAttention(cache, x, wider)).toThrow(
      'cachedAttention: params.qProjWeight must be [16,16] for the cache',
    );
    expect(() => cachedAttention(cache, randn([1, 3, 8], { seed: 2 }), params)).toThrow(
      'cachedAttention: x [1,3,8] has width 8 but the cache was made for E = 16',
    );
    expect(() => cachedAttention(cache, randn([2, 3, 16], { seed: 2 }), params)).toThrow(
      'cachedAttention: x [2,3,16] has batch 2 but the cache was made for batch 1',
    );
    expect(() => cachedAttention(cache, randn([1, 3, 16], { seed: 2, dtype: 'float64' }), params)).toThrow(
      'cachedAttention: x is float64 [1,3,16] but the cache holds float32',
    );
    const f64 = initMultiHeadAttention({ embedDim: 16, numHeads: 4, numKvHeads: 2, seed: 1, dtype: 'float64' });
    expect(() => cachedAttention(cache, x, f64)).toThrow(
      'cachedAttention: params.qProjWeight is float64 but the cache holds float32',
    );
    expect(() => cachedAttention({} as never, x, params)).toThrow(
      'cachedAttention: cache must be a KVCache made by createKVCache',
    );
    expect(cache.length).toBe(0); // nothing was appended by the refused calls
    expect(() => createKVCache(initMultiHeadAttention({ embedDim: 12, numHeads: 4, seed: 1 }), { rope: true })).toThrow(
      'createKVCache: RoPE needs an even head width, got headDim 3',
    );
    expect(() => createKVCache(params, { batch: 0 })).toThrow('createKVCache: batch must be a positive integer');
  });
});
