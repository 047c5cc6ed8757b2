import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generator } from '../../src/index.js';
import { portableLog } from '../../src/random/portableLog.js';

// Golden values from an independent Python transcription of xoshiro128starstar.c seeded by SplitMix32
// (integer math with explicit & 0xFFFFFFFF masks; see the seeding rule in generator's TSDoc).
describe('generator', () => {
  it('reproduces the golden first outputs of xoshiro128** for fixed seeds', () => {
    const take = (seed: number, n: number) => {
      const g = generator(seed);
      return Array.from({ length: n }, () => g.nextUint32());
    };
    expect(take(42, 8)).toEqual([
      2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290, 65323186, 1112262688,
    ]);
    expect(take(0, 4)).toEqual([3809008728, 1133695204, 53579671, 2891528803]);
    expect(take(4294967295, 4)).toEqual([835879718, 1921286648, 2356205009, 1885780724]);
  });

  it('reproduces the golden uniform floats and normals', () => {
    const g32 = generator(42);
    expect([g32.nextFloat32(), g32.nextFloat32()]).toEqual([0.6606156826019287, 0.12688004970550537]);
    const g64 = generator(42);
    expect([g64.nextFloat64(), g64.nextFloat64(), g64.nextFloat64(), g64.nextFloat64()]).toEqual([
      0.6606157208001621, 0.1117019639532224, 0.0791056456144914, 0.015209237180418,
    ]);
    const gn = generator(42);
    const want = [
      0.31875784963858494, -0.7706160167419408, 0.15178267621950975, -0.12624145471928355, -0.3257678439811117,
      3.249048507410778,
    ];
    // Python used math.log; ours is portableLog (a few ulps apart at most).
    for (const w of want) expect(Math.abs(gn.nextNormal() - w)).toBeLessThan(1e-14 * Math.max(1, Math.abs(w)));
    const gi = generator(7);
    expect(Array.from({ length: 10 }, () => gi.nextInt(0, 10))).toEqual([0, 7, 9, 8, 7, 9, 7, 4, 8, 0]);
    const gj = generator(7);
    expect(Array.from({ length: 10 }, () => gj.nextInt(-5, 3))).toEqual([-5, 2, -4, -1, 2, -4, -4, -3, -5, -1]);
  });

  it('two generators with the same seed agree draw for draw; different seeds differ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 50 }), (seed, n) => {
        const a = generator(seed);
        const b = generator(seed);
        const c = generator((seed + 1) % 2 ** 32);
        const xs = Array.from({ length: n }, () => [a.nextUint32(), a.nextNormal(), a.nextInt(-3, 9)]);
        const ys = Array.from({ length: n }, () => [b.nextUint32(), b.nextNormal(), b.nextInt(-3, 9)]);
        expect(xs).toEqual(ys);
        expect(a.seed).toBe(seed);
        const cs = Array.from({ length: n }, () => c.nextUint32());
        expect(cs).not.toEqual(xs.map((x) => x[0]));
      }),
    );
  });

  it('bulk fills give the one-at-a-time numbers, and leave the stream where those would', () => {
    const kinds = ['uint32', 'float32', 'float64', 'normal'] as const;
    const one = (g: ReturnType<typeof generator>, kind: (typeof kinds)[number], mean: number, std: number) =>
      kind === 'uint32'
        ? g.nextUint32()
        : kind === 'float32'
          ? g.nextFloat32()
          : kind === 'float64'
            ? g.nextFloat64()
            : mean + std * g.nextNormal();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        // Lengths around the 4096-output chunks the fills convert at a time, and small odd ones.
        fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            n: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 2040, max: 2060 }), fc.constant(4097)),
            wide: fc.boolean(),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (seed, fills, mean, std) => {
          const bulk = generator(seed);
          const single = generator(seed);
          for (const { kind, n, wide } of fills) {
            const out = kind === 'uint32' ? new Uint32Array(n) : wide ? new Float64Array(n) : new Float32Array(n);
            if (kind === 'uint32') bulk.fillUint32(out as Uint32Array);
            else if (kind === 'float32') bulk.fillFloat32(out as Float32Array);
            else if (kind === 'float64') bulk.fillFloat64(out as Float64Array);
            else bulk.fillNormal(out as Float64Array, mean, std);
            const want = out.constructor === Float32Array ? new Float32Array(n) : new Float64Array(n);
            for (let i = 0; i < n; i++) want[i] = one(single, kind, mean, std);
            expect(Array.from(out)).toEqual(Array.from(want));
          }
          // Same place in the stream afterwards, a spare normal included.
          expect([bulk.nextNormal(), bulk.nextUint32()]).toEqual([single.nextNormal(), single.nextUint32()]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws uniforms in [0, 1) with the right mean and variance, and unbiased integers', () => {
    const g = generator(2024);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = g.nextFloat64();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      s2 += u * u;
    }
    expect(outside).toBe(0);
    // Mean 1/2 (sd of the sample mean 0.0009), variance 1/12.
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[g.nextInt(0, 7)]++;
    // Each bin expects 10000 (sd ~93): within 5 sd.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(470);
  });

  it('rejects seeds outside [0, 2^32)', () => {
    expect(() => generator(-1)).toThrow('generator: seed must be an integer in [0, 2^32), not -1');
    expect(() => generator(1.5)).toThrow('generator: seed must be an integer in [0, 2^32), not 1.5');
    expect(() => generator(2 ** 32)).toThrow('generator: seed must be an integer in [0, 2^32), not 4294967296');
  });
});

describe('portableLog', () => {
  it('agrees with Math.log to a few ulps from subnormals to large numbers', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), (x) => {
        const want = Math.log(x);
        expect(Math.abs(portableLog(x) - want)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 2000 },
    );
    expect(portableLog(1)).toBe(0);
    expect(portableLog(2)).toBe(Math.LN2);
  });
});
