import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, split, stack, tensor, zeros } from '../../src/index.js';
import { shapeArb, viewArb } from '../support/arbitraries.js';
import { forEachIndex, refElements, refGet } from '../support/reference.js';

/** Several random views that agree on every axis but `axis`, plus the axis. */
const partsArb = shapeArb({ minRank: 1 }).chain((shape) =>
  fc.integer({ min: 0, max: shape.length - 1 }).chain((axis) =>
    fc.tuple(
      fc.array(
        fc.integer({ min: 0, max: 4 }).chain((n) => viewArb({ shape: shape.map((d, k) => (k === axis ? n : d)) })),
        { minLength: 1, maxLength: 4 },
      ),
      fc.constant(axis),
    ),
  ),
);

describe('concat', () => {
  it('puts the parts end to end along the axis (reference: index by index)', () => {
    fc.assert(
      fc.property(partsArb, ([parts, axis]) => {
        const out = concat(parts, axis);
        const total = parts.reduce((s, p) => s + p.shape[axis], 0);
        expect(out.shape).toEqual(parts[0].shape.map((d, k) => (k === axis ? total : d)));
        forEachIndex(out.shape, (index) => {
          let j = index[axis];
          let p = 0;
          while (j >= parts[p].shape[axis]) j -= parts[p++].shape[axis];
          const src = [...index];
          src[axis] = j;
          expect(refGet(out, index)).toBe(refGet(parts[p], src));
        });
        // split undoes concat, and its pieces are views of the result.
        const pieces = split(
          out,
          parts.map((p) => p.shape[axis]),
          axis,
        );
        pieces.forEach((piece, i) => {
          expect(piece.data).toBe(out.data);
          expect(refElements(piece)).toEqual(refElements(parts[i]));
        });
      }),
    );
  });

  it('rejects mixed dtypes, mismatched shapes, a bad axis and an empty list', () => {
    const a = zeros([2, 3]);
    expect(() => concat([a, zeros([2, 3], { dtype: 'float64' }) as never])).toThrow(
      'concat: dtypes float32 and float64 do not mix (convert with astype first)',
    );
    expect(() => concat([a, zeros([2, 4])])).toThrow('concat: shapes [2,3] and [2,4] differ outside axis 0');
    expect(() => concat([a, zeros([3])])).toThrow('concat: shapes [2,3] and [3] differ outside axis 0');
    expect(() => concat([a], 2)).toThrow('concat: axis 2 is out of range for shape [2,3] (rank 2)');
    expect(() => concat([tensor(1)])).toThrow('concat: axis 0 is out of range for shape [] (rank 0)');
    expect(() => concat([])).toThrow('concat: needs at least one tensor');
  });
});

describe('stack', () => {
  it('adds a new axis at the given position (reference: index by index)', () => {
    fc.assert(
      fc.property(
        shapeArb({ maxRank: 3 }).chain((shape) =>
          fc.tuple(
            fc.array(viewArb({ shape, dtype: 'int32' }), { minLength: 1, maxLength: 4 }),
            fc.integer({ min: -shape.length - 1, max: shape.length }),
          ),
        ),
        ([parts, axis]) => {
          const out = stack(parts, axis);
          const a = axis < 0 ? axis + parts[0].shape.length + 1 : axis;
          const want = [...parts[0].shape];
          want.splice(a, 0, parts.length);
          expect(out.shape).toEqual(want);
          expect(out.dtype).toBe('int32');
          forEachIndex(out.shape, (index) => {
            const src = [...index];
            const [p] = src.splice(a, 1);
            expect(refGet(out, index)).toBe(refGet(parts[p], src));
          });
        },
      ),
    );
  });

  it('rejects differing shapes and dtypes', () => {
    expect(() => stack([zeros([2]), zeros([3])])).toThrow('stack: shapes [2] and [3] differ');
    expect(() => stack([zeros([2]), zeros([2], { dtype: 'int32' }) as never])).toThrow(
      'stack: dtypes float32 and int32 do not mix',
    );
    expect(() => stack([zeros([2])], 2)).toThrow('stack: axis 2 is out of range [-2, 1] for shape [2]');
    expect(() => stack([])).toThrow('stack: needs at least one tensor');
  });
});

describe('split', () => {
  it('cuts into equal sections or given sizes, as views', () => {
    const t = tensor([
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
    ]);
    const [q, k, v] = split(t, 3, -1);
    expect(refElements(q)).toEqual([1, 2, 7, 8]);
    expect(refElements(k)).toEqual([3, 4, 9, 10]);
    expect(refElements(v)).toEqual([5, 6, 11, 12]);
    k.data[k.offset] = 30;
    expect(t.data[2]).toBe(30);
    expect(split(t, [0, 2], 0).map((p) => p.shape)).toEqual([
      [0, 6],
      [2, 6],
    ]);
  });

  it('rejects uneven sections, sizes that do not add up and a bad axis', () => {
    const t = zeros([2, 5]);
    expect(() => split(t, 2, 1)).toThrow('split: axis 1 of length 5 (shape [2,5]) does not split into 2 equal pieces');
    expect(() => split(t, [2, 2], 1)).toThrow(
      'split: sizes [2,2] do not add up to the length 5 of axis 1 (shape [2,5])',
    );
    expect(() => split(t, 1, 2)).toThrow('split: axis 2 is out of range for shape [2,5] (rank 2)');
  });
});
