import { type KernelBackend, makeTensor, ready, setKernelBackend, type Tensor, zeros } from '@attn/tensor';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initMultiHeadAttention, multiHeadAttention, scaledDotProductAttention } from '../src/index.js';
import { layoutArb, makeBoolMask, makeView, squeezeSome } from './support/arbitraries.js';
import { at, elements, maxError, referenceAttention } from './support/reference.js';
import { referenceMultiHead } from './support/referenceMultiHead.js';

/**
 * The fast path works in blocks of 8 queries and 128 keys (online softmax across key blocks) and skips key blocks
 * a causal mask hides: the shapes here cross those boundaries (Tq past 8 and 16, Tk past 128 and 256), with
 * masks of every kind, both causal alignments and grouped-query heads, against the float64 reference.
 */
const problemArb = fc
  .record({
    hkv: fc.integer({ min: 1, max: 2 }),
    group: fc.integer({ min: 1, max: 3 }),
    tq: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 120, max: 140 })),
    tk: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 125, max: 270 })),
    d: fc.integer({ min: 1, max: 20 }),
    dv: fc.integer({ min: 1, max: 20 }),
    gqa: fc.boolean(),
    maskKind: fc.constantFrom('none', 'bool', 'additive', 'none', 'none'),
    squeezeMask: fc.nat(7),
    causal: fc.constantFrom(false, true, 'lower-right' as const),
    layouts: fc.tuple(layoutArb, layoutArb, layoutArb),
    seed: fc.nat(),
  })
  .map((p) => {
    const hq = p.gqa ? p.hkv * p.group : p.hkv;
    const q = makeView([hq, p.tq, p.d], p.seed, p.layouts[0]);
    const k = makeView([p.hkv, p.tk, p.d], p.seed + 1, p.layouts[1]);
    const v = makeView([p.hkv, p.tk, p.dv], p.seed + 2, p.layouts[2]);
    const mshape = squeezeSome([hq, p.tq, p.tk], p.squeezeMask);
    let mask: Tensor | undefined;
    if (p.maskKind === 'bool') mask = makeBoolMask(mshape, p.seed + 3, 0.8);
    if (p.maskKind === 'additive') {
      const m = makeView(mshape, p.seed + 3);
      for (let i = 0; i < m.data.length; i += 7) m.data[i] = Number.NEGATIVE_INFINITY;
      mask = m;
    }
    // Without GQA the head counts must match: give k and v q's heads by broadcasting one kv head.
    const kk = p.gqa || hq === p.hkv ? k : makeView([1, p.tk, p.d], p.seed + 1, p.layouts[1]);
    const vv = p.gqa || hq === p.hkv ? v : makeView([1, p.tk, p.dv], p.seed + 2, p.layouts[2]);
    return { ...p, hq, q, k: kk, v: vv, options: { mask, causal: p.causal, enableGqa: p.gqa } };
  });

beforeAll(async () => {
  await ready();
});
afterAll(() => setKernelBackend('auto'));

