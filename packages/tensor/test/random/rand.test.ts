import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { generator, rand, randint, randn, type Tensor } from '../../src/index.js';
import { shapeArb } from '../support/arbitraries.js';

function moments(data: ArrayLike<number>): [number, number] {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i];
  const mean = s / data.length;
  let v = 0;
  for (let i = 0; i < data.length; i++) v += (data[i] - mean) ** 2;
  return [mean, v / data.length];
}

describe('rand', () => {
  it('is reproducible from a seed, continues a generator, and fills any shape', () => {
    expect(Array.from(rand([2, 2], { seed: 42 }).data)).toEqual([
      0.6606156826019287, 0.12688004970550537, 0.11170190572738647, 0.8149393796920776,
    ]);
    const g = generator(42);
    const a = rand([2], { generator: g });
    const b = rand([2], { generator: g });
    expect([...a.data, ...b.data]).toEqual(Array.from(rand([4], { seed: 42 }).data));
    fc.assert(
      fc.property(shapeArb(), fc.integer({ min: 0, max: 1000 }), (shape, seed) => {
        const t = rand(shape, { seed, dtype: 'float64' });
        expect(t.shape).toEqual(shape);
        expect(Array.from(t.data).every((x) => x >= 0 && x < 1)).toBe(true);
        expect(rand(shape, { seed, dtype: 'float64' }).data).toEqual(t.data);
      }),
    );
    expectTypeOf(rand([1]).data).toEqualTypeOf<Float32Array>();
    expectTypeOf(rand([1], { dtype: 'float64' })).toEqualTypeOf<Tensor<'float64'>>();
  });

  it('has mean 1/2 and variance 1/12 over 1e5 draws', () => {
    const [m, v] = moments(rand([100_000], { seed: 3 }).data);
    expect(Math.abs(m - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(v - 1 / 12)).toBeLessThan(0.002);
  });

  it('rejects integer dtypes, bad seeds and both seed and generator', () => {
    expect(() => rand([2], { dtype: 'int32' as never })).toThrow('rand: dtype must be float32 or float64, not "int32"');
    expect(() => rand([2], { seed: -3 })).toThrow('rand: seed must be an integer in [0, 2^32), not -3');
    expect(() => rand([2], { seed: 1, generator: generator(1) })).toThrow(
      'rand: pass either seed or generator, not both',
    );
    expect(() => rand([-2])).toThrow('rand: shape [-2] must hold non-negative integers');
    expect(() => randn([2], { generator: 42 as never })).toThrow(
      'randn: generator must be a stream made by generator(seed)',
    );
    expect(() => randint(0, 2, [2], { generator: {} as never })).toThrow(
      'randint: generator must be a stream made by generator(seed)',
    );
  });
});

describe('randn', () => {
  it('is reproducible and matches the golden float32 values', () => {
    expect(Array.from(randn([6], { seed: 42 }).data)).toEqual([
      0.3187578618526459, -0.7706159949302673, 0.15178267657756805, -0.12624146044254303, -0.32576784491539,
      3.2490484714508057,
    ]);
    expect(randn([3, 3], { seed: 9 }).data).toEqual(randn([3, 3], { seed: 9 }).data);
    expect(randn([3], { seed: 9 }).data).not.toEqual(randn([3], { seed: 10 }).data);
  });

  it('has mean 0, variance 1, and the normal tails over 1e5 draws; mean and std shift and scale', () => {
    const x = randn([100_000], { seed: 5, dtype: 'float64' }).data;
    const [m, v] = moments(x);
    // sd of the sample mean is 0.0032, of the sample variance 0.0045.
    expect(Math.abs(m)).toBeLessThan(0.016);
    expect(Math.abs(v - 1)).toBeLessThan(0.025);
    const beyond2 = Array.from(x).filter((z) => Math.abs(z) > 2).length / x.length;
    expect(Math.abs(beyond2 - 0.0455)).toBeLessThan(0.004);
    const [m2, v2] = moments(randn([100_000], { seed: 5, mean: 3, std: 0.5 }).data);
    expect(Math.abs(m2 - 3)).toBeLessThan(0.008);
    expect(Math.abs(v2 - 0.25)).toBeLessThan(0.007);
  });

  it('rejects bad dtypes and a negative std', () => {
    expect(() => randn([2], { dtype: 'bool' as never })).toThrow('randn: dtype must be float32 or float64, not "bool"');
    expect(() => randn([2], { std: -1 })).toThrow(
      'randn: mean must be finite and std finite and >= 0, got mean 0 and std -1',
    );
    expect(() => randn([2, 0.5])).toThrow('randn: shape [2,0.5] must hold non-negative integers');
  });
});

describe('randint', () => {
  it('stays in [low, high), hits every value, and is reproducible', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 2 ** 32 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (low, span, seed) => {
          const high = Math.min(low + span, 2 ** 31);
          const t = randint(low, high, [50], { seed });
          expect(t.dtype).toBe('int32');
          expect(Array.from(t.data).every((x) => x >= low && x < high)).toBe(true);
          expect(randint(low, high, [50], { seed }).data).toEqual(t.data);
        },
      ),
    );
    const t = randint(-2, 3, [10_000], { seed: 1 });
    expect(new Set(t.data)).toEqual(new Set([-2, -1, 0, 1, 2]));
    expect(Array.from(randint(0, 10, [10], { seed: 7 }).data)).toEqual([0, 7, 9, 8, 7, 9, 7, 4, 8, 0]);
    expectTypeOf(randint(0, 2, [1]).data).toEqualTypeOf<Int32Array>();
  });

  it('rejects empty or non-integer ranges', () => {
    expect(() => randint(3, 3, [2])).toThrow(
      'randint: needs integers -2^31 <= low < high <= 2^31, got low 3 and high 3',
    );
    expect(() => randint(0, 2.5, [2])).toThrow(
      'randint: needs integers -2^31 <= low < high <= 2^31, got low 0 and high 2.5',
    );
    expect(() => randint(0, 2 ** 32, [2])).toThrow(/randint: needs integers/);
  });
});
