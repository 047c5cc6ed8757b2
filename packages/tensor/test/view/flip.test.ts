import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flip, tensor } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { forEachIndex, refElements, refGet, refNested } from '../support/reference.js';

describe('flip', () => {
  it('reverses the chosen axes of any view, as a view', () => {
    fc.assert(
      fc.property(
        viewArb().chain((t) =>
          fc.tuple(fc.constant(t), fc.option(fc.subarray(t.shape.map((_, i) => i)), { nil: undefined })),
        ),
        ([t, axes]) => {
          const u = flip(t, axes);
          const flipped = axes ?? t.shape.map((_, i) => i);
          expect(u.data).toBe(t.data);
          expect(u.shape).toEqual(t.shape);
          forEachIndex(u.shape, (index) => {
            const src = index.map((v, a) => (flipped.includes(a) ? t.shape[a] - 1 - v : v));
            expect(refGet(u, index)).toBe(refGet(t, src));
          });
          expect(refElements(flip(u, axes))).toEqual(refElements(t));
        },
      ),
    );
    expect(
      refNested(
        flip(
          tensor([
            [1, 2],
            [3, 4],
          ]),
          -1,
        ),
      ),
    ).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });

  it('rejects axes out of range or repeated', () => {
    const t = tensor([[1, 2]]);
    expect(() => flip(t, 2)).toThrow('flip: axis 2 is out of range or repeated for shape [1,2] (rank 2)');
    expect(() => flip(t, [1, -1])).toThrow('flip: axis -1 is out of range or repeated for shape [1,2] (rank 2)');
  });
});