describe('the fast path of scaledDotProductAttention (float32, fused kernel)', () => {
  it.each<KernelBackend>(['wasm-simd', 'js'])(
    'matches the float64 reference across query and key blocks, masks, causal alignments and GQA (%s kernels)',
    (backend) => {
      setKernelBackend(backend);
      fc.assert(
        fc.property(problemArb, (p) => {
          const ref = referenceAttention(p.q, p.k, p.v, p.options);
          const { output } = scaledDotProductAttention(p.q, p.k, p.v, p.options);
          expect(output.shape).toEqual(ref.outShape);
          expect(maxError(elements(output), ref.output)).toBeLessThanOrEqual(2e-5);
        }),
        { numRuns: 50 },
      );
    },
  );

  it('gives the traced path the same output, bit for bit, at sizes past one block', () => {
    setKernelBackend('wasm-simd');
    fc.assert(
      fc.property(problemArb, (p) => {
        const plain = scaledDotProductAttention(p.q, p.k, p.v, p.options).output;
        const traced = scaledDotProductAttention(p.q, p.k, p.v, { ...p.options, trace: true });
        expect(Array.from(traced.output.data)).toEqual(Array.from(plain.data));
        expect(Array.from(traced.trace.output.data)).toEqual(Array.from(plain.data));
      }),
      { numRuns: 40 },
    );
  });

  it('writes into `out` (and returns it), leaving the rest of its buffer alone', () => {
    setKernelBackend('wasm-simd');
    const q = makeView([2, 20, 8], 1);
    const k = makeView([2, 150, 8], 2);
    const v = makeView([2, 150, 5], 3);
    const buffer = new Float32Array(2 * 20 * 5 + 4).fill(7);
    const out = makeTensor('float32', buffer, [2, 20, 5], [100, 5, 1], 2);
    const expected = elements(scaledDotProductAttention(q, k, v, { causal: 'lower-right' }).output);
    const result = scaledDotProductAttention(q, k, v, { causal: 'lower-right', out });
    expect(result.output).toBe(out);
    expect(Array.from(buffer.subarray(2, 202))).toEqual(expected);
    expect([buffer[0], buffer[1], buffer[202], buffer[203]]).toEqual([7, 7, 7, 7]);
    // the traced path writes there too
    out.data.fill(0);
    const traced = scaledDotProductAttention(q, k, v, { causal: 'lower-right', out, trace: true });
    expect(traced.output).toBe(out);
    expect(Array.from(buffer.subarray(2, 202))).toEqual(expected);
  });

  it('rejects an `out` of the wrong shape, dtype or layout, naming them', () => {
    const q = makeView([3, 4], 1);
    expect(() => scaledDotProductAttention(q, q, q, { out: zeros([4, 3]) })).toThrow(
      'scaledDotProductAttention: out must be a contiguous float32 tensor of shape [3,4], got float32 [4,3]',
    );
    expect(() => scaledDotProductAttention(q, q, q, { out: zeros([3, 4], { dtype: 'float64' }) })).toThrow(
      'got float64 [3,4]',
    );
    const strided = makeTensor('float32', new Float32Array(24), [3, 4], [8, 2], 0);
    expect(() => scaledDotProductAttention(q, q, q, { out: strided })).toThrow('(not contiguous)');
    expect(() => scaledDotProductAttention(q, q, q, { out: [1, 2] as unknown as Tensor })).toThrow(
      'scaledDotProductAttention: out must be a tensor',
    );
  });

  it('multiHeadAttention writes into `out` (an offset view, batched or not, fast and traced paths) and returns it', () => {
    const params = initMultiHeadAttention({ embedDim: 12, numHeads: 3, seed: 4 });
    for (const batched of [true, false]) {
      const shape = batched ? [2, 9, 12] : [9, 12];
      const x = makeView(shape, 5);
      const size = shape.reduce((a, n) => a * n, 1);
      const expected = elements(multiHeadAttention(x, x, x, params, { causal: true }).output);
      for (const trace of [false, true]) {
        const buffer = new Float32Array(size + 5).fill(7);
        const out = makeTensor('float32', buffer, shape, undefined, 3);
        const result = multiHeadAttention(x, x, x, params, { causal: true, out, trace });
        expect(result.output).toBe(out);
        expect(maxError(Array.from(buffer.subarray(3, 3 + size)), expected)).toBeLessThanOrEqual(trace ? 1e-6 : 0);
        expect([buffer[0], buffer[1], buffer[2], buffer[3 + size], buffer[4 + size]]).toEqual([7, 7, 7, 7, 7]);
      }
    }
    const x = makeView([2, 9, 12], 5);
    expect(() => multiHeadAttention(x, x, x, params, { out: zeros([2, 9, 4]) })).toThrow(
      'multiHeadAttention: out must be a contiguous float32 tensor of shape [2,9,12], got float32 [2,9,4]',
    );
    expect(() => multiHeadAttention(x, x, x, params, { out: zeros([2, 9, 12], { dtype: 'float64' }) })).toThrow(
      'got float64 [2,9,12]',
    );
  });

  it('hides every later key under a causal mask even when whole key blocks are skipped', () => {
    setKernelBackend('wasm-simd');
    // 300 keys: queries 0..7 see only the first block; poisoning keys 200.. must not change them.
    const q = makeView([1, 16, 4], 1);
    const k = makeView([1, 300, 4], 2);
    const v = makeView([1, 300, 3], 3);
    const before = elements(scaledDotProductAttention(q, k, v, { causal: true }).output);
    for (let j = 200; j < 300; j++) {
      for (let c = 0; c < 4; c++) k.data[k.offset + j * k.strides[1] + c * k.strides[2]] = 1e6;
      for (let c = 0; c < 3; c++) v.data[v.offset + j * v.strides[1] + c * v.strides[2]] = Number.NaN;
    }
    const after = elements(scaledDotProductAttention(q, k, v, { causal: true }).output);
    expect(after).toEqual(before);
  });
});

