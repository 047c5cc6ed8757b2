import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ones, tensor, tril, triu } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { forEachIndex, refGet } from '../support/reference.js';

describe('tril and triu', () => {
  it('keep j - i <= k (tril) or j - i >= k (triu) of the last two axes of any view, zero the rest', () => {
    fc.assert(
      fc.property(viewArb({ minRank: 2, dtype: 'float64' }), fc.integer({ min: -10, max: 10 }), (t, k) => {
        const lo = tril(t, k);
        const up = triu(t, k);
        expect(lo.shape).toEqual(t.shape);
        expect(lo.dtype).toBe('float64');
        const r = t.shape.length;
        forEachIndex(t.shape, (index, flat) => {
          const d = index[r - 1] - index[r - 2];
          const v = refGet(t, index);
          expect(lo.data[flat]).toBe(d <= k ? v : 0);
          expect(up.data[flat]).toBe(d >= k ? v : 0);
        });
      }),
    );
  });

  it('make the causal mask: query i may attend to keys j <= i', () => {
    const causal = tril(ones([3, 3], { dtype: 'bool' }));
    expect(causal.dtype).toBe('bool');
    expect(Array.from(causal.data)).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 1]);
    expect(Array.from(triu(ones([2, 3]), 1).data)).toEqual([0, 1, 1, 0, 0, 1]);
  });

  it('copy, never alias, the input', () => {
    const t = tensor([
      [1, 2],
      [3, 4],
    ]);
    const lo = tril(t);
    lo.data[0] = 99;
    expect(t.data[0]).toBe(1);
  });

  it('reject vectors and fractional offsets, naming the function and shape', () => {
    expect(() => tril(tensor([1, 2, 3]))).toThrow('tril: needs a matrix or a batch of matrices, got shape [3]');
    expect(() => triu(tensor(5))).toThrow('triu: needs a matrix or a batch of matrices, got shape []');
    expect(() => triu(ones([2, 2]), 0.5)).toThrow('triu: the diagonal offset k must be an integer, not 0.5');
  });
});
