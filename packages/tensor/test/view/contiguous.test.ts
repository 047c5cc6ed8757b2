import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone, contiguous, isContiguous, reshape, select, slice, tensor, transpose } from '../../src/index.js';
import { anyTensorArb } from '../support/arbitraries.js';
import { refElements } from '../support/reference.js';

describe('contiguous and clone', () => {
  it('give the same elements row-major; contiguous copies only when it must, clone always', () => {
    fc.assert(
      fc.property(anyTensorArb({ dtype: 'float64' }), (t) => {
        const c = contiguous(t);
        const k = clone(t);
        expect(isContiguous(c)).toBe(true);
        expect(refElements(c)).toEqual(refElements(t));
        if (isContiguous(t)) expect(c).toBe(t);
        else expect(c.data).not.toBe(t.data);
        expect(k.data).not.toBe(t.data);
        expect(k.offset).toBe(0);
        expect(k.strides).toEqual(k.shape.map((_, i) => k.shape.slice(i + 1).reduce((a, b) => a * b, 1)));
        expect(refElements(k)).toEqual(refElements(t));
      }),
    );
  });

  it('metamorphic: a view aliases its base, a clone does not', () => {
    const base = reshape(tensor([0, 1, 2, 3, 4, 5]), [2, 3]);
    const v = select(transpose(slice(base, [null, [1, 3]])), 0, 1); // column 2 of base: [2, 5]
    v.data[v.offset + v.strides[0]] = 50;
    expect(refElements(base)).toEqual([0, 1, 2, 3, 4, 50]);
    const k = clone(base);
    k.data[0] = -1;
    expect(base.data[0]).toBe(0);
  });

  it('keep the offset of an already contiguous slice rather than copying', () => {
    const t = reshape(tensor([0, 1, 2, 3, 4, 5]), [3, 2]);
    const rows = slice(t, [[1, 3]]);
    expect(contiguous(rows)).toBe(rows);
    expect(rows.offset).toBe(2);
  });
});
