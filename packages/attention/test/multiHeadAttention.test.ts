import { type KernelBackend, makeTensor, ready, setKernelBackend, type Tensor } from '@attn/tensor';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MultiHeadAttentionParams, multiHeadAttention } from '../src/index.js';
import { layoutArb, makeBoolMask, makeView, squeezeSome } from './support/arbitraries.js';
import { elements, maxError } from './support/reference.js';
import { referenceMultiHead } from './support/referenceMultiHead.js';

const problemArb = fc
  .record({
    b: fc.integer({ min: 1, max: 2 }),
    tq: fc.integer({ min: 1, max: 5 }),
    tk: fc.integer({ min: 1, max: 5 }),
    kvHeads: fc.integer({ min: 1, max: 2 }),
    group: fc.integer({ min: 1, max: 3 }),
    d: fc.integer({ min: 1, max: 3 }),
    cross: fc.boolean(),
    kdim: fc.integer({ min: 1, max: 6 }),
    vdim: fc.integer({ min: 1, max: 6 }),
    biases: fc.boolean(),
    padding: fc.boolean(),
    maskKind: fc.constantFrom('none', 'bool', 'additive'),
    squeezeMask: fc.nat(15),
    causal: fc.constantFrom(false, true, 'lower-right' as const),
    layout: layoutArb,
    dtype: fc.constantFrom('float32' as const, 'float64' as const),
    seed: fc.nat(),
  })
  .map((p) => {
    const h = p.kvHeads * p.group;
    const e = h * p.d;
    const kdim = p.cross ? p.kdim : e;
    const vdim = p.cross ? p.vdim : e;
    let s = p.seed;
    const view = (shape: number[]) => makeView(shape, s++, p.layout, p.dtype, 1);
    const query = view([p.b, p.tq, e]);
    const key = p.cross ? view([p.b, p.tk, kdim]) : view([p.b, p.tk, e]);
    const value = p.cross ? view([p.b, p.tk, vdim]) : view([p.b, p.tk, e]);
    const kv = p.kvHeads * p.d;
    const ref = {
      numHeads: h,
      numKvHeads: p.kvHeads,
      wq: view([e, e]),
      wk: view([kv, kdim]),
      wv: view([kv, vdim]),
      wo: view([e, e]),
      bq: p.biases ? view([e]) : undefined,
      bk: p.biases ? view([kv]) : undefined,
      bv: p.biases ? view([kv]) : undefined,
      bo: p.biases ? view([e]) : undefined,
    };
    const params: MultiHeadAttentionParams = {
      numHeads: h,
      numKvHeads: p.kvHeads,
      qProjWeight: ref.wq,
      kProjWeight: ref.wk,
      vProjWeight: ref.wv,
      outProjWeight: ref.wo,
      qProjBias: ref.bq,
      kProjBias: ref.bk,
      vProjBias: ref.bv,
      outProjBias: ref.bo,
    };
    const keyPaddingMask = p.padding ? makeBoolMask([p.b, p.tk], s++, 0.7) : undefined;
    const mshape = squeezeSome([p.b, h, p.tq, p.tk], p.squeezeMask);
    let mask: Tensor | undefined;
    if (p.maskKind === 'bool') mask = makeBoolMask(mshape, s++, 0.8);
    if (p.maskKind === 'additive') mask = view(mshape);
    return { ...p, h, e, query, key, value, ref, params, options: { keyPaddingMask, mask, causal: p.causal } };
  });

const tol = (dtype: string) => (dtype === 'float64' ? 1e-12 : 5e-5);

beforeAll(async () => {
  await ready();
});
afterAll(() => setKernelBackend('auto'));

