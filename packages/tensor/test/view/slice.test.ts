import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arange, reshape, type SliceSpec, slice, tensor } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { forEachIndex, refGet, refNested } from '../support/reference.js';

/** The indices Python's `range(d)[start:stop:step]` picks, found by filtering every index (not by stepping). */
function pyPick(d: number, start: number | null | undefined, stop: number | null | undefined, step: number): number[] {
  const all = Array.from({ length: d }, (_, i) => i);
  const norm = (v: number) => (v < 0 ? v + d : v);
  if (step > 0) {
    const s = start == null ? 0 : norm(start);
    const e = stop == null ? d : norm(stop);
    return all.filter((i) => i >= s && i < e && (i - Math.max(s, 0)) % step === 0);
  }
  const s = start == null ? d - 1 : norm(start);
  const e = stop == null ? -1 : Math.max(norm(stop), -1);
  return all.reverse().filter((i) => i <= s && i > e && (Math.min(s, d - 1) - i) % -step === 0);
}

const bound = fc.option(fc.integer({ min: -11, max: 11 }), { nil: undefined });
const entryArb = (d: number): fc.Arbitrary<SliceSpec> =>
  fc.oneof(
    fc.constant(null),
    d > 0 ? fc.integer({ min: -d, max: d - 1 }) : fc.constant(null),
    fc.tuple(
      bound,
      bound,
      fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0),
    ),
    fc.tuple(bound, bound),
  );

describe('slice', () => {
  it('picks the elements Python slicing picks, on any view, sharing its data', () => {
    fc.assert(
      fc.property(
        viewArb().chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.integer({ min: 0, max: t.shape.length }).chain((n) => fc.tuple(...t.shape.slice(0, n).map(entryArb))),
          ),
        ),
        ([t, spec]) => {
          const u = slice(t, spec);
          expect(u.data).toBe(t.data);
          // For each axis: the base indices it visits, or a fixed index (dropped axis).
          const picks: (number[] | number)[] = t.shape.map((d, a) => {
            const s = spec[a];
            if (s === null || s === undefined) return Array.from({ length: d }, (_, i) => i);
            if (typeof s === 'number') return s < 0 ? s + d : s;
            return pyPick(d, s[0], s[1], s[2] ?? 1);
          });
          expect(u.shape).toEqual(picks.filter((p) => Array.isArray(p)).map((p) => (p as number[]).length));
          forEachIndex(u.shape, (index) => {
            let k = 0;
            const src = picks.map((p) => (typeof p === 'number' ? p : p[index[k++]]));
            expect(refGet(u, index)).toBe(refGet(t, src));
          });
        },
      ),
    );
  });

  it('matches hand-checked numpy results', () => {
    const t = reshape(arange(12), [3, 4]);
    expect(
      refNested(
        slice(t, [
          [0, 2],
          [1, 3],
        ]),
      ),
    ).toEqual([
      [1, 2],
      [5, 6],
    ]);
    expect(refNested(slice(t, [null, [null, null, -1]]))).toEqual([
      [3, 2, 1, 0],
      [7, 6, 5, 4],
      [11, 10, 9, 8],
    ]);
    expect(refNested(slice(t, [1, [null, null, 2]]))).toEqual([4, 6]);
    expect(refNested(slice(t, [[-1, null, -2], -1]))).toEqual([11, 3]);
    expect(refNested(slice(t, [[5, 9]]))).toEqual([]);
    expect(slice(t, [[2, 0, 1]]).shape).toEqual([0, 4]);
    expect(refNested(slice(tensor([0, 1, 2, 3, 4]), [[-2, -100, -1]]))).toEqual([3, 2, 1, 0]);
    expect(refNested(slice(tensor([0, 1, 2, 3, 4]), [[100, 1, -2]]))).toEqual([4, 2]);
  });

  it('rejects a zero step, an index out of range, too many entries and malformed entries', () => {
    const t = reshape(arange(6), [2, 3]);
    expect(() => slice(t, [[0, 2, 0]])).toThrow('slice: step 0 on axis 0 (shape [2,3])');
    expect(() => slice(t, [2])).toThrow('slice: index 2 is out of range for axis 0 of length 2 (shape [2,3])');
    expect(() => slice(t, [null, -4])).toThrow('slice: index -4 is out of range for axis 1 of length 3 (shape [2,3])');
    expect(() => slice(t, [null, null, null])).toThrow('slice: 3 entries for shape [2,3] of rank 2');
    expect(() => slice(t, [[0.5]])).toThrow('slice: entry 0 [0.5] must hold integers (shape [2,3])');
    expect(() => slice(t, ['1:2' as never])).toThrow(
      'slice: entry 0 must be null, a number or [start, stop, step], not "1:2"',
    );
    expect(() => slice(t, 0 as never)).toThrow('slice: spec must be an array with one entry per axis');
  });
});
