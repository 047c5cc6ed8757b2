import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemm } from '../../../src/kernels/js/gemm.js';
import type { GemmKernel, Transpose } from '../../../src/kernels/Kernels.js';
import { dgemmBlocking, sgemmBlocking } from '../../../src/kernels/wasm/kernels.generated.js';
import { loadWasmKernels } from '../../../src/kernels/wasm/loadWasmKernels.js';
import { makeWasmDgemm } from '../../../src/kernels/wasm/makeWasmDgemm.js';
import { makeWasmSgemm } from '../../../src/kernels/wasm/makeWasmSgemm.js';
import { at, type Layout, layoutArb, seededValues, stridedMatrix } from './stridedMatrix.js';

/**
 * Tolerance of a float32 gemm element against the float64 reference: each of the K products and K additions rounds
 * once (relative 2^-24 each), so |error| <= 2 (K + 2) 2^-24 (|alpha| sum_k |a_ik b_kj| + |beta c_ij|).
 */
const tolerance = (K: number, scale: number, eps = 2 ** -24) => 2 * (K + 2) * eps * scale + 1e-300;

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

/**
 * Runs one gemm with `kernel` and checks every element of C (and that nothing outside C was written). With
 * `float64`, the same float32 values are widened and the kernel is the float64 one (rounding 2^-53).
 */
function check(kernel: GemmKernel<Float32Array> | GemmKernel<Float64Array>, c: Case, float64 = false): void {
  const { M, N, K, transA, transB, alpha, beta } = c;
  const value = seededValues(c.seed);
  // the stored matrices: op(A) = A^T means A is stored K x M
  const A = transA === 'transpose' ? stridedMatrix(K, M, c.layoutA, value) : stridedMatrix(M, K, c.layoutA, value);
  const B = transB === 'transpose' ? stridedMatrix(N, K, c.layoutB, value) : stridedMatrix(K, N, c.layoutB, value);
  const C = stridedMatrix(M, N, c.layoutC, beta === 0 ? () => Number.NaN : value); // beta = 0 must ignore NaN
  if (float64) {
    // biome-ignore lint/suspicious/noExplicitAny: the same matrices, their data widened to float64
    for (const m of [A, B, C] as any[]) m.data = Float64Array.from(m.data);
  }
  const opA = (i: number, k: number) => (transA === 'transpose' ? at(A, k, i) : at(A, i, k));
  const opB = (k: number, j: number) => (transB === 'transpose' ? at(B, j, k) : at(B, k, j));
  const before = C.data.slice();
  (kernel as GemmKernel<Float32Array>)(
    transA,
    transB,
    M,
    N,
    K,
    alpha,
    A.data,
    A.stride1,
    A.stride2,
    A.offset,
    B.data,
    B.stride1,
    B.stride2,
    B.offset,
    beta,
    C.data,
    C.stride1,
    C.stride2,
    C.offset,
  );
  const written = new Set<number>();
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      let abs = 0;
      for (let k = 0; k < K; k++) {
        sum += opA(i, k) * opB(k, j);
        abs += Math.abs(opA(i, k) * opB(k, j));
      }
      const c0 = before[C.offset + i * C.stride1 + j * C.stride2];
      const expected = alpha * sum + (beta === 0 ? 0 : beta * c0);
      const scale = Math.abs(alpha) * abs + (beta === 0 ? 0 : Math.abs(beta * c0));
      const got = at(C, i, j);
      if (!(Math.abs(got - expected) <= tolerance(K, scale, float64 ? 2 ** -53 : 2 ** -24))) {
        throw new Error(`C[${i},${j}] = ${got}, expected ${expected} (case ${JSON.stringify(c)})`);
      }
      written.add(C.offset + i * C.stride1 + j * C.stride2);
    }
  }
  for (let p = 0; p < C.data.length; p++) {
    if (!written.has(p)) expect(Object.is(C.data[p], before[p])).toBe(true);
  }
}

const base: Case = {
  M: 1,
  N: 1,
  K: 1,
  transA: 'no-transpose',
  transB: 'no-transpose',
  layoutA: 'row-major',
  layoutB: 'row-major',
  layoutC: 'row-major',
  alpha: 1,
  beta: 0,
  seed: 42,
};

const paths: [string, () => GemmKernel<Float32Array> | GemmKernel<Float64Array>, boolean][] = [];
let simd: GemmKernel<Float32Array>;
let simd64: GemmKernel<Float64Array>;
paths.push(['TypeScript float32', () => gemm, false]);
paths.push(['WebAssembly SIMD float32 (forced)', () => simd, false]);
paths.push(['TypeScript float64', () => gemm, true]);
paths.push(['WebAssembly SIMD float64 (forced, f64x2)', () => simd64, true]);

beforeAll(async () => {
  const wasm = await loadWasmKernels();
  expect(wasm).not.toBeNull();
  const noFallback = () => {
    throw new Error('the SIMD path fell back to TypeScript');
  };
  simd = makeWasmSgemm(wasm!, noFallback);
  simd64 = makeWasmDgemm(wasm!, noFallback);
});

