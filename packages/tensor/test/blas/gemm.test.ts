import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dgemm, sgemm } from '../../src/blas/gemm.js';
import { kernelBackend, setKernelBackend } from '../../src/kernels/dispatch.js';
import { ready } from '../../src/kernels/wasm/ready.js';
import { gemmCaseArb, runGemmCase } from '../kernels/gemmCase.js';

describe('sgemm / dgemm', () => {
  afterAll(() => setKernelBackend('auto'));

  it.each(['js', 'wasm-simd'] as const)(
    'are exact on integer inputs through the public entry, every transpose, layout and alpha/beta (%s kernels)',
    async (backend) => {
      expect(await ready()).toBe(true);
      setKernelBackend(backend);
      expect(kernelBackend().active).toBe(backend);
      fc.assert(
        fc.property(gemmCaseArb(), (c) => {
          expect(runGemmCase(Float32Array, sgemm, c, true).maxError).toBe(0);
          expect(runGemmCase(Float64Array, dgemm, c, true).maxError).toBe(0);
        }),
        { numRuns: 100 },
      );
    },
  );

  it('combine alpha and beta linearly: gemm(alpha, beta) = alpha * gemm(1, 0) + beta * C', () => {
    const A = new Float64Array([1, 2, 3, 4, 5, 6]);
    const B = new Float64Array([1, -1, 2, 0, 1, 3]);
    const C0 = new Float64Array([1, 2, 3, 4]);
    const AB = new Float64Array(4);
    dgemm('no-transpose', 'no-transpose', 2, 2, 3, 1, A, 3, 1, 0, B, 2, 1, 0, 0, AB, 2, 1, 0);
    for (const [alpha, beta] of [
      [2, 0.5],
      [-1, 1],
      [0, 3],
      [0.25, -2],
    ]) {
      const C = C0.slice();
      dgemm('no-transpose', 'no-transpose', 2, 2, 3, alpha, A, 3, 1, 0, B, 2, 1, 0, beta, C, 2, 1, 0);
      expect(Array.from(C)).toEqual(Array.from(AB, (v, i) => alpha * v + beta * C0[i]));
    }
  });

  it('reject operands that leave their arrays, bad counts and bad flags, naming the routine', () => {
    const x = new Float32Array(6);
    expect(() => sgemm('no-transpose', 'no-transpose', 2, 2, 3, 1, x, 3, 1, 0, x, 2, 1, 1, 0, x, 2, 1, 0)).toThrow(
      'sgemm: B (3 x 2, strides [2,1], offset 1) reaches element 6 but the array holds 6',
    );
    expect(() => sgemm('no-transpose', 'no-transpose', -1, 2, 3, 1, x, 3, 1, 0, x, 2, 1, 0, 0, x, 2, 1, 0)).toThrow(
      'sgemm: M must be a non-negative integer, got -1',
    );
    expect(() =>
      dgemm(
        'T' as never,
        'no-transpose',
        1,
        1,
        1,
        1,
        new Float64Array(1),
        1,
        1,
        0,
        new Float64Array(1),
        1,
        1,
        0,
        0,
        new Float64Array(1),
        1,
        1,
        0,
      ),
    ).toThrow(`dgemm: transA must be 'no-transpose' or 'transpose', got "T"`);
    expect(() => sgemm('transpose', 'no-transpose', 2, 2, 2, 1, x, -2, 1, 0, x, 2, 1, 0, 0, x, 2, 1, 0)).toThrow(
      'sgemm: A (2 x 2, strides [-2,1], offset 0) reaches element -2',
    );
  });
});
