import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { get, tensor } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { forEachIndex, refGet } from '../support/reference.js';

describe('get', () => {
  it('reads every element of any view, by positive and negative indices', () => {
    fc.assert(
      fc.property(viewArb({ dtype: 'float64', maxSize: 5 }), (t) => {
        forEachIndex(t.shape, (index) => {
          expect(get(t, ...index)).toBe(refGet(t, index));
          expect(get(t, ...index.map((i, a) => i - t.shape[a]))).toBe(refGet(t, index));
        });
      }),
    );
    expect(get(tensor([true, false]), 1)).toBe(false);
    expect(get(tensor(7), ...[])).toBe(7);
    expectTypeOf(get(tensor([true]), 0)).toEqualTypeOf<boolean>();
    expectTypeOf(get(tensor([1]), 0)).toEqualTypeOf<number>();
  });

  it('rejects the wrong number of indices and indices out of range, naming the shape', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(() => get(t, 0)).toThrow('get: 1 indices [0] for shape [2,3] of rank 2');
    expect(() => get(t, 2, 0)).toThrow('get: index [2,0] is out of range for shape [2,3] (axis 0: 2)');
    expect(() => get(t, 0, -4)).toThrow('get: index [0,-4] is out of range for shape [2,3] (axis 1: -4)');
    expect(() => get(t, 0, 0.5)).toThrow('get: index [0,0.5] is out of range for shape [2,3] (axis 1: 0.5)');
  });
});
