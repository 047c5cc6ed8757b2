import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { maskedFill, type Tensor, tensor, where, zeros } from '../../src/index.js';
import { maskArb, pairBroadcastShapesArb, viewArb } from '../support/arbitraries.js';
import { forEachIndex, refBroadcastIndex, refBroadcastShape, refGet } from '../support/reference.js';

describe('where', () => {
  it('picks a where cond is true and b elsewhere, all three broadcasting (any views)', () => {
    fc.assert(
      fc.property(
        pairBroadcastShapesArb().chain(([s1, s2]) =>
          fc.tuple(
            maskArb({ shape: s1, view: true }),
            viewArb({ shape: s2, dtype: 'float64', specials: true }),
            viewArb({ shape: s1, dtype: 'float64' }),
          ),
        ),
        ([cond, a, b]) => {
          const out = where(cond, a, b);
          const shape = refBroadcastShape(cond.shape, a.shape, b.shape) as number[];
          expect(out.shape).toEqual(shape);
          expect(out.dtype).toBe('float64');
          forEachIndex(shape, (index) => {
            const c = refGet(cond, refBroadcastIndex(index, cond.shape));
            const want = c
              ? refGet(a, refBroadcastIndex(index, a.shape))
              : refGet(b, refBroadcastIndex(index, b.shape));
            expect(refGet(out, index)).toBe(want);
          });
        },
      ),
    );
  });

  it('takes plain numbers for either branch, checked against the dtype', () => {
    const mayAttend = tensor([
      [true, false],
      [true, true],
    ]);
    const scores = tensor([
      [0.5, 2],
      [1, -1],
    ]);
    expect(Array.from(where(mayAttend, scores, -Infinity).data)).toEqual([0.5, -Infinity, 1, -1]);
    expect(Array.from(where(mayAttend, 1, 0).data)).toEqual([1, 0, 1, 1]);
    expectTypeOf(where(mayAttend, scores, 0)).toEqualTypeOf<Tensor<'float32'>>();
    expect(() => where(mayAttend, tensor([1, 2], { dtype: 'int32' }), 0.5)).toThrow(
      'where: b: an int32 tensor holds integers in [-2^31, 2^31), not 0.5',
    );
  });

  it('rejects a non-bool condition, mixed dtypes and shapes that do not broadcast', () => {
    expect(() => where(zeros([2]) as never, zeros([2]), zeros([2]))).toThrow(
      'where: cond must be a bool tensor, not float32',
    );
    expect(() => where(tensor([true]), zeros([2]), zeros([2], { dtype: 'float64' }) as never)).toThrow(
      'where: dtypes float32 and float64 do not mix (convert with astype first)',
    );
    expect(() => where(tensor([true, false]), zeros([3]), 0)).toThrow(
      'where: shapes [2] and [3] and [] do not broadcast',
    );
  });
});

describe('maskedFill', () => {
  it('fills where the mask is TRUE, the mask broadcasting to t (any views)', () => {
    fc.assert(
      fc.property(
        pairBroadcastShapesArb().chain(([s1, s2]) => {
          const out = refBroadcastShape(s1, s2) as number[];
          return fc.tuple(viewArb({ shape: out, dtype: 'int32' }), maskArb({ shape: s2, view: true }));
        }),
        fc.integer({ min: -100, max: 100 }),
        ([t, mask], value) => {
          const out = maskedFill(t, mask, value);
          expect(out.shape).toEqual(t.shape);
          expect(out.data).not.toBe(t.data);
          forEachIndex(t.shape, (index) => {
            const m = refGet(mask, refBroadcastIndex(index, mask.shape));
            expect(refGet(out, index)).toBe(m ? value : refGet(t, index));
          });
        },
      ),
    );
  });

  it('hides future keys with -Infinity (true marks what to fill)', () => {
    const future = tensor([
      [false, true],
      [false, false],
    ]);
    const scores = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(maskedFill(scores, future, -Infinity).data)).toEqual([1, -Infinity, 3, 4]);
    expect(Array.from(scores.data)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a non-bool mask, a mask that does not broadcast to t, and values the dtype cannot hold', () => {
    const t = zeros([2, 3]);
    expect(() => maskedFill(t, zeros([3]) as never, 1)).toThrow('maskedFill: mask must be a bool tensor, not float32');
    expect(() => maskedFill(t, tensor([true, false]), 1)).toThrow(
      'maskedFill: mask shape [2] does not broadcast to [2,3]',
    );
    expect(() => maskedFill(t, tensor([[[true]]]), 1)).toThrow(
      'maskedFill: mask shape [1,1,1] does not broadcast to [2,3]',
    );
    expect(() => maskedFill(zeros([1], { dtype: 'bool' }), tensor([true]), 2)).toThrow(
      'maskedFill: a bool tensor holds true/false or 0/1, not 2',
    );
  });
});
