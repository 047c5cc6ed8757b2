import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arange, isContiguous, reshape, slice, tensor, transpose } from '../../src/index.js';
import { tensorArb, viewArb } from '../support/arbitraries.js';
import { refElements } from '../support/reference.js';

/** A random shape holding exactly n elements (n > 0: a random factorisation with 1s sprinkled in). */
function shapeOfSize(n: number): fc.Arbitrary<number[]> {
  if (n === 0) return fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }).map((s) => [...s, 0]);
  const primes: number[] = [];
  for (let m = n, p = 2; m > 1; p++) {
    while (m % p === 0) {
      primes.push(p);
      m /= p;
    }
  }
  return fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: primes.length, maxLength: primes.length }),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([bins, rank]) => {
      const out = new Array<number>(rank).fill(1);
      primes.forEach((p, i) => {
        out[bins[i] % rank] *= p;
      });
      return out;
    });
}

describe('reshape', () => {
  it('of a contiguous tensor is always a view with the same row-major elements', () => {
    fc.assert(
      fc.property(
        tensorArb().chain((t) => fc.tuple(fc.constant(t), shapeOfSize(t.data.length))),
        ([t, shape]) => {
          const u = reshape(t, shape);
          expect(u.data).toBe(t.data);
          expect(u.shape).toEqual(shape);
          expect(refElements(u)).toEqual(refElements(t));
        },
      ),
    );
  });

  it('of any view either gives a view with the same elements or says to copy; with copy it always works', () => {
    let views = 0;
    let refusals = 0;
    fc.assert(
      fc.property(
        viewArb().chain((t) => fc.tuple(fc.constant(t), shapeOfSize(t.shape.reduce((a, b) => a * b, 1)))),
        ([t, shape]) => {
          const want = refElements(t);
          let u: ReturnType<typeof reshape>;
          try {
            u = reshape(t, shape);
            views++;
            expect(u.data).toBe(t.data);
          } catch (e) {
            refusals++;
            expect(String(e)).toMatch(
              /reshape: cannot view shape \[.*\] with strides .* without copying; call contiguous/,
            );
            u = reshape(t, shape, { copy: true });
            expect(isContiguous(u)).toBe(true);
          }
          expect(u.shape).toEqual(shape);
          expect(refElements(u)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
    expect(views).toBeGreaterThan(0);
    expect(refusals).toBeGreaterThan(0);
  });

  it('views a sliced tensor when its groups stay contiguous, and infers -1', () => {
    const x = reshape(arange(24), [2, 3, 4]);
    const rows = slice(x, [null, [0, 2]]); // [2, 2, 4], strides [12, 4, 1]
    const merged = reshape(rows, [2, 8]);
    expect(merged.data).toBe(x.data);
    expect(merged.strides).toEqual([12, 1]);
    expect(reshape(x, [-1, 4]).shape).toEqual([6, 4]);
    expect(reshape(x, [2, -1, 2]).shape).toEqual([2, 6, 2]);
    expect(reshape(tensor([5]), []).shape).toEqual([]);
    expect(reshape(reshape(arange(0), [0, 3]), [-1, 3]).shape).toEqual([0, 3]);
  });

  it('refuses to flatten a transpose, and rejects bad shapes, naming them', () => {
    const t = transpose(reshape(arange(6), [2, 3]));
    expect(() => reshape(t, [6])).toThrow(
      'reshape: cannot view shape [3,2] with strides [1,3] as [6] without copying; call contiguous(t) first or pass { copy: true }',
    );
    expect(refElements(reshape(t, [6], { copy: true }))).toEqual([0, 3, 1, 4, 2, 5]);
    const x = arange(6);
    expect(() => reshape(x, [4])).toThrow('reshape: shape [6] (6 elements) cannot become [4] (4 elements)');
    expect(() => reshape(x, [-1, -1])).toThrow('reshape: shape [-1,-1] is not valid for a tensor of shape [6]');
    expect(() => reshape(x, [4, -1])).toThrow('reshape: cannot infer the -1 in [4,-1] for 6 elements (shape [6])');
    expect(() => reshape(x, [2.5, 2])).toThrow('reshape: shape [2.5,2] is not valid for a tensor of shape [6]');
  });
});
