import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { astype, type Tensor, tensor } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { refElements } from '../support/reference.js';

const dtypes = ['float32', 'float64', 'int32', 'bool'] as const;

describe('astype', () => {
  it('converts any view by the documented rules, into new contiguous storage', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.constantFrom(...dtypes), fc.constantFrom(...dtypes))
          .chain(([from, to]) => fc.tuple(viewArb({ dtype: from, specials: to !== 'int32' }), fc.constant(to))),
        ([t, to]) => {
          const u = astype(t, to);
          expect(u.dtype).toBe(to);
          expect(u.data).not.toBe(t.data);
          const want = refElements(t).map((x) => {
            if (to === 'bool') return x !== 0 ? 1 : 0;
            if (to === 'int32') return Math.trunc(x) + 0; // int32 has no -0
            if (to === 'float32') return Math.fround(x);
            return x;
          });
          expect(refElements(u)).toEqual(want);
        },
      ),
    );
  });

  it('truncates toward zero, makes NaN true, and types the result', () => {
    expect(Array.from(astype(tensor([-1.5, 0, 2.7, -0.2]), 'int32').data)).toEqual([-1, 0, 2, 0]);
    expect(Array.from(astype(tensor([0, Number.NaN, -3]), 'bool').data)).toEqual([0, 1, 1]);
    expect(Array.from(astype(tensor([true, false]), 'float64').data)).toEqual([1, 0]);
    expectTypeOf(astype(tensor([1]), 'int32')).toEqualTypeOf<Tensor<'int32'>>();
  });

  it('refuses values int32 cannot hold and unknown dtypes', () => {
    expect(() => astype(tensor([1, Number.NaN]), 'int32')).toThrow(
      'astype: element 1 of a float32 tensor of shape [2] is NaN, which int32 cannot hold',
    );
    expect(() => astype(tensor([3e9], { dtype: 'float64' }), 'int32')).toThrow(
      'astype: element 0 of a float64 tensor of shape [1] is 3000000000, which int32 cannot hold',
    );
    expect(() => astype(tensor([1]), 'float16' as never)).toThrow('astype: unknown dtype "float16"');
  });
});
