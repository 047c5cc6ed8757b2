import { type KernelBackend, makeTensor, ready, setKernelBackend, tensor } from '@attn/tensor';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { causalMask, scaledDotProductAttention } from '../src/index.js';
import { makeBoolMask, makeView } from './support/arbitraries.js';
import { attentionProblemArb } from './support/attentionProblem.js';
import { elements, maxError, referenceAttention } from './support/reference.js';

/** Random attention problems: shapes, layouts, GQA grouping, masks, scale and causal alignment. */
const problemArb = attentionProblemArb({
  tq: { min: 1, max: 6 },
  tk: { min: 1, max: 6 },
  causal: [false, true, 'lower-right'],
});

const tolerance = (dtype: string) => (dtype === 'float64' ? 1e-12 : 2e-5);

beforeAll(async () => {
  await ready();
});
afterAll(() => setKernelBackend('auto'));

describe('scaledDotProductAttention', () => {
  it.each<KernelBackend>(['js', 'wasm-simd', 'auto'])(
    'matches the float64 reference over random shapes, layouts, masks, scales, broadcasting and GQA (%s kernels)',
    (backend) => {
      setKernelBackend(backend);
      fc.assert(
        fc.property(problemArb, (p) => {
          const ref = referenceAttention(p.q, p.k, p.v, p.options);
          const { output, trace } = scaledDotProductAttention(p.q, p.k, p.v, { ...p.options, trace: true });
          expect(output.shape).toEqual(ref.outShape);
          expect(output.dtype).toBe(p.dtype);
          const tol = tolerance(p.dtype);
          expect(maxError(elements(output), ref.output)).toBeLessThanOrEqual(tol);
          expect(maxError(elements(trace.scores), ref.scores)).toBeLessThanOrEqual(tol);
          expect(maxError(elements(trace.masked), ref.masked)).toBeLessThanOrEqual(tol);
          expect(maxError(elements(trace.weights), ref.weights)).toBeLessThanOrEqual(tol);
          expect(elements(trace.mask).map(Boolean)).toEqual(ref.allowed);
          expect(elements(trace.fullyMasked).map(Boolean)).toEqual(ref.fullyMasked);
          expect(trace.scale).toBe(ref.scale);
          // The trace is always rank 4: [batch, head, query, key].
          const lead = ref.outShape.slice(0, -2);
          const heads = lead.at(-1) ?? 1;
          const batch = lead.slice(0, -1).reduce((a, b) => a * b, 1);
          expect(trace.weights.shape).toEqual([batch, heads, p.tq, p.tk]);
          expect(trace.output.shape).toEqual([batch, heads, p.tq, p.dv]);
          expect(trace.fullyMasked.shape).toEqual([batch, heads, p.tq]);
          // The plain path computes the same numbers, bit for bit.
          const plain = scaledDotProductAttention(p.q, p.k, p.v, p.options);
          expect(plain.trace).toBeUndefined();
          expect(Array.from(plain.output.data)).toEqual(Array.from(output.data));
        }),
        { numRuns: 300 },
      );
    },
  );

  it('keeps the invariants: rows sum to 1, masked weights are exactly 0, fully masked rows give zeros', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const { output, trace } = scaledDotProductAttention(p.q, p.k, p.v, { ...p.options, trace: true });
        const [batch, heads, tq, tk] = trace.weights.shape;
        const w = elements(trace.weights);
        const allowed = elements(trace.mask);
        const masked = elements(trace.masked);
        const fully = elements(trace.fullyMasked);
        const out = elements(trace.output);
        const dv = p.dv;
        for (let r = 0; r < batch * heads * tq; r++) {
          let sum = 0;
          for (let j = 0; j < tk; j++) {
            const x = w[r * tk + j];
            if (!allowed[r * tk + j] || masked[r * tk + j] === Number.NEGATIVE_INFINITY) expect(x).toBe(0);
            expect(x).toBeGreaterThanOrEqual(0);
            sum += x;
          }
          if (fully[r]) {
            expect(sum).toBe(0);
            for (let c = 0; c < dv; c++) expect(out[r * dv + c]).toBe(0);
          } else expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
        }
        for (const x of elements(output)) expect(Number.isNaN(x)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('causal: the output at position t ignores every later token (both alignments)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(true, 'lower-right' as const),
        fc.nat(),
        (tq, extra, causal, seed) => {
          const tk = tq + extra; // with extra keys the two alignments differ
          const q = makeView([2, tq, 3], seed);
          const k = makeView([2, tk, 3], seed + 1);
          const v = makeView([2, tk, 4], seed + 2);
          const before = elements(scaledDotProductAttention(q, k, v, { causal }).output);
          // Change the last key/value token: only queries allowed to see it may change.
          const k2 = makeView([2, tk, 3], seed + 1);
          const v2 = makeView([2, tk, 4], seed + 2);
          for (let h = 0; h < 2; h++) {
            for (let c = 0; c < 3; c++) k2.data[(h * tk + tk - 1) * 3 + c] += 5;
            for (let c = 0; c < 4; c++) v2.data[(h * tk + tk - 1) * 4 + c] -= 7;
          }
          const after = elements(scaledDotProductAttention(q, k2, v2, { causal }).output);
          for (let h = 0; h < 2; h++) {
            for (let i = 0; i < tq; i++) {
              const sees = causal === true ? tk - 1 <= i : tk - 1 <= i + tk - tq;
              if (sees) continue;
              for (let c = 0; c < 4; c++) expect(after[(h * tq + i) * 4 + c]).toBe(before[(h * tq + i) * 4 + c]);
            }
          }
        },
      ),
    );
  });

  it('aligns causal masks upper-left (is_causal) or lower-right when Tq != Tk', () => {
    const q = makeView([2, 3], 1);
    const k = makeView([4, 3], 2);
    const upper = scaledDotProductAttention(q, k, k, { causal: true, trace: true }).trace;
    const lower = scaledDotProductAttention(q, k, k, { causal: 'lower-right', trace: true }).trace;
    expect(elements(upper.mask)).toEqual([1, 0, 0, 0, 1, 1, 0, 0]);
    expect(elements(lower.mask)).toEqual([1, 1, 1, 0, 1, 1, 1, 1]);
    expect(elements(causalMask(2, 4))).toEqual([1, 0, 0, 0, 1, 1, 0, 0]);
    expect(elements(causalMask(2, 4, 'lower-right'))).toEqual([1, 1, 1, 0, 1, 1, 1, 1]);
    // More queries than keys, lower-right: the first queries see nothing and are reported, not NaN.
    const q5 = makeView([5, 3], 3);
    const r = scaledDotProductAttention(q5, makeView([2, 3], 4), makeView([2, 2], 5), {
      causal: 'lower-right',
      trace: true,
    });
    expect(elements(r.trace.fullyMasked)).toEqual([1, 1, 1, 0, 0]);
    expect(elements(r.output).slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('combines a boolean mask and causal with AND', () => {
    const q = makeView([3, 2], 7);
    const mask = tensor([true, false, true]);
    const { trace } = scaledDotProductAttention(q, q, q, { mask, causal: true, trace: true });
    expect(elements(trace.mask)).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 1]);
  });

  it('GQA: query head h reads key/value head floor(h * Hkv / Hq)', () => {
    const q = makeView([1, 6, 3, 4], 11);
    const k = makeView([1, 2, 5, 4], 12);
    const v = makeView([1, 2, 5, 3], 13);
    const out = elements(scaledDotProductAttention(q, k, v, { enableGqa: true }).output);
    for (let h = 0; h < 6; h++) {
      const kv = Math.floor((h * 2) / 6);
      const qh = makeTensor('float32', q.data, [3, 4], [4, 1], h * 12);
      const kh = makeTensor('float32', k.data, [5, 4], [4, 1], kv * 20);
      const vh = makeTensor('float32', v.data, [5, 3], [3, 1], kv * 15);
      const one = elements(scaledDotProductAttention(qh, kh, vh).output);
      expect(out.slice(h * 9, h * 9 + 9)).toEqual(one);
    }
  });

  it('documents NaN: a NaN in query row i makes output row i NaN; a NaN score at a masked key does not leak', () => {
    const q = tensor([
      [1, 2],
      [Number.NaN, 0],
      [0, 1],
    ]);
    const k = tensor([
      [1, 0],
      [0, 1],
      [Number.NaN, 1],
    ]);
    const v = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const out = elements(scaledDotProductAttention(q, k, v, { causal: true }).output);
    // Query 0 sees key 0 only; query 1 is NaN (its own row); query 2 sees key 2 whose score is NaN.
    expect(out.slice(0, 2)).toEqual([1, 2]);
    expect(out.slice(2, 4).every(Number.isNaN)).toBe(true);
    expect(out.slice(4, 6).every(Number.isNaN)).toBe(true);
    // Hide key 2 with the boolean mask: its NaN score is replaced by -Infinity, query 2 is finite.
    const mask = tensor([true, true, false]);
    const hidden = elements(scaledDotProductAttention(q, k, v, { mask }).output);
    expect(hidden.slice(4, 6).every(Number.isFinite)).toBe(true);
  });

  describe('bad input, each message naming the shapes', () => {
    const q = makeView([2, 3, 4], 1);
    const k = makeView([2, 5, 4], 2);
    const v = makeView([2, 5, 6], 3);
    it('rejects q and k of different widths', () => {
      expect(() => scaledDotProductAttention(q, makeView([2, 5, 3], 1), v)).toThrow(
        'scaledDotProductAttention: q and k must have the same last axis (d_k), got q [2,3,4], k [2,5,3], v [2,5,6]',
      );
    });
    it('rejects k and v with different numbers of tokens', () => {
      expect(() => scaledDotProductAttention(q, k, makeView([2, 4, 6], 1))).toThrow(
        'scaledDotProductAttention: k and v must have as many keys as values (axis -2), got q [2,3,4], k [2,5,4], v [2,4,6]',
      );
    });
    it('rejects batch axes that do not broadcast, hinting at enableGqa', () => {
      expect(() => scaledDotProductAttention(makeView([4, 3, 4], 1), k, v)).toThrow(
        'scaledDotProductAttention: the batch axes of q [4,3,4], k [2,5,4], v [2,5,6] do not broadcast (for grouped-query attention pass enableGqa: true)',
      );
    });
    it('rejects GQA head counts that do not divide', () => {
      expect(() => scaledDotProductAttention(makeView([3, 3, 4], 1), k, v, { enableGqa: true })).toThrow(
        'scaledDotProductAttention: with enableGqa the query heads (3) must be a multiple of the key/value heads (2)',
      );
    });
    it('rejects masks that do not broadcast', () => {
      expect(() => scaledDotProductAttention(q, k, v, { mask: makeBoolMask([3, 4], 1) })).toThrow(
        'scaledDotProductAttention: mask [3,4] does not broadcast to [..., 3, 5] (queries, keys) for q [2,3,4], k [2,5,4], v [2,5,6]',
      );
      expect(() => scaledDotProductAttention(q, k, v, { mask: makeBoolMask([3, 3, 5], 1) })).toThrow(
        'scaledDotProductAttention: the batch axes of q [2,3,4], k [2,5,4], v [2,5,6], mask [3,3,5] do not broadcast',
      );
    });
    it('rejects an int32 mask, mixed dtypes, rank-1 inputs, bad causal values and non-tensors', () => {
      expect(() => scaledDotProductAttention(q, k, v, { mask: tensor([1, 0, 1, 1, 1], { dtype: 'int32' }) })).toThrow(
        'mask must be bool (true = may attend) or float (added to the scores), got int32 [5]',
      );
      expect(() => scaledDotProductAttention(q, makeView([2, 5, 4], 2, 'contiguous', 'float64'), v)).toThrow(
        'scaledDotProductAttention: k is float64 [2,5,4] but q is float32 [2,3,4]',
      );
      expect(() => scaledDotProductAttention(tensor([1, 2]), k, v)).toThrow(
        'scaledDotProductAttention: q must be [..., tokens, dim], got [2]',
      );
      expect(() => scaledDotProductAttention(q, k, v, { causal: 'upper' as never })).toThrow(
        "causal must be true, false, 'upper-left' or 'lower-right'",
      );
      expect(() => scaledDotProductAttention([[1]] as never, k, v)).toThrow(
        'scaledDotProductAttention: q must be a tensor, got an array',
      );
      expect(() => scaledDotProductAttention(q, k, v, { scale: Number.NaN })).toThrow('scale must be a number');
    });
  });
});