describe.each(paths)('gemm on the %s path', (_, kernel, float64) => {
  const blocking = float64 ? dgemmBlocking : sgemmBlocking;
  const { MR, NR, KC, MC } = blocking;
  /** Sizes that matter to the blocked kernel: one below / at / above each blocking boundary of this dtype. */
  const boundaries = [MR - 1, MR, MR + 1, NR - 1, NR, NR + 1, MC - 1, MC, MC + 1, KC - 1, KC, KC + 1];
  const dimArb = fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constantFrom(17, 31, 97, 127, ...boundaries));
  const caseArb: fc.Arbitrary<Case> = fc.record({
    M: dimArb,
    N: dimArb,
    K: dimArb,
    transA: fc.constantFrom<Transpose>('no-transpose', 'transpose'),
    transB: fc.constantFrom<Transpose>('no-transpose', 'transpose'),
    layoutA: layoutArb,
    layoutB: layoutArb,
    layoutC: layoutArb,
    alpha: fc.constantFrom(1, -0.5, 2, 0),
    beta: fc.constantFrom(0, 1, -1.5),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  });

  it('matches the float64 reference for random shapes, transposes, strided views, alpha and beta', () => {
    fc.assert(
      fc.property(caseArb, (c) => check(kernel(), c, float64)),
      { numRuns: 150 },
    );
  });

  it.each([
    ['1 x N', { M: 1, N: 37, K: 19 }],
    ['N x 1', { M: 37, N: 1, K: 19 }],
    ['K = 1 (outer product)', { M: 9, N: 17, K: 1 }],
    ['M = 0', { M: 0, N: 5, K: 3 }],
    ['N = 0', { M: 5, N: 0, K: 3 }],
    ['K = 0 with beta (C = beta C)', { M: 5, N: 6, K: 0, beta: -1.5 }],
    ['K = 0 without beta (C = 0)', { M: 5, N: 6, K: 0 }],
    [
      'two depth blocks with beta',
      { M: 2 * MC + 3, N: 3 * NR + 5, K: 2 * KC + 7, beta: 1, layoutC: 'padded' as Layout },
    ],
    [
      'transposed, column-major and reversed operands',
      {
        M: 23,
        N: 29,
        K: 31,
        transA: 'transpose' as Transpose,
        transB: 'transpose' as Transpose,
        layoutA: 'column-major' as Layout,
        layoutB: 'reversed' as Layout,
      },
    ],
  ])('handles %s', (_name, overrides) => {
    check(kernel(), { ...base, ...overrides }, float64);
  });

  it('handles N just past a column block (NC) cheaply: 2 x 4097 x 3', () => {
    check(kernel(), { ...base, M: 2, N: blocking.NC + 1, K: 3, beta: 1 }, float64);
  });
});

describe('one row of A (the in-place path) gives the bits the tiled path gives that row', () => {
  it.each([
    ['float32', false],
    ['float64', true],
  ] as const)(
    '%s: row r of a 5-row product equals the 1-row product of row r, both B layouts, alpha, beta',
    (_, f64) => {
      const kernel = (f64 ? simd64 : simd) as GemmKernel<Float32Array>;
      const { KC } = f64 ? dgemmBlocking : sgemmBlocking;
      /** An array of the kernel's element type filled by `f` (typed as float32 for the kernel's signature). */
      const filled = (n: number, f: (i: number) => number) => {
        const x = f64 ? new Float64Array(n) : new Float32Array(n);
        for (let i = 0; i < n; i++) x[i] = f(i);
        return x as Float32Array;
      };
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 37 }),
          fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(KC - 1, KC, KC + 1, 2 * KC + 3)),
          fc.boolean(),
          fc.constantFrom(0, 1, -1.5),
          fc.integer({ min: 0, max: 4 }),
          fc.nat(),
          (N, K, columnMajor, beta, r, seed) => {
            const M = 5;
            const value = seededValues(seed);
            const A = filled(M * K, (i) => value(i, 1));
            const B = filled(K * N, (i) => value(i, 2));
            const C0 = filled(M * N, (i) => value(i, 3));
            // B is K x N: row-major (strides N, 1) or column-major (1, K)
            const [b1, b2] = columnMajor ? [1, K] : [N, 1];
            const all = C0.slice();
            kernel('no-transpose', 'no-transpose', M, N, K, 0.5, A, K, 1, 0, B, b1, b2, 0, beta, all, N, 1, 0);
            const one = C0.slice(r * N, (r + 1) * N);
            kernel('no-transpose', 'no-transpose', 1, N, K, 0.5, A, K, 1, r * K, B, b1, b2, 0, beta, one, N, 1, 0);
            expect(Array.from(one)).toEqual(Array.from(all.subarray(r * N, (r + 1) * N)));
          },
        ),
        { numRuns: 120 },
      );
    },
  );
});
