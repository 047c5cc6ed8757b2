import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daxpy, saxpy } from '../../src/blas/axpy.js';
import { ddot, sdot } from '../../src/blas/dot.js';
import { dscal, sscal } from '../../src/blas/scal.js';

/** A strided vector of n small integers (exact arithmetic) in a buffer with a lead and gaps, plus its values. */
const vectorArb = (n: number) =>
  fc
    .record({
      stride: fc.constantFrom(1, 2, -1, -3),
      lead: fc.integer({ min: 0, max: 3 }),
      values: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }),
    })
    .map(({ stride, lead, values }) => {
      const data = new Float64Array(lead + Math.max(1, n * Math.abs(stride)));
      const offset = lead + (stride < 0 ? (n - 1) * -stride : 0);
      values.forEach((v, i) => {
        data[offset + i * stride] = v;
      });
      return { data, stride, offset, values };
    });

const pairArb = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(fc.constant(n), vectorArb(n), vectorArb(n)));

describe('sdot / ddot, saxpy / daxpy, sscal / dscal', () => {
  it('dot sums x_i y_i over strided vectors, in float32 and float64', () => {
    fc.assert(
      fc.property(pairArb, ([n, x, y]) => {
        const want = x.values.reduce((s, v, i) => s + v * y.values[i], 0);
        expect(ddot(n, x.data, x.stride, x.offset, y.data, y.stride, y.offset)).toBe(want);
        expect(
          sdot(n, Float32Array.from(x.data), x.stride, x.offset, Float32Array.from(y.data), y.stride, y.offset),
        ).toBe(want);
      }),
    );
  });

  it('axpy adds alpha x into y and leaves the gaps alone', () => {
    fc.assert(
      fc.property(pairArb, fc.constantFrom(0, 1, -2, 0.5), ([n, x, y], alpha) => {
        const y32 = Float32Array.from(y.data);
        const want = Array.from(y.data);
        x.values.forEach((v, i) => {
          want[y.offset + i * y.stride] += alpha * v;
        });
        daxpy(n, alpha, x.data, x.stride, x.offset, y.data, y.stride, y.offset);
        saxpy(n, alpha, Float32Array.from(x.data), x.stride, x.offset, y32, y.stride, y.offset);
        expect(Array.from(y.data)).toEqual(want);
        expect(Array.from(y32)).toEqual(want);
      }),
    );
  });

  it('scal multiplies in place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }).chain(vectorArb), fc.constantFrom(0, 3, -0.5), (x, alpha) => {
        const want = Array.from(x.data);
        x.values.forEach((v, i) => {
          want[x.offset + i * x.stride] = alpha * v;
        });
        const x32 = Float32Array.from(x.data);
        dscal(x.values.length, alpha, x.data, x.stride, x.offset);
        sscal(x.values.length, alpha, x32, x.stride, x.offset);
        expect(Array.from(x.data)).toEqual(want);
        expect(Array.from(x32)).toEqual(want);
      }),
    );
  });

  it('reject strides that leave the array and bad counts', () => {
    const x = new Float32Array(4);
    expect(() => sdot(3, x, 2, 0, x, 1, 0)).toThrow(
      'sdot: x (3 elements, stride 2, offset 0) reaches element 4 but the array holds 4',
    );
    expect(() => dscal(1.5, 2, new Float64Array(2), 1, 0)).toThrow('dscal: N must be a non-negative integer, got 1.5');
    expect(() => saxpy(2, 1, x, 1, 0, x, 1.5, 0)).toThrow("saxpy: y's stride must be an integer, got 1.5");
  });
});
