import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { select, tensor } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { forEachIndex, refGet } from '../support/reference.js';

describe('select', () => {
  it('picks one index along an axis and drops the axis, sharing the data', () => {
    fc.assert(
      fc.property(
        viewArb({ minRank: 1, minSize: 1 }).chain((t) =>
          fc
            .integer({ min: 0, max: t.shape.length - 1 })
            .chain((axis) =>
              fc.tuple(
                fc.constant(t),
                fc.constantFrom(axis, axis - t.shape.length),
                fc.integer({ min: -t.shape[axis], max: t.shape[axis] - 1 }),
              ),
            ),
        ),
        ([t, axis, index]) => {
          const u = select(t, axis, index);
          const a = axis < 0 ? axis + t.shape.length : axis;
          const i = index < 0 ? index + t.shape[a] : index;
          expect(u.data).toBe(t.data);
          expect(u.shape).toEqual(t.shape.filter((_, k) => k !== a));
          forEachIndex(u.shape, (idx) => {
            const src = [...idx];
            src.splice(a, 0, i);
            expect(refGet(u, idx)).toBe(refGet(t, src));
          });
        },
      ),
    );
  });

  it('rejects an axis or index out of range, naming the shape', () => {
    const t = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() => select(t, 2, 0)).toThrow('select: axis 2 is out of range for shape [3,2] (rank 2)');
    expect(() => select(t, 0, 3)).toThrow('select: index 3 is out of range for axis 0 of length 3 (shape [3,2])');
    expect(() => select(t, -1, -3)).toThrow('select: index -3 is out of range for axis -1 of length 2 (shape [3,2])');
    expect(() => select(tensor(1), 0, 0)).toThrow('select: axis 0 is out of range for shape [] (rank 0)');
    // @ts-expect-error an index list where an axis belongs (numpy's t[0, 0] habit)
    expect(() => select(t, [0, 0], 0)).toThrow('select: axis must be an integer, got [0,0]');
  });
});