describe('multiHeadAttention', () => {
  it.each<KernelBackend>(['js', 'wasm-simd'])(
    'matches the float64 reference: self/cross, GQA, biases, padding, masks, causal, weights (%s kernels)',
    (backend) => {
      setKernelBackend(backend);
      fc.assert(
        fc.property(problemArb, (p) => {
          const ref = referenceMultiHead(p.query, p.key, p.value, p.ref, p.options);
          const r = multiHeadAttention(p.query, p.key, p.value, p.params, {
            ...p.options,
            needWeights: true,
            averageAttnWeights: false,
            trace: true,
          });
          expect(r.output.shape).toEqual([p.b, p.tq, p.e]);
          expect(maxError(elements(r.output), ref.output)).toBeLessThanOrEqual(tol(p.dtype));
          expect(r.weights?.shape).toEqual([p.b, p.h, p.tq, p.tk]);
          expect(maxError(elements(r.weights!), ref.weights)).toBeLessThanOrEqual(tol(p.dtype));
          expect(maxError(elements(r.trace.concat), ref.concat)).toBeLessThanOrEqual(tol(p.dtype));
          expect(r.trace.q.shape).toEqual([p.b, p.h, p.tq, p.d]);
          expect(r.trace.k.shape).toEqual([p.b, p.kvHeads, p.tk, p.d]);
          expect(r.trace.attention.weights.shape).toEqual([p.b, p.h, p.tq, p.tk]);
          expect(r.trace.output).toBe(r.output);
          // Averaged weights are the mean over heads.
          const avg = multiHeadAttention(p.query, p.key, p.value, p.params, { ...p.options, needWeights: true });
          expect(avg.weights?.shape).toEqual([p.b, p.tq, p.tk]);
          const mean: number[] = [];
          const block = p.tq * p.tk;
          for (let b = 0; b < p.b; b++) {
            for (let e = 0; e < block; e++) {
              let s = 0;
              for (let h = 0; h < p.h; h++) s += ref.weights[(b * p.h + h) * block + e];
              mean.push(s / p.h);
            }
          }
          expect(maxError(elements(avg.weights!), mean)).toBeLessThanOrEqual(tol(p.dtype));
          // Without trace or weights: the same output, nothing else.
          const plain = multiHeadAttention(p.query, p.key, p.value, p.params, p.options);
          expect(plain.weights).toBeUndefined();
          expect(plain.trace).toBeUndefined();
          expect(Array.from(plain.output.data)).toEqual(Array.from(r.output.data));
        }),
        { numRuns: 150 },
      );
    },
  );

  it('padding does not change the other outputs: padded keys and values may hold anything', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(), (p, seed) => {
        const kpm = makeBoolMask([p.b, p.tk], seed, 0.6);
        const options = { keyPaddingMask: kpm, causal: p.causal };
        const before = multiHeadAttention(p.query, p.key, p.value, p.params, options);
        // Overwrite every padded token of key and value with large garbage.
        const scribble = (t: Tensor) => {
          const copy = makeView(t.shape as number[], seed + 1, 'contiguous', p.dtype);
          const [, tk, w] = t.shape;
          for (let b = 0; b < p.b; b++) {
            for (let j = 0; j < tk; j++) {
              for (let c = 0; c < w; c++) {
                const real = kpm.data[b * tk + j] === 1;
                copy.data[(b * tk + j) * w + c] = real ? elements(t)[(b * tk + j) * w + c] : 1e3 * (c + 1);
              }
            }
          }
          return copy;
        };
        const after = multiHeadAttention(p.query, scribble(p.key), scribble(p.value), p.params, options);
        expect(maxError(elements(after.output), elements(before.output))).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts PyTorch packed in_proj_weight/in_proj_bias and unbatched inputs', () => {
    const e = 6;
    const inProjWeight = makeView([3 * e, e], 1, 'padded');
    const inProjBias = makeView([3 * e], 2);
    const outProjWeight = makeView([e, e], 3);
    const outProjBias = makeView([e], 4);
    const x = makeView([2, 4, e], 5);
    const packed = multiHeadAttention(x, x, x, { numHeads: 3, inProjWeight, inProjBias, outProjWeight, outProjBias });
    const rows = (t: Tensor, from: number, n: number) =>
      makeTensor(
        'float32',
        Float32Array.from(elements(t).slice(from * (t.shape[1] ?? 1), (from + n) * (t.shape[1] ?? 1))),
        t.shape.length === 2 ? [n, e] : [n],
      );
    const separate = multiHeadAttention(x, x, x, {
      numHeads: 3,
      qProjWeight: rows(inProjWeight, 0, e),
      kProjWeight: rows(inProjWeight, e, e),
      vProjWeight: rows(inProjWeight, 2 * e, e),
      qProjBias: rows(inProjBias, 0, e),
      kProjBias: rows(inProjBias, e, e),
      vProjBias: rows(inProjBias, 2 * e, e),
      outProjWeight,
      outProjBias,
    });
    expect(elements(packed.output)).toEqual(elements(separate.output));
    // The second batch element alone, unbatched, gives the same rows.
    const x1 = makeTensor('float32', x.data, [4, e], [e, 1], x.offset + 4 * e);
    const one = multiHeadAttention(
      x1,
      x1,
      x1,
      { numHeads: 3, inProjWeight, inProjBias, outProjWeight, outProjBias },
      {
        needWeights: true,
      },
    );
    expect(one.output.shape).toEqual([4, e]);
    expect(one.weights?.shape).toEqual([4, 4]);
    expect(elements(one.output)).toEqual(elements(packed.output).slice(4 * e));
  });

  it('gives zeros from attention (output = b_O) where every key is padding, never NaN', () => {
    const e = 4;
    const x = makeView([1, 3, e], 9);
    const outProjBias = makeView([e], 10);
    const params = {
      numHeads: 2,
      inProjWeight: makeView([3 * e, e], 11),
      outProjWeight: makeView([e, e], 12),
      outProjBias,
    };
    const kpm = makeTensor('bool', new Uint8Array([0, 0, 0]), [1, 3]);
    const { output, trace } = multiHeadAttention(x, x, x, params, { keyPaddingMask: kpm, trace: true });
    expect(elements(trace.attention.fullyMasked)).toEqual([1, 1, 1, 1, 1, 1]);
    for (let i = 0; i < 3; i++) expect(elements(output).slice(i * e, (i + 1) * e)).toEqual(elements(outProjBias));
  });

  describe('bad input', () => {
    const x = makeView([2, 3, 6], 1);
    const base = {
      numHeads: 2,
      inProjWeight: makeView([18, 6], 2),
      outProjWeight: makeView([6, 6], 3),
    };
    it('rejects numHeads that do not divide E, and numKvHeads that do not divide numHeads', () => {
      expect(() => multiHeadAttention(x, x, x, { ...base, numHeads: 4 })).toThrow(
        'multiHeadAttention: numHeads (4) must divide the embedding width E (6) of query [2,3,6]',
      );
      expect(() =>
        multiHeadAttention(x, x, x, {
          numHeads: 3,
          numKvHeads: 2,
          qProjWeight: makeView([6, 6], 1),
          kProjWeight: makeView([4, 6], 1),
          vProjWeight: makeView([4, 6], 1),
          outProjWeight: makeView([6, 6], 1),
        }),
      ).toThrow('multiHeadAttention: numKvHeads (2) must divide numHeads (3)');
    });
    it('rejects weights of the wrong shape, naming them', () => {
      expect(() => multiHeadAttention(x, x, x, { ...base, inProjWeight: makeView([12, 6], 2) })).toThrow(
        'multiHeadAttention: params.inProjWeight must be [18, 6] for query [2,3,6], key [2,3,6], value [2,3,6], got [12,6]',
      );
      expect(() => multiHeadAttention(x, makeView([2, 3, 5], 1), x, base)).toThrow(
        'a packed params.inProjWeight needs numKvHeads = numHeads and kdim = vdim = E (6)',
      );
    });
    it('rejects inputs that do not fit together', () => {
      expect(() => multiHeadAttention(x, makeView([3, 3, 6], 1), x, base)).toThrow(
        'multiHeadAttention: query, key and value must have the same batch size, got query [2,3,6], key [3,3,6], value [2,3,6]',
      );
      expect(() => multiHeadAttention(x, x, makeView([2, 4, 6], 1), base)).toThrow(
        'multiHeadAttention: key and value must have as many tokens',
      );
      expect(() => multiHeadAttention(x, makeView([3, 6], 1), x, base)).toThrow(
        'query, key and value must all be [B, T, width]',
      );
    });
    it('rejects a float key padding mask (boolean expected) and masks of the wrong shape', () => {
      expect(() => multiHeadAttention(x, x, x, base, { keyPaddingMask: makeView([2, 3], 1) })).toThrow(
        'multiHeadAttention: keyPaddingMask must be bool (true = a real token), got float32 [2,3]',
      );
      expect(() => multiHeadAttention(x, x, x, base, { keyPaddingMask: makeBoolMask([3, 2], 1) })).toThrow(
        'multiHeadAttention: keyPaddingMask must be [2,3] (batch, keys) for key [2,3,6], got [3,2]',
      );
      expect(() => multiHeadAttention(x, x, x, base, { mask: makeBoolMask([3, 3, 3], 1) })).toThrow(
        'multiHeadAttention: mask [3,3,3] does not broadcast to [B, H, Tq, Tk] = [2,2,3,3]',
      );
    });
  });
});
