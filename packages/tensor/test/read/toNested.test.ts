import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Nested, tensor, toFlat, toNested, transpose } from '../../src/index.js';
import { anyTensorArb } from '../support/arbitraries.js';
import { refElements, refNested } from '../support/reference.js';

const dtypeArb = fc.constantFrom('float32', 'float64', 'int32', 'bool' as const);

describe('toFlat', () => {
  it('copies any view row-major into a new TypedArray of its dtype', () => {
    fc.assert(
      fc.property(
        dtypeArb.chain((dtype) => anyTensorArb({ dtype, specials: true })),
        (t) => {
          const flat = toFlat(t);
          expect(flat).not.toBe(t.data);
          expect(flat.constructor).toBe(t.data.constructor);
          expect(Array.from(flat)).toEqual(refElements(t));
        },
      ),
    );
    expect(
      Array.from(
        toFlat(
          transpose(
            tensor([
              [1, 2, 3],
              [4, 5, 6],
            ]),
          ),
        ),
      ),
    ).toEqual([1, 4, 2, 5, 3, 6]);
    expectTypeOf(toFlat(tensor([1], { dtype: 'int32' }))).toEqualTypeOf<Int32Array>();
  });

  it('never aliases, even for a contiguous tensor', () => {
    const t = tensor([1, 2]);
    const flat = toFlat(t);
    flat[0] = 5;
    expect(t.data[0]).toBe(1);
  });
});

describe('toNested', () => {
  it('gives nested arrays of numbers, or booleans for bool, for any view', () => {
    fc.assert(
      fc.property(
        dtypeArb.chain((dtype) => anyTensorArb({ dtype, specials: true })),
        (t) => {
          expect(toNested(t)).toEqual(refNested(t));
        },
      ),
    );
    expect(toNested(tensor(2.5))).toBe(2.5);
    expect(toNested(tensor([[true], [false]]))).toEqual([[true], [false]]);
    expectTypeOf(toNested(tensor([true]))).toEqualTypeOf<Nested<boolean>>();
    expectTypeOf(toNested(tensor(new Float64Array(1)))).toEqualTypeOf<Nested<number>>();
  });

  it('rejects a non-tensor with a clear message', () => {
    expect(() => toNested({} as never)).toThrow('toNested: t must be a tensor, got an object');
    expect(() => toFlat([1, 2] as never)).toThrow('toFlat: t must be a tensor, got an array');
  });
});
