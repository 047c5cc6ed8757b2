import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { empty, full, fullLike, ones, onesLike, type Tensor, tensor, zeros, zerosLike } from '../../src/index.js';
import { shapeArb } from '../support/arbitraries.js';

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

describe('zeros, ones, full, empty', () => {
  it('fill a contiguous tensor of any shape (rank 0-4, sizes 0-9) with the value', () => {
    fc.assert(
      fc.property(shapeArb(), fc.constantFrom('float32', 'float64', 'int32', 'bool' as const), (shape, dtype) => {
        for (const [t, v] of [
          [zeros(shape, { dtype }), 0],
          [ones(shape, { dtype }), 1],
          [empty(shape, { dtype }), 0],
          [full(shape, 1, { dtype }), 1],
        ] as const) {
          expect(t.dtype).toBe(dtype);
          expect(t.shape).toEqual(shape);
          expect(t.offset).toBe(0);
          expect(t.data.length).toBe(size(shape));
          expect(Array.from(t.data).every((x) => x === v)).toBe(true);
        }
      }),
    );
  });

  it('default to float32, bool for a boolean value, and keep NaN and infinities', () => {
    expect(zeros([2]).data).toBeInstanceOf(Float32Array);
    expect(full([2], true).dtype).toBe('bool');
    expect(Array.from(full([2], true).data)).toEqual([1, 1]);
    expect(Array.from(full([2], -Infinity).data)).toEqual([-Infinity, -Infinity]);
    expect(Number.isNaN(full([1], Number.NaN).data[0])).toBe(true);
    expect(Array.from(full([3], -7, { dtype: 'int32' }).data)).toEqual([-7, -7, -7]);
  });

  it('carry the dtype in the type of data', () => {
    expectTypeOf(zeros([2]).data).toEqualTypeOf<Float32Array>();
    expectTypeOf(zeros([2], { dtype: 'int32' }).data).toEqualTypeOf<Int32Array>();
    expectTypeOf(ones([2], { dtype: 'float64' }).data).toEqualTypeOf<Float64Array>();
    expectTypeOf(full([2], true)).toEqualTypeOf<Tensor<'bool'>>();
    expectTypeOf(full([2], 3)).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(full([2], 3, { dtype: 'int32' })).toEqualTypeOf<Tensor<'int32'>>();
    expectTypeOf(empty([2], { dtype: 'bool' }).data).toEqualTypeOf<Uint8Array>();
  });

  it('reject bad shapes, dtypes and values that do not fit, naming the function', () => {
    expect(() => zeros([2, -1])).toThrow('zeros: shape [2,-1] must hold non-negative integers');
    expect(() => ones([1.5])).toThrow('ones: shape [1.5] must hold non-negative integers');
    expect(() => empty([2], { dtype: 'uint8' as never })).toThrow('empty: unknown dtype "uint8"');
    expect(() => full([2], 0.5, { dtype: 'int32' })).toThrow(
      'full: an int32 tensor holds integers in [-2^31, 2^31), not 0.5',
    );
    expect(() => full([2], 2 ** 31, { dtype: 'int32' })).toThrow(/full: an int32 tensor holds integers/);
    expect(() => full([2], 2, { dtype: 'bool' })).toThrow('full: a bool tensor holds true/false or 0/1, not 2');
    expect(() => full([2], 'x' as never)).toThrow('full: value must be a number or a boolean, not string');
  });
});

describe('zerosLike, onesLike, fullLike', () => {
  it('take the shape and dtype of any tensor, views included, unless a dtype is given', () => {
    const base = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'int32' },
    );
    const view = { ...base, shape: [3, 2], strides: [1, 3] } as Tensor<'int32'>;
    const z = zerosLike(view);
    expect(z.shape).toEqual([3, 2]);
    expect(z.strides).toEqual([2, 1]);
    expect(z.dtype).toBe('int32');
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(onesLike(view, { dtype: 'bool' }).data)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(fullLike(view, 9).data)).toEqual([9, 9, 9, 9, 9, 9]);
    expect(zerosLike(view).data).not.toBe(base.data);
    expectTypeOf(onesLike(view, { dtype: 'bool' })).toEqualTypeOf<Tensor<'bool'>>();
    expectTypeOf(zerosLike(view)).toEqualTypeOf<Tensor<'int32'>>();
  });

  it('reject values the dtype cannot hold', () => {
    const t = tensor([1, 2], { dtype: 'int32' });
    expect(() => fullLike(t, 1.5)).toThrow('fullLike: an int32 tensor holds integers');
    expect(() => onesLike(t, { dtype: 'complex' as never })).toThrow('onesLike: unknown dtype "complex"');
    expect(() => zerosLike(t, { dtype: 'x' as never })).toThrow('zerosLike: unknown dtype "x"');
  });
});

describe('tensor (types)', () => {
  it('types the dtype from booleans, TypedArrays and the dtype option', () => {
    expectTypeOf(tensor([true, false])).toEqualTypeOf<Tensor<'bool'>>();
    expectTypeOf(tensor([[1, 2]])).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(tensor(new Float64Array(2))).toEqualTypeOf<Tensor<'float64'>>();
    expectTypeOf(tensor(new Int32Array(2)).data).toEqualTypeOf<Int32Array>();
    expectTypeOf(tensor([1, 2], { dtype: 'int32' })).toEqualTypeOf<Tensor<'int32'>>();
    expect(tensor(new Int32Array(2)).dtype).toBe('int32');
  });
});
