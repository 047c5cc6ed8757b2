import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dgemv, sgemv } from '../../src/blas/gemv.js';
import { get, layoutArb, strided, transArb, values } from '../kernels/gemmCase.js';

describe('sgemv / dgemv', () => {
  it('are exact on integers against the reference, any layout, transpose, strides and alpha/beta', () => {
    fc.assert(
      fc.property(
        fc.record({
          M: fc.integer({ min: 0, max: 20 }),
          N: fc.integer({ min: 0, max: 20 }),
          trans: transArb,
          layout: layoutArb,
          sx: fc.constantFrom(1, 2, -1),
          sy: fc.constantFrom(1, 3, -2),
          alpha: fc.constantFrom(1, -2, 0),
          beta: fc.constantFrom(0, 1, 0.5),
          seed: fc.integer({ min: 1, max: 1e9 }),
          f64: fc.boolean(),
        }),
        ({ M, N, trans, layout, sx, sy, alpha, beta, seed, f64 }) => {
          const Ctor: new (n: number) => Float32Array | Float64Array = f64 ? Float64Array : Float32Array;
          const v = values(seed, true);
          const A = strided(Ctor, M, N, layout, v);
          const t = trans === 'transpose';
          const [nx, ny] = t ? [M, N] : [N, M];
          const x = new Ctor(Math.max(1, nx * Math.abs(sx))).map(() => v(0, 0));
          const y = new Ctor(Math.max(1, ny * Math.abs(sy))).map(() => (beta === 0 ? Number.NaN : v(0, 0)));
          const ox = sx < 0 ? (nx - 1) * -sx : 0;
          const oy = sy < 0 ? (ny - 1) * -sy : 0;
          const y0 = y.slice();
          const want = Array.from({ length: ny }, (_, r) => {
            let s = 0;
            for (let c = 0; c < nx; c++) s += (t ? get(A, c, r) : get(A, r, c)) * x[ox + c * sx];
            return beta === 0 ? alpha * s : alpha * s + beta * y0[oy + r * sy];
          });
          (f64 ? dgemv : sgemv)(
            trans,
            M,
            N,
            alpha,
            A.data as never,
            A.s1,
            A.s2,
            A.offset,
            x as never,
            sx,
            ox,
            beta,
            y as never,
            sy,
            oy,
          );
          // +0 and -0 both count as zero (alpha = 0 skips the sum)
          const zero = (v: number) => (v === 0 ? 0 : v);
          expect(Array.from({ length: ny }, (_, r) => zero(y[oy + r * sy]))).toEqual(want.map(zero));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a vector that leaves its array', () => {
    expect(() =>
      sgemv(
        'no-transpose',
        2,
        3,
        1,
        new Float32Array(6),
        3,
        1,
        0,
        new Float32Array(2),
        1,
        0,
        0,
        new Float32Array(2),
        1,
        0,
      ),
    ).toThrow('sgemv: x (3 elements, stride 1, offset 0) reaches element 2 but the array holds 2');
  });
});
