import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gemm } from '../../src/kernels/js/gemm.js';
import type { GemmKernel } from '../../src/kernels/Kernels.js';
import { type GemmCase, gemmCaseArb, ROW_MAJOR, runGemmCase } from './gemmCase.js';

const f32 = gemm as GemmKernel<Float32Array>;
const f64 = gemm as GemmKernel<Float64Array>;

describe('gemm (the plain TypeScript kernel)', () => {
  it('is exact on integer inputs, sizes 0..70, every transpose and layout, alpha/beta, float32 and float64', () => {
    fc.assert(
      fc.property(gemmCaseArb(), (c) => {
        expect(runGemmCase(Float32Array, f32, c, true).maxError).toBe(0);
        expect(runGemmCase(Float64Array, f64, c, true).maxError).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the float64 reference on random floats within a tolerance that grows with K', () => {
    fc.assert(
      fc.property(gemmCaseArb(), (c) => {
        // float32 stores each operand rounded, sums in float64 and rounds once: ~2^-24 relative per element
        expect(runGemmCase(Float32Array, f32, c, false).maxScaled).toBeLessThanOrEqual(2 ** -23);
        expect(runGemmCase(Float64Array, f64, c, false).maxScaled).toBeLessThanOrEqual((c.K + 2) * 2 ** -52);
      }),
      { numRuns: 200 },
    );
  });

  it('crosses the packing blocks (K past 256 and 512, N past 256 and 512) exactly', () => {
    const base: GemmCase = {
      M: 7,
      N: 5,
      K: 257,
      transA: 'no-transpose',
      transB: 'no-transpose',
      layoutA: ROW_MAJOR,
      layoutB: ROW_MAJOR,
      layoutC: ROW_MAJOR,
      alpha: 1,
      beta: 0,
      seed: 7,
    };
    for (const c of [
      base,
      { ...base, K: 513, beta: 0.5, transA: 'transpose' as const },
      { ...base, N: 517, K: 3, transB: 'transpose' as const },
      { ...base, M: 4, N: 1030, K: 260, beta: -1 },
    ]) {
      expect(runGemmCase(Float32Array, f32, c, true).maxError).toBe(0);
      expect(runGemmCase(Float64Array, f64, c, true).maxError).toBe(0);
    }
  });

  it('ignores NaN in C when beta = 0, also when K = 0 or alpha = 0', () => {
    for (const [K, alpha] of [
      [0, 1],
      [3, 0],
      [3, 1],
    ]) {
      const C = new Float32Array([Number.NaN, Number.NaN]);
      f32(
        'no-transpose',
        'no-transpose',
        1,
        2,
        K,
        alpha,
        new Float32Array(3).fill(1),
        3,
        1,
        0,
        new Float32Array(6).fill(1),
        2,
        1,
        0,
        0,
        C,
        2,
        1,
        0,
      );
      expect(Array.from(C)).toEqual(alpha === 0 || K === 0 ? [0, 0] : [3, 3]);
    }
  });

  it('reads a zero-stride (broadcast) operand', () => {
    // A is a 3 x 2 broadcast of the row [1, 2]; B = I
    const C = new Float64Array(6);
    f64(
      'no-transpose',
      'no-transpose',
      3,
      2,
      2,
      1,
      new Float64Array([1, 2]),
      0,
      1,
      0,
      new Float64Array([1, 0, 0, 1]),
      2,
      1,
      0,
      0,
      C,
      2,
      1,
      0,
    );
    expect(Array.from(C)).toEqual([1, 2, 1, 2, 1, 2]);
  });
});