describe('the fast path of multiHeadAttention', () => {
  it.each<KernelBackend>(['wasm-simd', 'js'])(
    'packed self-attention (one Q|K|V gemm) matches the float64 reference (%s kernels)',
    (backend) => {
      setKernelBackend(backend);
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 2 }),
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 6 }),
          fc.constantFrom(false, true, 'lower-right' as const),
          fc.boolean(),
          fc.nat(),
          (b, t, heads, d, causal, padding, seed) => {
            const e = heads * d;
            const params = initMultiHeadAttention({ embedDim: e, numHeads: heads, seed });
            // non-zero biases, so the packed bias is exercised
            for (const bias of [params.inProjBias!, params.outProjBias!]) {
              bias.data.set(makeView([bias.shape[0]], seed + 9).data.subarray(0, bias.shape[0]));
            }
            const x = makeView([b, t, e], seed + 1);
            const keyPaddingMask = padding ? makeBoolMask([b, t], seed + 2, 0.7) : undefined;
            const w = params.inProjWeight!;
            const bi = params.inProjBias!;
            const rows = (m: Tensor, from: number, n: number) =>
              makeTensor(
                'float32',
                m.data as Float32Array,
                [n, ...m.shape.slice(1)],
                m.strides,
                m.offset + from * m.strides[0],
              );
            const ref = referenceMultiHead(
              x,
              x,
              x,
              {
                numHeads: heads,
                wq: rows(w, 0, e),
                wk: rows(w, e, e),
                wv: rows(w, 2 * e, e),
                wo: params.outProjWeight,
                bq: rows(bi, 0, e),
                bk: rows(bi, e, e),
                bv: rows(bi, 2 * e, e),
                bo: params.outProjBias,
              },
              { causal, keyPaddingMask },
            );
            const { output } = multiHeadAttention(x, x, x, params, { causal, keyPaddingMask });
            expect(maxError(elements(output), ref.output)).toBeLessThanOrEqual(5e-5);
            // and the traced (composed) path agrees
            const traced = multiHeadAttention(x, x, x, params, { causal, keyPaddingMask, trace: true });
            expect(maxError(elements(traced.output), elements(output))).toBeLessThanOrEqual(1e-5);
          },
        ),
        { numRuns: 80 },
      );
    },
  );

  it('returns fresh outputs: a later call does not overwrite an earlier result (workspaces stay inside)', () => {
    setKernelBackend('wasm-simd');
    const params = initMultiHeadAttention({ embedDim: 16, numHeads: 4, seed: 3 });
    const x1 = makeView([1, 10, 16], 1);
    const x2 = makeView([1, 10, 16], 2);
    const first = multiHeadAttention(x1, x1, x1, params).output;
    const copy = Array.from(first.data);
    multiHeadAttention(x2, x2, x2, params);
    expect(Array.from(first.data)).toEqual(copy);
  });

  it("gives the same outputs whatever the weights' memory layout (row-major as drawn, or column-major copies)", () => {
    setKernelBackend('wasm-simd');
    /** The same [out, in] matrix stored column-major (W^T contiguous): the other layout the gemm packs with vectors. */
    const columnMajor = (w: Tensor): Tensor => {
      const [rows, cols] = w.shape;
      const data = new Float32Array(rows * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[j * rows + i] = at(w, [i, j]);
      return makeTensor('float32', data, [rows, cols], [1, rows], 0);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.nat(),
        (heads, d, packed, seed) => {
          const e = heads * d;
          const width = packed ? e : e + 1;
          const params = initMultiHeadAttention({ embedDim: e, numHeads: heads, seed, kdim: width, vdim: width });
          const transposed = { ...params };
          for (const name of ['inProjWeight', 'qProjWeight', 'kProjWeight', 'vProjWeight', 'outProjWeight'] as const) {
            const w = params[name];
            if (w !== undefined) transposed[name] = columnMajor(w);
          }
          const x = makeView([2, 9, e], seed + 1);
          const k = packed ? x : makeView([2, 7, e + 1], seed + 2);
          const a = multiHeadAttention(x, k, k, params, { causal: packed }).output;
          const b = multiHeadAttention(x, k, k, transposed, { causal: packed }).output;
          expect(maxError(elements(b), elements(a))).toBeLessThanOrEqual(1e-6);
        },
      ),
      { numRuns: 40 },
    );
  });
});
