import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { arange, linspace, type Tensor } from '../../src/index.js';

describe('arange', () => {
  it('counts from 0 with one argument, and follows start/stop/step like numpy', () => {
    expect(Array.from(arange(4).data)).toEqual([0, 1, 2, 3]);
    expect(Array.from(arange(1, 2, 0.25).data)).toEqual([1, 1.25, 1.5, 1.75]);
    expect(Array.from(arange(5, 0, -2, { dtype: 'int32' }).data)).toEqual([5, 3, 1]);
    expect(arange(3, 3).shape).toEqual([0]);
    expect(arange(3, 0).shape).toEqual([0]);
    expect(arange(0).shape).toEqual([0]);
    expect(arange(3, { dtype: 'float64' }).dtype).toBe('float64');
    expectTypeOf(arange(3, { dtype: 'int32' })).toEqualTypeOf<Tensor<'int32'>>();
    expectTypeOf(arange(0, 3, 1, { dtype: 'float64' }).data).toEqualTypeOf<Float64Array>();
  });

  it('computes start + i*step for every i, with the length of a half-open range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -7, max: 7 }).filter((s) => s !== 0),
        (start, stop, step) => {
          const t = arange(start, stop, step, { dtype: 'float64' });
          const want: number[] = [];
          for (let x = start; step > 0 ? x < stop : x > stop; x += step) want.push(x);
          expect(Array.from(t.data)).toEqual(want);
        },
      ),
    );
  });

  it('rejects a zero step, non-finite bounds, bool and fractional int32 ranges', () => {
    expect(() => arange(0, 3, 0)).toThrow('arange: step must not be 0');
    expect(() => arange(Infinity)).toThrow('arange: stop must be a finite number, not Infinity');
    expect(() => arange(3, { dtype: 'bool' })).toThrow(/arange: dtype bool makes no sense/);
    expect(() => arange(0, 1, 0.5, { dtype: 'int32' })).toThrow(
      'arange: an int32 range needs integer start and step, got start 0 and step 0.5',
    );
    expect(() => arange(0, 1e12, 1)).toThrow(/arange: 1000000000000 elements is too many/);
  });
});

describe('linspace', () => {
  it('spaces num values evenly and ends exactly on stop', () => {
    expect(Array.from(linspace(0, 1, 5).data)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(linspace(0, 1, 4, { endpoint: false }).data)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(Array.from(linspace(2, 3, 1).data)).toEqual([2]);
    expect(linspace(2, 3, 0).shape).toEqual([0]);
    const t = linspace(-1, 0.1, 7, { dtype: 'float64' });
    expect(t.data[6]).toBe(0.1);
    for (let i = 0; i < 7; i++) expect(t.data[i]).toBeCloseTo(-1 + (i * 1.1) / 6, 14);
  });

  it('rejects integer dtypes, negative counts and non-finite bounds', () => {
    expect(() => linspace(0, 1, 3, { dtype: 'int32' as never })).toThrow(
      'linspace: dtype must be float32 or float64, not int32',
    );
    expect(() => linspace(0, 1, -1)).toThrow('linspace: num must be a non-negative integer, not -1');
    expect(() => linspace(0, Number.NaN, 2)).toThrow('linspace: start and stop must be finite numbers, got 0 and NaN');
  });
});
