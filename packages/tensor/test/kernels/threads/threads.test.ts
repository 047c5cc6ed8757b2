import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getKernels, setKernelBackend } from '../../../src/kernels/dispatch.js';
import { gemm } from '../../../src/kernels/js/gemm.js';
import type { GemmKernel, Transpose } from '../../../src/kernels/Kernels.js';
import { makeParallelGemm, threadsPayOff } from '../../../src/kernels/threads/makeParallelGemm.js';
import { kernelThreads, setKernelThreads } from '../../../src/kernels/threads/setKernelThreads.js';
import { type GemmThreads, startGemmThreads } from '../../../src/kernels/threads/startGemmThreads.js';
import { loadWasmKernels } from '../../../src/kernels/wasm/loadWasmKernels.js';
import { makeWasmDgemm } from '../../../src/kernels/wasm/makeWasmDgemm.js';
import { makeWasmSgemm } from '../../../src/kernels/wasm/makeWasmSgemm.js';
import { type Layout, layoutArb, seededValues, stridedMatrix } from '../wasm/stridedMatrix.js';

let threads: GemmThreads;
let single32: GemmKernel<Float32Array>;
let single64: GemmKernel<Float64Array>;
const noFallback = () => {
  throw new Error('fell back to TypeScript');
};

beforeAll(async () => {
  const wasm = (await loadWasmKernels())!;
  single32 = makeWasmSgemm(wasm, noFallback);
  single64 = makeWasmDgemm(wasm, noFallback);
  threads = await startGemmThreads(1);
});
afterAll(() => threads.stop());

interface Case {
  M: number;
  N: number;
  K: number;
  transA: Transpose;
  transB: Transpose;
  layoutA: Layout;
  layoutB: Layout;
  layoutC: Layout;
  alpha: number;
  beta: number;
  seed: number;
}

/** Runs one case on `kernel` (float32 or float64 data, same values) and returns the whole C array. */
function run<T extends Float32Array | Float64Array>(kernel: GemmKernel<T>, wide: (a: Float32Array) => T, c: Case): T {
  const v = seededValues(c.seed);
  const A = c.transA === 'transpose' ? stridedMatrix(c.K, c.M, c.layoutA, v) : stridedMatrix(c.M, c.K, c.layoutA, v);
  const B = c.transB === 'transpose' ? stridedMatrix(c.N, c.K, c.layoutB, v) : stridedMatrix(c.K, c.N, c.layoutB, v);
  const C = stridedMatrix(c.M, c.N, c.layoutC, v);
  const out = wide(C.data);
  kernel(
    c.transA,
    c.transB,
    c.M,
    c.N,
    c.K,
    c.alpha,
    wide(A.data),
    A.stride1,
    A.stride2,
    A.offset,
    wide(B.data),
    B.stride1,
    B.stride2,
    B.offset,
    c.beta,
    out,
    C.stride1,
    C.stride2,
    C.offset,
  );
  return out;
}

const f32 = (a: Float32Array) => a.slice();
const f64 = (a: Float32Array) => Float64Array.from(a);
/** Equal element for element, NaN (the unused slots) included. */
const same = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  expect(x.length).toBe(y.length);
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) expect([i, x[i]]).toEqual([i, y[i]]);
};

const base: Case = {
  M: 130,
  N: 140,
  K: 150,
  transA: 'no-transpose',
  transB: 'no-transpose',
  layoutA: 'row-major',
  layoutB: 'row-major',
  layoutC: 'row-major',
  alpha: 1,
  beta: 0,
  seed: 3,
};

