import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permute, tensor, transpose } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { forEachIndex, refElements, refGet } from '../support/reference.js';

describe('transpose', () => {
  it('swaps two axes of any view, sharing its data (default: the last two)', () => {
    fc.assert(
      fc.property(
        viewArb({ minRank: 2 }).chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.integer({ min: -t.shape.length, max: t.shape.length - 1 }),
            fc.integer({ min: -t.shape.length, max: t.shape.length - 1 }),
          ),
        ),
        ([t, a, b]) => {
          const r = t.shape.length;
          const u = transpose(t, a, b);
          expect(u.data).toBe(t.data);
          const [i, j] = [(a + r) % r, (b + r) % r];
          forEachIndex(u.shape, (index) => {
            const src = [...index];
            [src[i], src[j]] = [src[j], src[i]];
            expect(refGet(u, index)).toBe(refGet(t, src));
          });
          const d = transpose(t);
          expect(d.shape).toEqual([...t.shape.slice(0, -2), t.shape[r - 1], t.shape[r - 2]]);
          // Twice is the identity.
          const back = transpose(u, a, b);
          expect(back.shape).toEqual(t.shape);
          expect(back.strides).toEqual(t.strides);
          expect(refElements(back)).toEqual(refElements(t));
        },
      ),
    );
  });

  it('rejects axes out of range, naming the shape', () => {
    expect(() => transpose(tensor([1, 2]))).toThrow(
      'transpose: axes -2 and -1 are out of range for shape [2] (rank 1)',
    );
    expect(() => transpose(tensor([[1]]), 0, 2)).toThrow(
      'transpose: axes 0 and 2 are out of range for shape [1,1] (rank 2)',
    );
  });
});

describe('permute', () => {
  it('reorders the axes of any view: result axis i is input axis axes[i]', () => {
    fc.assert(
      fc.property(
        viewArb().chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.shuffledSubarray(
              t.shape.map((_, i) => i),
              { minLength: t.shape.length, maxLength: t.shape.length },
            ),
          ),
        ),
        ([t, axes]) => {
          const u = permute(t, axes);
          expect(u.data).toBe(t.data);
          expect(u.shape).toEqual(axes.map((a) => t.shape[a]));
          forEachIndex(u.shape, (index) => {
            const src = new Array<number>(axes.length);
            axes.forEach((a, i) => {
              src[a] = index[i];
            });
            expect(refGet(u, index)).toBe(refGet(t, src));
          });
        },
      ),
    );
    expect(permute(tensor([[[1]]]), [-1, 0, 1]).shape).toEqual([1, 1, 1]);
  });

  it('rejects anything but a permutation of the axes', () => {
    const t = tensor([[1, 2, 3]]);
    expect(() => permute(t, [0])).toThrow('permute: axes [0] are not a permutation of the 2 axes of shape [1,3]');
    expect(() => permute(t, [0, 0])).toThrow('permute: axes [0,0] are not a permutation of the 2 axes of shape [1,3]');
    expect(() => permute(t, [0, 2])).toThrow('permute: axes [0,2] are not a permutation');
  });
});
