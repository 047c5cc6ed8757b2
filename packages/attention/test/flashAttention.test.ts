import { type KernelBackend, makeTensor, randn, ready, setKernelBackend, type Tensor, tensor } from '@attn/tensor';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flashAttention, scaledDotProductAttention } from '../src/index.js';
import { makeBoolMask, makeView } from './support/arbitraries.js';
import { attentionProblemArb } from './support/attentionProblem.js';
import { elements, maxError, referenceAttention } from './support/reference.js';

const tolerance = (dtype: string) => (dtype === 'float64' ? 1e-12 : 2e-5);

beforeAll(async () => {
  await ready();
});
afterAll(() => setKernelBackend('auto'));

describe('flashAttention', () => {
  it.each<KernelBackend>(['js', 'wasm-simd', 'auto'])(
    'equals the float64 reference and scaledDotProductAttention for every block size, mask and alignment (%s kernels)',
    (backend) => {
      setKernelBackend(backend);
      fc.assert(
        fc.property(attentionProblemArb(), fc.integer({ min: 1, max: 15 }), (p, blockSize) => {
          const ref = referenceAttention(p.q, p.k, p.v, p.options);
          const { output, trace } = flashAttention(p.q, p.k, p.v, { ...p.options, blockSize });
          expect(trace).toBeUndefined();
          expect(output.shape).toEqual(ref.outShape);
          expect(output.dtype).toBe(p.dtype);
          expect(maxError(elements(output), ref.output)).toBeLessThanOrEqual(tolerance(p.dtype));
          const plain = scaledDotProductAttention(p.q, p.k, p.v, p.options).output;
          expect(maxError(elements(output), elements(plain))).toBeLessThanOrEqual(tolerance(p.dtype));
        }),
        { numRuns: 200 },
      );
    },
  );

  it('traces the running max, running sum and partial output after every block', () => {
    fc.assert(
      fc.property(attentionProblemArb(), fc.integer({ min: 1, max: 6 }), (p, blockSize) => {
        const { output, trace } = flashAttention(p.q, p.k, p.v, { ...p.options, blockSize, trace: true });
        const ref = referenceAttention(p.q, p.k, p.v, p.options);
        const [tq, tk, dv] = [p.tq, p.tk, p.dv];
        const count = ref.outShape.slice(0, -2).reduce((a, b) => a * b, 1);
        expect(trace.blockSize).toBe(blockSize);
        expect(trace.batchShape).toEqual(ref.outShape.slice(0, -2));
        expect(trace.blocks).toHaveLength(Math.ceil(tk / blockSize));
        const tol = tolerance(p.dtype);
        trace.blocks.forEach((state, b) => {
          expect(state.block).toBe(b);
          expect(state.keyStart).toBe(b * blockSize);
          expect(state.keyEnd).toBe(Math.min(tk, (b + 1) * blockSize));
          expect(state.runningMax).toHaveLength(count);
          // Attention over keys 0..keyEnd-1 only, by the reference: scale 0 and an additive mask holding the
          // masked scores of those keys (-Infinity after them), so softmax(mask) V is the partial output.
          const visible = ref.masked.map((x, e) => (e % tk < state.keyEnd ? x : Number.NEGATIVE_INFINITY));
          const upTo = makeTensor('float64', Float64Array.from(visible), [...ref.outShape.slice(0, -2), tq, tk]);
          const partial = referenceAttention(p.q, p.k, p.v, { scale: 0, mask: upTo, enableGqa: p.gqa }).output;
          for (let n = 0; n < count; n++) {
            for (let i = 0; i < tq; i++) {
              // The oracle: the masked scores of keys 0..keyEnd-1, their max, sum of exponentials and softmax.
              const row = ref.masked.slice((n * tq + i) * tk, (n * tq + i) * tk + state.keyEnd);
              const max = Math.max(Number.NEGATIVE_INFINITY, ...row);
              const e = row.map((x) => (max === Number.NEGATIVE_INFINITY ? 0 : Math.exp(x - max)));
              const sum = e.reduce((a, c) => a + c, 0);
              if (max === Number.NEGATIVE_INFINITY) expect(state.runningMax[n][i]).toBe(max);
              else expect(Math.abs(state.runningMax[n][i] - max)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(max)));
              expect(Math.abs(state.runningSum[n][i] - sum)).toBeLessThanOrEqual(tol * Math.max(1, sum));
              for (let c = 0; c < dv; c++) {
                const o = partial[(n * tq + i) * dv + c];
                expect(Math.abs(state.partialOutput[n][i][c] - o)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(o)));
              }
            }
          }
        });
        // After the last block the partial output is the output.
        const last = trace.blocks.at(-1);
        if (last) expect(maxError(last.partialOutput.flat(2), elements(output))).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 150 },
    );
  });

  it('equals the reference past one tile of queries (more than 64), with masks, alignments and traces', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 140 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(false, true, 'lower-right' as const),
        fc.constantFrom('none', 'bool', 'additive'),
        fc.constantFrom('float32' as const, 'float64' as const),
        fc.nat(),
        (tq, tk, blockSize, causal, maskKind, dtype, seed) => {
          const q = makeView([2, tq, 3], seed, 'padded', dtype);
          const k = makeView([2, tk, 3], seed + 1, 'transposed', dtype);
          const v = makeView([2, tk, 2], seed + 2, 'contiguous', dtype);
          let mask: Tensor | undefined;
          if (maskKind === 'bool') mask = makeBoolMask([tq, tk], seed + 3, 0.8);
          if (maskKind === 'additive') mask = makeView([2, 1, tk], seed + 3, 'contiguous', dtype);
          const options = { mask, causal };
          const ref = referenceAttention(q, k, v, options);
          const { output, trace } = flashAttention(q, k, v, { ...options, blockSize, trace: true });
          const tol = tolerance(dtype);
          expect(maxError(elements(output), ref.output)).toBeLessThanOrEqual(tol);
          const last = trace.blocks.at(-1);
          if (last) expect(maxError(last.partialOutput.flat(2), elements(output))).toBeLessThanOrEqual(tol);
          for (const state of trace.blocks) {
            for (let n = 0; n < 2; n++) {
              for (let i = 0; i < tq; i++) {
                const row = ref.masked.slice((n * tq + i) * tk, (n * tq + i) * tk + state.keyEnd);
                const max = Math.max(Number.NEGATIVE_INFINITY, ...row);
                if (max === Number.NEGATIVE_INFINITY) expect(state.runningMax[n][i]).toBe(max);
                else
                  expect(Math.abs(state.runningMax[n][i] - max)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(max)));
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('agrees on a longer causal sequence with large blocks and a short last block', () => {
    const q = randn([1, 700, 8], { seed: 1, dtype: 'float64' });
    const { output } = flashAttention(q, q, q, { blockSize: 256, causal: true });
    const plain = scaledDotProductAttention(q, q, q, { causal: true }).output;
    expect(maxError(elements(output), elements(plain))).toBeLessThanOrEqual(1e-12);
  });

  it('rejects block sizes that are not positive integers, and bad attention input', () => {
    const q = tensor([[1, 0]]);
    expect(() => flashAttention(q, q, q, { blockSize: 0 })).toThrow(
      'flashAttention: blockSize must be a positive integer (keys per block), got number 0',
    );
    expect(() => flashAttention(q, q, q, { blockSize: 1.5 })).toThrow(
      'flashAttention: blockSize must be a positive integer',
    );
    expect(() => flashAttention(q, q, q, {} as never)).toThrow('flashAttention: blockSize must be a positive integer');
    expect(() => flashAttention(q, q, q, undefined as never)).toThrow('flashAttention: options must be an object');
    expect(() => flashAttention(q, tensor([[1, 0, 0]]), q, { blockSize: 2 })).toThrow(
      'flashAttention: q and k must have the same last axis',
    );
    const bad = makeTensor('int32', Int32Array.from([1]), [1, 1]);
    expect(() => flashAttention(q, q, q, { blockSize: 1, mask: bad })).toThrow('flashAttention: mask must be bool');
  });
});
