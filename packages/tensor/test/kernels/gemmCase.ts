/**
 * Test support for gemm: matrices of either float dtype stored in any layout (row- or column-major, padded, flipped,
 * offset, broadcast), a naive float64 reference, and fast-check arbitraries for whole gemm calls.
 */
import fc from 'fast-check';
import type { GemmKernel, Transpose } from '../../src/kernels/Kernels.js';

export type FloatArray = Float32Array | Float64Array;

/** How a matrix sits in its buffer. */
export interface Layout {
  columnMajor: boolean;
  /** Extra elements between rows (or columns), so the leading stride exceeds the length. */
  pad: number;
  /** Steps > 1 along the inner axis. */
  step: number;
  flipRows: boolean;
  flipCols: boolean;
  /** Elements before the matrix. */
  lead: number;
}

/** A rows x cols matrix: element (i, j) at `data[offset + i*s1 + j*s2]`. */
export interface Strided<T extends FloatArray = FloatArray> {
  rows: number;
  cols: number;
  data: T;
  s1: number;
  s2: number;
  offset: number;
}

export const layoutArb: fc.Arbitrary<Layout> = fc.record({
  columnMajor: fc.boolean(),
  pad: fc.constantFrom(0, 0, 1, 3),
  step: fc.constantFrom(1, 1, 1, 2),
  flipRows: fc.boolean(),
  flipCols: fc.boolean(),
  lead: fc.constantFrom(0, 2),
});

export const ROW_MAJOR: Layout = { columnMajor: false, pad: 0, step: 1, flipRows: false, flipCols: false, lead: 0 };

/** Builds a matrix in `layout`; slots the matrix does not use hold NaN, so a stray read or write shows. */
export function strided<T extends FloatArray>(
  Ctor: { new (n: number): T },
  rows: number,
  cols: number,
  layout: Layout,
  value: (i: number, j: number) => number,
): Strided<T> {
  const { columnMajor, pad, step, flipRows, flipCols, lead } = layout;
  const inner = columnMajor ? rows : cols;
  const outer = columnMajor ? cols : rows;
  const lead1 = inner * step + pad;
  let s1 = columnMajor ? step : lead1;
  let s2 = columnMajor ? lead1 : step;
  const length = lead + Math.max(1, outer * lead1) + 1;
  let offset = lead;
  if (flipRows && rows > 0) {
    offset += (rows - 1) * s1;
    s1 = -s1;
  }
  if (flipCols && cols > 0) {
    offset += (cols - 1) * s2;
    s2 = -s2;
  }
  const data = new Ctor(length);
  data.fill(Number.NaN);
  const m = { rows, cols, data, s1, s2, offset };
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[offset + i * s1 + j * s2] = value(i, j);
  return m;
}

export const get = (m: Strided, i: number, j: number): number => m.data[m.offset + i * m.s1 + j * m.s2];

/** A deterministic value source: small integers (so gemm is exact) or floats in [-1, 1). */
export function values(seed: number, integers: boolean): (i: number, j: number) => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const u = (s >>> 0) / 2 ** 32;
    return integers ? Math.floor(u * 9) - 4 : u * 2 - 1;
  };
}

/** Sizes 0..70 with weight on the tile edges (multiples of 3 and 4, plus or minus one) and primes. */
export const sizeArb = fc.oneof(
  fc.integer({ min: 0, max: 70 }),
  fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 16, 17, 23, 24, 25, 31, 47, 48, 49, 53, 64, 67),
);

export interface GemmCase {
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

export const transArb = fc.constantFrom<Transpose>('no-transpose', 'transpose');

export const gemmCaseArb = (sizes: fc.Arbitrary<number> = sizeArb): fc.Arbitrary<GemmCase> =>
  fc.record({
    M: sizes,
    N: sizes,
    K: sizes,
    transA: transArb,
    transB: transArb,
    layoutA: layoutArb,
    layoutB: layoutArb,
    layoutC: layoutArb,
    alpha: fc.constantFrom(1, 1, -1, 2, 0.5, 0),
    beta: fc.constantFrom(0, 0, 1, -1, 0.5),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  });

/**
 * Runs `kernel` on one case and returns the largest error against the naive float64 reference, relative to the
 * reference's own scale (|alpha| sum_k |a b| + |beta c|, per element); throws if anything outside C changed.
 */
export function runGemmCase<T extends FloatArray>(
  Ctor: { new (n: number): T },
  kernel: GemmKernel<T>,
  c: GemmCase,
  integers: boolean,
): { maxError: number; maxScaled: number } {
  const { M, N, K, transA, transB, alpha, beta } = c;
  const value = values(c.seed, integers);
  const tA = transA === 'transpose';
  const tB = transB === 'transpose';
  const A = tA ? strided(Ctor, K, M, c.layoutA, value) : strided(Ctor, M, K, c.layoutA, value);
  const B = tB ? strided(Ctor, N, K, c.layoutB, value) : strided(Ctor, K, N, c.layoutB, value);
  const C = strided(Ctor, M, N, c.layoutC, beta === 0 ? () => Number.NaN : value);
  const before = C.data.slice();
  kernel(
    transA,
    transB,
    M,
    N,
    K,
    alpha,
    A.data,
    A.s1,
    A.s2,
    A.offset,
    B.data,
    B.s1,
    B.s2,
    B.offset,
    beta,
    C.data,
    C.s1,
    C.s2,
    C.offset,
  );
  let maxError = 0;
  let maxScaled = 0;
  const inside = new Set<number>();
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      let scale = 0;
      for (let k = 0; k < K; k++) {
        const p = (tA ? get(A, k, i) : get(A, i, k)) * (tB ? get(B, j, k) : get(B, k, j));
        sum += p;
        scale += Math.abs(p);
      }
      const at = C.offset + i * C.s1 + j * C.s2;
      inside.add(at);
      const old = before[at];
      const want = beta === 0 ? alpha * sum : alpha * sum + beta * old;
      const got = C.data[at];
      const error = Math.abs(got - want);
      if (Number.isNaN(got) !== Number.isNaN(want)) throw new Error(`C(${i},${j}) = ${got}, want ${want}`);
      maxError = Math.max(maxError, error);
      maxScaled = Math.max(
        maxScaled,
        error / (Math.abs(alpha) * scale + Math.abs(beta * (beta === 0 ? 0 : old)) + 1e-300),
      );
    }
  }
  for (let x = 0; x < C.data.length; x++) {
    if (!inside.has(x) && !Object.is(C.data[x], before[x])) throw new Error(`gemm wrote outside C, at element ${x}`);
  }
  return { maxError, maxScaled };
}
