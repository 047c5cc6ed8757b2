import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allclose, assertClose, makeTensor, tensor } from '../../src/index.js';
import { pairBroadcastShapesArb, viewArb } from '../support/arbitraries.js';
import { forEachIndex, refBroadcastIndex, refBroadcastShape, refGet } from '../support/reference.js';

/** numpy.isclose, element by element, written out. */
function refIsClose(a: number, b: number, rtol: number, atol: number, equalNan: boolean): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return equalNan && Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

describe('allclose', () => {
  it('agrees with numpy.isclose on random broadcast views', () => {
    fc.assert(
      fc.property(
        pairBroadcastShapesArb({ maxRank: 3, maxSize: 5 }).chain(([sa, sb]) =>
          fc.tuple(
            viewArb({ dtype: 'float64', shape: sa, specials: true, min: -2, max: 2 }),
            viewArb({ dtype: 'float64', shape: sb, specials: true, min: -2, max: 2 }),
          ),
        ),
        fc.constantFrom(0, 1e-5, 0.5),
        fc.constantFrom(0, 1e-8, 1),
        fc.boolean(),
        ([a, b], rtol, atol, equalNan) => {
          let all = true;
          forEachIndex(refBroadcastShape(a.shape, b.shape)!, (i) => {
            all &&= refIsClose(
              refGet(a, refBroadcastIndex(i, a.shape)),
              refGet(b, refBroadcastIndex(i, b.shape)),
              rtol,
              atol,
              equalNan,
            );
          });
          expect(allclose(a, b, { rtol, atol, equalNan })).toBe(all);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('uses numpy defaults (rtol 1e-5, atol 1e-8) and is asymmetric in b', () => {
    expect(allclose([1e-9], [0])).toBe(true);
    expect(allclose([2e-8], [0])).toBe(false);
    expect(allclose([100.001], [100])).toBe(true);
    expect(allclose([1 + 1.5e-5], [1])).toBe(false);
    // |a - b| = 1 <= 0.5 * |b| holds for b = 2 but not for b = 1
    expect(allclose([1], [2], { rtol: 0.5, atol: 0 })).toBe(true);
    expect(allclose([2], [1], { rtol: 0.5, atol: 0 })).toBe(false);
    expect(allclose([Infinity, -Infinity], [Infinity, -Infinity])).toBe(true);
    expect(allclose([Infinity], [-Infinity])).toBe(false);
    expect(allclose(tensor([1, 2, 3]), 2, { atol: 1 })).toBe(true);
  });

  it('throws for shapes that do not broadcast and bad tolerances', () => {
    expect(() => allclose(tensor([[1, 2, 3]]), [1, 2])).toThrow('allclose: shapes [1,3] and [2] do not broadcast');
    expect(() => allclose([1], [1], { rtol: -1 })).toThrow('allclose: rtol and atol must be non-negative numbers');
    expect(() => allclose('x' as never, [1])).toThrow('allclose: actual must be a tensor, an array or a number');
  });
});

describe('assertClose', () => {
  it('passes silently when close, and compares views, nested arrays, TypedArrays and numbers', () => {
    const base = makeTensor('float32', Float32Array.of(1, 2, 3, 4), [2, 2], [1, 2], 0); // the transpose
    expect(() =>
      assertClose(base, [
        [1, 3],
        [2, 4],
      ]),
    ).not.toThrow();
    expect(() => assertClose(Float64Array.of(0.5), 0.5)).not.toThrow();
  });

  it('names the count, the worst element (index, values, error, tolerance) and the max errors', () => {
    const actual = tensor([
      [1, 2],
      [3.1, 4],
    ]);
    let message = '';
    try {
      assertClose(
        actual,
        [
          [1, 2],
          [3, 4],
        ],
        { message: 'scores' },
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^scores: assertClose: 1 of 4 elements differ \(rtol 0\.00001, atol 1e-8, shape \[2,2\]\)/);
    expect(message).toContain(
      '\n  worst at [1,0]: actual 3.0999999046325684, expected 3, |diff| 0.1 > tolerance 0.00003001\n',
    );
    expect(message).toContain('  max abs error 0.1 at [1,0]; max rel error 0.03333');
  });

  it('lists the first failures, and explains NaN-only failures', () => {
    expect(() => assertClose([1, 2, 3], [2, 3, 4])).toThrow(
      'first failures: [0] actual 1 expected 2; [1] actual 2 expected 3; [2] actual 3 expected 4',
    );
    expect(() => assertClose([Number.NaN], [1])).toThrow('no finite pair differs (the failures are NaN or infinities)');
    expect(() => assertClose([Number.NaN], [Number.NaN], { equalNan: true })).not.toThrow();
  });

  it('throws for shapes that do not broadcast', () => {
    expect(() => assertClose(tensor([1, 2, 3]), [1, 2])).toThrow('assertClose: shapes [3] and [2] do not broadcast');
  });
});