describe('gemm split over worker threads', () => {
  it('starts workers that report ready: the calling thread + 1', () => {
    expect(threads.available()).toBe(2);
  });

  it('gives exactly the one-thread result, float32 and float64, splitting rows, or columns when C is short', () => {
    const par32 = makeParallelGemm(threads, 'float32', single32);
    const par64 = makeParallelGemm(threads, 'float64', single64);
    const spy = vi.spyOn(threads, 'run');
    for (const c of [
      base,
      { ...base, M: 300, N: 61, K: 200, beta: -0.5, layoutC: 'padded' as Layout },
      { ...base, M: 20, N: 600, K: 300, beta: 2, layoutA: 'column-major' as Layout }, // columns: 20 < 4 x 4 x 2
      { ...base, M: 97, N: 515, K: 257, transA: 'transpose' as Transpose, layoutB: 'column-major' as Layout },
      { ...base, M: 128, N: 128, K: 128, alpha: 2, beta: 1, layoutA: 'reversed' as Layout },
    ]) {
      expect(threadsPayOff(c.M, c.N, c.K, 2)).toBe(true);
      same(run(par32, f32, c), run(single32, f32, c));
      same(run(par64, f64, c), run(single64, f64, c));
    }
    expect(spy).toHaveBeenCalledTimes(10); // every one of those calls really was split
    spy.mockRestore();
  });

  it('matches one thread on random shapes around the threshold, transposes, strided views, alpha and beta', () => {
    const par32 = makeParallelGemm(threads, 'float32', single32);
    const dim = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(95, 96, 97, 127, 128, 129, 255, 256, 257));
    fc.assert(
      fc.property(
        fc.record({
          M: dim,
          N: dim,
          K: dim,
          transA: fc.constantFrom<Transpose>('no-transpose', 'transpose'),
          transB: fc.constantFrom<Transpose>('no-transpose', 'transpose'),
          layoutA: layoutArb,
          layoutB: layoutArb,
          layoutC: layoutArb,
          alpha: fc.constantFrom(1, -0.5),
          beta: fc.constantFrom(0, 1, -1.5),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        (c) => same(run(par32, f32, c), run(single32, f32, c)),
      ),
      { numRuns: 40 },
    );
  });

  it('gives the one-thread C for tiny and large blocks, whether the worker or the calling thread runs them', () => {
    // tiny blocks: the calling thread is often done with its own before the worker wakes up, and takes the other
    // back; bigger ones: the worker usually runs its block. Either way C must be the one-thread C. Which of the two
    // happens is a race (on an idle core the worker wins every time), so only the outcome is asserted.
    const par32 = makeParallelGemm(threads, 'float32', single32);
    const before = { ...threads.stats };
    const parts = (cols: number) => [
      [4, cols, 8, 1, 0, 0, 8, 1, 4096, cols, 1, 8192, 2 * cols, 16384],
      [4, cols, 8, 1, 0, 0, 8, 1, 4096 + 4 * cols, cols, 1, 8192 + 4 * cols, 2 * cols, 65536],
    ];
    for (let n = 0; n < 200; n++) threads.run(0, parts(8));
    for (const c of [base, { ...base, M: 33, N: 600, K: 130 }]) same(run(par32, f32, c), run(single32, f32, c));
    expect(threads.stats.posted - before.posted).toBe(202);
  });

  it('keeps small calls on one thread (no job posted)', () => {
    const par32 = makeParallelGemm(threads, 'float32', single32);
    const spy = vi.spyOn(threads, 'run');
    const c = { ...base, M: 64, N: 64, K: 64 };
    expect(threadsPayOff(64, 64, 64, 2)).toBe(false);
    same(run(par32, f32, c), run(single32, f32, c));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('agrees with the TypeScript kernel within float32 rounding', () => {
    const par32 = makeParallelGemm(threads, 'float32', single32);
    const c = { ...base, M: 200, N: 200, K: 200 };
    const x = run(par32, f32, c);
    const y = run(gemm as GemmKernel<Float32Array>, f32, c);
    let worst = 0;
    for (let i = 0; i < x.length; i++) if (!Number.isNaN(y[i])) worst = Math.max(worst, Math.abs(x[i] - y[i]));
    expect(worst).toBeLessThan(1e-4);
  });
});

describe('setKernelThreads / kernelThreads', () => {
  afterAll(async () => {
    await setKernelThreads(1);
    setKernelBackend('auto');
  });

  it('turns the split on in the dispatch for large float32 and float64 gemms, and off again', async () => {
    expect(kernelThreads()).toEqual({ requested: 1, active: 1 });
    const oneThread = getKernels().sgemm;
    expect(await setKernelThreads(2)).toBe(2);
    expect(kernelThreads()).toEqual({ requested: 2, active: 2 });
    setKernelBackend('wasm-simd');
    const threaded = getKernels();
    expect(threaded.name).toBe('wasm-simd');
    same(run(threaded.sgemm, f32, base), run(single32, f32, base));
    same(run(threaded.dgemm, f64, base), run(single64, f64, base));
    setKernelBackend('js');
    expect(getKernels().sgemm).toBe(gemm); // forcing TypeScript also means one thread
    setKernelBackend('auto');
    expect(getKernels().sgemm).not.toBe(oneThread);
    expect(await setKernelThreads(1)).toBe(1);
    expect(kernelThreads()).toEqual({ requested: 1, active: 1 });
    expect(getKernels().sgemm).toBe(oneThread);
  });

  it('rejects a thread count that is not a positive integer', () => {
    expect(() => setKernelThreads(0)).toThrow('setKernelThreads: n must be an integer from 1 to 64, got 0');
    expect(() => setKernelThreads(1.5)).toThrow('setKernelThreads: n must be an integer from 1 to 64, got 1.5');
  });
});

describe('the shared memory of the threads', () => {
  it('grows to the largest call and stays there over a thousand mixed calls (both dtypes, both splits)', () => {
    const par32 = makeParallelGemm(threads, 'float32', single32);
    const par64 = makeParallelGemm(threads, 'float64', single64);
    const big = { ...base, M: 300, N: 300, K: 300 };
    run(par32, f32, big);
    const highWater = threads.memory.buffer.byteLength;
    const rand = seededValues(17);
    const dim = () => 1 + Math.floor(((rand(0, 0) + 1) / 2) * 299);
    for (let n = 0; n < 1000; n++) {
      const c = { ...base, M: dim(), N: dim(), K: dim() >> 1 || 1, seed: n + 1 };
      if (n % 4 === 0) run(par64, f64, { ...c, M: c.M >> 1 || 1, N: c.N >> 1 || 1 });
      else run(par32, f32, c);
    }
    expect(threads.memory.buffer.byteLength).toBe(highWater);
  });
});
