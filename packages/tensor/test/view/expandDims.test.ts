import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandDims, isContiguous, squeeze, tensor, zeros } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { refElements } from '../support/reference.js';

describe('expandDims and squeeze', () => {
  it('insert and remove length-1 axes without touching the elements or the data', () => {
    fc.assert(
      fc.property(
        viewArb({ maxRank: 3 }).chain((t) =>
          fc.tuple(fc.constant(t), fc.integer({ min: -t.shape.length - 1, max: t.shape.length })),
        ),
        ([t, axis]) => {
          const u = expandDims(t, axis);
          const a = axis < 0 ? axis + t.shape.length + 1 : axis;
          const want = [...t.shape];
          want.splice(a, 0, 1);
          expect(u.shape).toEqual(want);
          expect(u.data).toBe(t.data);
          expect(refElements(u)).toEqual(refElements(t));
          const back = squeeze(u, a);
          expect(back.shape).toEqual(t.shape);
          expect(refElements(back)).toEqual(refElements(t));
          const all = squeeze(u);
          expect(all.shape).toEqual(t.shape.filter((d) => d !== 1));
          expect(refElements(all)).toEqual(refElements(t));
        },
      ),
    );
    expect(isContiguous(expandDims(zeros([2, 3]), 1))).toBe(true);
    expect(expandDims(zeros([2, 3]), 1).strides).toEqual([3, 3, 1]);
    expect(squeeze(zeros([1, 5, 1]), [0, -1]).shape).toEqual([5]);
  });

  it('reject axes out of range and squeezing an axis longer than 1', () => {
    const t = zeros([2, 1]);
    expect(() => expandDims(t, 3)).toThrow('expandDims: axis 3 is out of range [-3, 2] for shape [2,1]');
    expect(() => expandDims(t, -4)).toThrow('expandDims: axis -4 is out of range [-3, 2] for shape [2,1]');
    expect(() => squeeze(t, 0)).toThrow('squeeze: axis 0 has length 2, not 1 (shape [2,1])');
    expect(() => squeeze(t, 2)).toThrow('squeeze: axis 2 is out of range for shape [2,1] (rank 2)');
    expect(() => squeeze(tensor(3), 0)).toThrow('squeeze: axis 0 is out of range for shape [] (rank 0)');
  });
});
