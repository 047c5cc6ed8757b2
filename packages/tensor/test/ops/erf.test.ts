import { describe, expect, it } from 'vitest';
import { erf, gelu, tensor } from '../../src/index.js';
import { erfcScalar, erfScalar } from '../../src/ops/erfScalar.js';

// [x, erf(x), erfc(x)] from Python 3 math.erf/math.erfc (the C library; < 1 ulp).
const ERF_TABLE: [number, number, number][] = [
  [-30, -1.0, 2.0],
  [-12, -1.0, 2.0],
  [-7, -1.0, 2.0],
  [-6, -1.0, 2.0],
  [-5.5, -0.9999999999999927, 1.9999999999999927],
  [-4, -0.9999999845827421, 1.999999984582742],
  [-3, -0.9999779095030014, 1.9999779095030015],
  [-2.5, -0.999593047982555, 1.999593047982555],
  [-1.25, -0.9229001282564582, 1.9229001282564582],
  [-1, -0.8427007929497149, 1.842700792949715],
  [-0.84375, -0.7672256612323416, 1.7672256612323416],
  [-0.5, -0.5204998778130465, 1.5204998778130465],
  [-1e-10, -1.1283791670955126e-10, 1.000000000112838],
  [0, 0.0, 1.0],
  [1e-300, 1.1283791670955126e-300, 1.0],
  [1e-9, 1.1283791670955127e-9, 0.9999999988716208],
  [0.1, 0.1124629160182849, 0.8875370839817152],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [0.84, 0.7651427114549946, 0.23485728854500548],
  [0.85, 0.7706680576083526, 0.2293319423916475],
  [1, 0.8427007929497149, 0.15729920705028513],
  [1.2, 0.9103139782296353, 0.08968602177036465],
  [1.3, 0.9340079449406524, 0.06599205505934755],
  [2, 0.9953222650189527, 0.004677734981047265],
  [2.8, 0.9999249868053346, 7.501319466545911e-5],
  [2.9, 0.9999589021219005, 4.109787809945886e-5],
  [3.5, 0.9999992569016276, 7.430983723414128e-7],
  [5, 0.9999999999984626, 1.5374597944280351e-12],
  [5.9, 0.9999999999999999, 7.190409783550478e-17],
  [6, 1.0, 2.1519736712498916e-17],
  [8, 1.0, 1.1224297172982928e-29],
  [27, 1.0, 5.23705e-319],
];
// [x, exact GELU 0.5*x*erfc(-x/sqrt 2) from Python 3 math, tanh GELU x / (1 + exp(-2u)) from mpmath at 40 digits
// (Python's 1 + tanh(u) cancels for negative x: it gives -0 at x = -10 and 8 correct digits at -5)].
const GELU_TABLE: [number, number, number][] = [
  [-40, -0.0, -0.0],
  [-10, -7.619853024160593e-23, -1.2040923482098103e-37],
  [-5, -1.4332578593959731e-6, -2.291796196629507e-7],
  [-3, -0.004049694094890287, -0.003637392081773019],
  [-1, -0.15865525393145707, -0.1588080093917233],
  [-0.5, -0.15426876936299344, -0.15428599017485609],
  [0, 0.0, 0.0],
  [0.3, 0.18537342665668577, 0.18537092354275925],
  [1, 0.8413447460685429, 0.8411919906082767],
  [2, 1.9544997361036416, 1.954597694087775],
  [5, 4.99999856674214, 4.999999770820381],
  [10, 10.0, 10.0],
  [40, 40.0, 40.0],
];

describe('erf (fdlibm, float64)', () => {
  it('matches the C library within 2e-16 absolute (erf) and 2e-15 relative (erfc)', () => {
    for (const [x, e, c] of ERF_TABLE) {
      expect(Math.abs(erfScalar(x) - e), `erf(${x})`).toBeLessThanOrEqual(2e-16);
      const rel = c === 0 ? Math.abs(erfcScalar(x)) : Math.abs(erfcScalar(x) - c) / c;
      expect(rel, `erfc(${x})`).toBeLessThanOrEqual(2e-15);
    }
  });
  it('is odd, monotone, and handles NaN and infinities', () => {
    for (let x = -7; x <= 7; x += 0.013) {
      expect(erfScalar(-x)).toBe(-erfScalar(x));
      expect(erfScalar(x + 0.013)).toBeGreaterThanOrEqual(erfScalar(x));
    }
    expect(erfScalar(Number.NaN)).toBeNaN();
    expect(erfScalar(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erfScalar(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(erfcScalar(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfcScalar(Number.NEGATIVE_INFINITY)).toBe(2);
  });
  it('as a tensor op keeps float64 and stores float32 once rounded', () => {
    const x = tensor([-1, 0.5, 3], { dtype: 'float64' });
    expect(Array.from(erf(x).data)).toEqual([erfScalar(-1), erfScalar(0.5), erfScalar(3)]);
    expect(Array.from(erf(tensor([0.5])).data)).toEqual([Math.fround(erfScalar(Math.fround(0.5)))]);
  });
});

describe('gelu', () => {
  // 3e-14 relative: erfc(u) amplifies the one rounding of u = -x/sqrt(2) by 2u^2 (100x at x = -10).
  it('matches the exact and tanh forms computed by Python (float64, 3e-14 relative + 1e-300)', () => {
    const x = tensor(
      GELU_TABLE.map(([v]) => v),
      { dtype: 'float64' },
    );
    const exact = gelu(x);
    const approx = gelu(x, { approximate: 'tanh' });
    GELU_TABLE.forEach(([v, e, t], i) => {
      expect(Math.abs(exact.data[i] - e), `gelu(${v})`).toBeLessThanOrEqual(3e-14 * Math.abs(e) + 1e-300);
      expect(Math.abs(approx.data[i] - t), `gelu tanh(${v})`).toBeLessThanOrEqual(3e-14 * Math.abs(t) + 1e-300);
    });
  });
  it('keeps tiny negative tails that 1 + erf would cancel, and maps -Infinity to 0', () => {
    const y = gelu(tensor([-10, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NaN], { dtype: 'float64' }));
    expect(y.data[0]).toBeLessThan(0);
    expect(y.data[0]).toBeGreaterThan(-1e-22);
    expect(y.data[1]).toBe(0);
    expect(y.data[2]).toBe(Number.POSITIVE_INFINITY);
    expect(y.data[3]).toBeNaN();
  });
  it('rejects an unknown approximation', () => {
    expect(() => gelu(tensor([1]), { approximate: 'fast' as never })).toThrow(
      `gelu: approximate must be 'none' or 'tanh', got "fast"`,
    );
  });
});
