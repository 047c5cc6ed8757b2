import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SoftmaxRowsKernel } from '../../../src/kernels/Kernels.js';
import { loadWasmKernels } from '../../../src/kernels/wasm/loadWasmKernels.js';
import { makeWasmSsoftmaxRows } from '../../../src/kernels/wasm/makeWasmSsoftmaxRows.js';
import { at, type Layout, layoutArb, type StridedMatrix, seededValues, stridedMatrix } from './stridedMatrix.js';

let simd: SoftmaxRowsKernel<Float32Array>;
beforeAll(async () => {
  const wasm = await loadWasmKernels();
  expect(wasm).not.toBeNull();
  simd = makeWasmSsoftmaxRows(wasm!, () => {
    throw new Error('the SIMD path fell back to TypeScript');
  });
});

/** The float64 softmax of row i of X; a row of all -Infinity gives zeros. */
function referenceRow(X: StridedMatrix, i: number): number[] {
  const row = Array.from({ length: X.cols }, (_, j) => at(X, i, j));
  const max = Math.max(...row);
  if (max === Number.NEGATIVE_INFINITY) return row.map(() => 0);
  const e = row.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * Tolerance: float32 rounding of x - max (relative 2^-24 of |x - max|, which exp turns into a relative error of
 * the same size), the exp polynomial (< 1e-7), the sum and the scaling: |y - ref| <= 1e-6 (1 + |x - max|) ref + 1e-9.
 */
function checkRows(Y: StridedMatrix, X: StridedMatrix, expected: number[][], spread: number): void {
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) {
      const want = expected[i][j];
      const got = at(Y, i, j);
      const tol = 1e-6 * (1 + spread) * want + 1e-9;
      if (!(Math.abs(got - want) <= tol)) throw new Error(`Y[${i},${j}] = ${got}, expected ${want}`);
    }
  }
}

function run(
  rows: number,
  cols: number,
  layoutX: Layout,
  layoutY: Layout,
  value: (i: number, j: number) => number,
  inPlace = false,
) {
  const X = stridedMatrix(rows, cols, layoutX, value);
  const expected = Array.from({ length: rows }, (_, i) => referenceRow(X, i));
  const Y = inPlace ? X : stridedMatrix(rows, cols, layoutY, () => Number.NaN);
  const untouched = Y.data.slice();
  simd(rows, cols, X.data, X.stride1, X.stride2, X.offset, Y.data, Y.stride1, Y.stride2, Y.offset);
  return { X, Y, expected, untouched };
}

describe('softmax rows on the WebAssembly SIMD path', () => {
  it('matches the float64 reference for random shapes and strided views (inputs in [-20, 20])', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constantFrom(31, 64, 127, 1000)),
        layoutArb,
        layoutArb,
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (rows, cols, lx, ly, seed) => {
          const v = seededValues(seed);
          const { X, Y, expected } = run(rows, cols, lx, ly, () => 20 * v(0, 0));
          checkRows(Y, X, expected, 40);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives exact zeros for -Infinity entries and all-zero rows for fully masked rows, never NaN', () => {
    const masked = (i: number, j: number) =>
      i === 1 || (i === 2 && j % 3 === 0) ? Number.NEGATIVE_INFINITY : (i + j) % 5;
    const { X, Y, expected } = run(4, 7, 'row-major', 'padded', masked);
    checkRows(Y, X, expected, 5);
    for (let j = 0; j < 7; j++) expect(at(Y, 1, j)).toBe(0);
    for (let j = 0; j < 7; j += 3) expect(at(Y, 2, j)).toBe(0);
  });

  it('works in place (X and Y the same memory) and writes nothing outside Y', () => {
    const { X, Y, expected } = run(5, 6, 'every-other', 'every-other', seededValues(7), true);
    checkRows(Y, X, expected, 2);
    const other = run(3, 5, 'row-major', 'every-other', seededValues(8));
    for (let p = 0; p < other.Y.data.length; p++) {
      const inside = (p - other.Y.offset) % 2 === 0 && p >= other.Y.offset && p < other.Y.offset + 3 * 20;
      if (!inside) expect(other.Y.data[p]).toBeNaN();
    }
  });

  it('handles rows spread over several chunks (more than 2^18 floats) and a large spread of values', () => {
    const v = seededValues(3);
    const { X, Y, expected } = run(300, 1001, 'row-major', 'row-major', () => 80 * v(0, 0));
    checkRows(Y, X, expected, 160);
    const sum = Array.from({ length: 1001 }, (_, j) => at(Y, 299, j)).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
  });
});
