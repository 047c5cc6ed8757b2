import { makeTensor, type Tensor, tensor } from '@attn/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alibiBias,
  alibiSlopes,
  applyRope,
  learnedPositions,
  ropeAngles,
  ropeFrequencies,
  ropePair,
  scaledDotProductAttention,
  sinusoidalEncoding,
} from '../src/index.js';
import { makeView } from './support/arbitraries.js';
import { at, elements, maxError, referenceAttention } from './support/reference.js';

describe('sinusoidalEncoding layouts and base', () => {
  it('concatenated puts every sine first, then every cosine, for any width and base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 33 }),
        fc.constantFrom(10000, 500, 2.5),
        (positions, width, base) => {
          const pe = sinusoidalEncoding(positions, width, { dtype: 'float64', layout: 'concatenated', base });
          expect(pe.shape).toEqual([positions, width]);
          const pairs = Math.ceil(width / 2);
          for (let pos = 0; pos < positions; pos++) {
            for (let c = 0; c < width; c++) {
              const i = c < pairs ? c : c - pairs;
              const angle = pos / base ** ((2 * i) / width);
              const expected = c < pairs ? Math.sin(angle) : Math.cos(angle);
              expect(Math.abs(at(pe, [pos, c]) - expected)).toBeLessThanOrEqual(1e-12);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('interleaved (the default) with another base is the paper formula with that base', () => {
    const pe = sinusoidalEncoding(4, 6, { dtype: 'float64', base: 100 });
    expect(at(pe, [3, 2])).toBeCloseTo(Math.sin(3 / 100 ** (2 / 6)), 14);
    expect(at(pe, [3, 5])).toBeCloseTo(Math.cos(3 / 100 ** (4 / 6)), 14);
    // The same numbers as the concatenated layout, columns permuted: pair i is column 2i/2i+1 there, i/i+3 here.
    const cat = sinusoidalEncoding(4, 6, { dtype: 'float64', base: 100, layout: 'concatenated' });
    for (let pos = 0; pos < 4; pos++) {
      for (let i = 0; i < 3; i++) {
        expect(at(pe, [pos, 2 * i])).toBe(at(cat, [pos, i]));
        expect(at(pe, [pos, 2 * i + 1])).toBe(at(cat, [pos, i + 3]));
      }
    }
    expect(Array.from(sinusoidalEncoding(1, 5, { layout: 'concatenated' }).data)).toEqual([0, 0, 0, 1, 1]);
  });

  it('rejects a bad layout or base', () => {
    expect(() => sinusoidalEncoding(2, 4, { layout: 'split' as never })).toThrow(
      "sinusoidalEncoding: layout must be 'interleaved' or 'concatenated'",
    );
    expect(() => sinusoidalEncoding(2, 4, { base: 0 })).toThrow('sinusoidalEncoding: base must be a positive number');
  });
});

describe('learnedPositions', () => {
  it('returns the table rows at the positions, for arrays and int32 tensors of any shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.nat(), { minLength: 0, maxLength: 10 }),
        fc.integer(),
        fc.constantFrom('contiguous', 'padded', 'transposed' as const),
        (rows, width, raw, seed, layout) => {
          const table = makeView([rows, width], seed, layout, 'float64');
          const positions = raw.map((p) => p % rows);
          const pe = learnedPositions(table, positions);
          expect(pe.shape).toEqual([positions.length, width]);
          expect(pe.dtype).toBe('float64');
          const expected = positions.flatMap((p) => Array.from({ length: width }, (_, e) => at(table, [p, e])));
          expect(elements(pe)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    const table = tensor([
      [0, 1],
      [10, 11],
      [20, 21],
    ]);
    // A [2, 2] int32 view read transposed: positions [[2, 1], [0, 2]].
    const index = makeTensor('int32', Int32Array.from([2, 0, 1, 2]), [2, 2], [1, 2]);
    const pe = learnedPositions(table, index);
    expect(pe.shape).toEqual([2, 2, 2]);
    expect(elements(pe)).toEqual([20, 21, 10, 11, 0, 1, 20, 21]);
  });

  it('says which position is beyond the table', () => {
    const table = tensor(Array.from({ length: 10 }, () => [0, 0, 0, 0]));
    expect(() => learnedPositions(table, [3, 12])).toThrow(
      'learnedPositions: position 12 is beyond the table [10,4] (it holds positions 0..9)',
    );
    expect(() => learnedPositions(table, [-1])).toThrow('learnedPositions: position -1 is beyond the table');
    expect(() => learnedPositions(table, [1.5])).toThrow('learnedPositions: positions[0] must be an integer');
    expect(() => learnedPositions(table, tensor([1, 2]) as never)).toThrow('learnedPositions: positions must be int32');
    expect(() => learnedPositions(tensor([1, 2]), [0])).toThrow('learnedPositions: table must have rank 2');
  });
});

/** RoPE the textbook way: pair m of row t as a complex number times e^{i (offset + t) theta_m}. */
function referenceRope(x: Tensor, layout: 'rotate-half' | 'interleaved', base: number, offset: number): number[] {
  const d = x.shape.at(-1)!;
  const t = x.shape.at(-2)!;
  const values = elements(x);
  const out = values.slice();
  for (let r = 0; r < values.length / d; r++) {
    const pos = offset + (r % t);
    for (let m = 0; m < d / 2; m++) {
      const [a, b] = layout === 'rotate-half' ? [m, m + d / 2] : [2 * m, 2 * m + 1];
      const angle = pos * base ** ((-2 * m) / d);
      const re = values[r * d + a];
      const im = values[r * d + b];
      out[r * d + a] = re * Math.cos(angle) - im * Math.sin(angle);
      out[r * d + b] = re * Math.sin(angle) + im * Math.cos(angle);
    }
  }
  return out;
}

const layoutArb = fc.constantFrom('rotate-half' as const, 'interleaved' as const);

describe('applyRope', () => {
  it('rotates every pair by (offset + t) theta_m, for any layout, base, offset and view', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 2 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 6 }),
        layoutArb,
        fc.constantFrom(10000, 500000, 10),
        fc.integer({ min: 0, max: 50 }),
        fc.integer(),
        fc.constantFrom('contiguous', 'padded', 'transposed' as const),
        fc.constantFrom('float32', 'float64' as const),
        (lead, t, half, layout, base, positionOffset, seed, view, dtype) => {
          const x = makeView([...lead, t, 2 * half], seed, view, dtype);
          const y = applyRope(x, { layout, base, positionOffset });
          expect(y.shape).toEqual(x.shape);
          expect(y.dtype).toBe(dtype);
          const tol = dtype === 'float32' ? 1e-6 : 1e-13;
          expect(maxError(elements(y), referenceRope(x, layout, base, positionOffset))).toBeLessThanOrEqual(tol);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('makes q_m . k_n depend only on m - n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        layoutArb,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer(),
        (half, layout, m, n, shift, seed) => {
          const d = 2 * half;
          const q = makeView([1, d], seed, 'contiguous', 'float64');
          const k = makeView([1, d], seed + 1, 'contiguous', 'float64');
          const dot = (a: Tensor, b: Tensor) => {
            const x = elements(a);
            const y = elements(b);
            return x.reduce((s, v, i) => s + v * y[i], 0);
          };
          const score = (pm: number, pn: number) =>
            dot(applyRope(q, { layout, positionOffset: pm }), applyRope(k, { layout, positionOffset: pn }));
          // Shifting both positions by the same amount leaves the score unchanged ...
          expect(Math.abs(score(m + shift, n + shift) - score(m, n))).toBeLessThanOrEqual(1e-9);
          // ... and the score is a function of m - n alone: the same as with the key at 0 and the query at m - n.
          if (m >= n) expect(Math.abs(score(m - n, 0) - score(m, n))).toBeLessThanOrEqual(1e-9);
          else expect(Math.abs(score(0, n - m) - score(m, n))).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rotate-half and interleaved differ only by where the pairs are, and keep lengths', () => {
    const x = makeView([5, 8], 7, 'contiguous', 'float64');
    const half = applyRope(x);
    const inter = applyRope(x, { layout: 'interleaved' });
    // Pair m is columns (m, m + 4) in rotate-half and (2m, 2m + 1) interleaved: move the columns and compare.
    const perm = [0, 4, 1, 5, 2, 6, 3, 7];
    const moved = makeTensor('float64', Float64Array.from(elements(x)), [5, 8]);
    const movedX = makeTensor(
      'float64',
      Float64Array.from({ length: 40 }, (_, e) => at(moved, [Math.floor(e / 8), perm[e % 8]])),
      [5, 8],
    );
    const rotated = applyRope(movedX, { layout: 'interleaved' });
    for (let t = 0; t < 5; t++) {
      for (let c = 0; c < 8; c++) expect(at(rotated, [t, c])).toBeCloseTo(at(half, [t, perm[c]]), 13);
      const norm = (y: Tensor) => Math.hypot(...Array.from({ length: 8 }, (_, c) => at(y, [t, c])));
      expect(norm(half)).toBeCloseTo(norm(x), 13);
      expect(norm(inter)).toBeCloseTo(norm(x), 13);
    }
    // Position 0 is not rotated at all; a later block with positionOffset continues the sequence.
    expect(elements(half).slice(0, 8)).toEqual(elements(x).slice(0, 8));
    const tail = makeTensor('float64', x.data, [2, 8], [8, 1], x.offset + 24);
    expect(maxError(elements(applyRope(tail, { positionOffset: 3 })), elements(half).slice(24))).toBe(0);
  });

  it('rejects odd widths, bad layouts and offsets', () => {
    expect(() => applyRope(tensor([[1, 2, 3]]))).toThrow('applyRope: the last axis of x (d = 3) must be even');
    expect(() => applyRope(tensor([1, 2]))).toThrow('applyRope: x must be [..., T, d], got [2]');
    expect(() => applyRope(tensor([[1, 2]]), { layout: 'gpt-neox' as never })).toThrow(
      "applyRope: layout must be 'rotate-half' or 'interleaved'",
    );
    expect(() => applyRope(tensor([[1, 2]]), { positionOffset: -1 })).toThrow(
      'applyRope: positionOffset must be a non-negative integer',
    );
    expect(() => applyRope(tensor([[1, 2]], { dtype: 'int32' }))).toThrow('applyRope: x must be float32 or float64');
  });
});

describe('RoPE helpers for charts', () => {
  it('ropeFrequencies and ropeAngles are base^(-2m/d) and (offset + p) theta_m', () => {
    expect(ropeFrequencies(4)).toEqual([1, 0.01]);
    const frequencies = ropeFrequencies(6, { base: 64 });
    expect(frequencies).toHaveLength(3);
    for (const [m, f] of [1, 0.25, 0.0625].entries()) expect(frequencies[m]).toBeCloseTo(f, 15);
    expect(ropeAngles(3, 4)).toEqual([
      [0, 0],
      [1, 0.01],
      [2, 0.02],
    ]);
    expect(ropeAngles(2, 2, { positionOffset: 5 })).toEqual([[5], [6]]);
    expect(() => ropeFrequencies(3)).toThrow('ropeFrequencies: dim must be a positive even integer');
    expect(() => ropeAngles(2, 5)).toThrow('ropeAngles: dim must be a positive even integer');
  });

  it('ropePair gives the columns of pair m before and after applyRope, with theta_m', () => {
    const x = makeView([4, 6], 3, 'padded', 'float64');
    for (const layout of ['rotate-half', 'interleaved'] as const) {
      const rotated = applyRope(x, { layout, positionOffset: 2 });
      const data = ropePair(x, 1, { layout, positionOffset: 2 });
      const [a, b] = layout === 'rotate-half' ? [1, 4] : [2, 3];
      expect(data.pair).toBe(1);
      expect(data.theta).toBeCloseTo(10000 ** (-2 / 6), 15);
      expect(data.before).toEqual([0, 1, 2, 3].map((t) => [at(x, [t, a]), at(x, [t, b])]));
      expect(data.after).toEqual([0, 1, 2, 3].map((t) => [at(rotated, [t, a]), at(rotated, [t, b])]));
    }
    expect(() => ropePair(x, 3)).toThrow('ropePair: pair must be an integer in [0, 3)');
  });
});

describe('ALiBi', () => {
  it('has the paper slopes for 8 heads: 1/2 .. 1/256', () => {
    expect(alibiSlopes(8)).toEqual([1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
  });

  it("has the paper slopes for 12 heads: 8 heads' slopes, then every other one of 16 heads' slopes", () => {
    const expected = [
      0.5,
      0.25,
      0.125,
      0.0625,
      0.03125,
      0.015625,
      0.0078125,
      0.00390625,
      // 2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5
      Math.SQRT1_2,
      0.35355339059327373,
      0.17677669529663687,
      0.08838834764831845,
    ];
    const slopes = alibiSlopes(12);
    expect(slopes).toHaveLength(12);
    for (const [h, m] of expected.entries()) expect(slopes[h]).toBeCloseTo(m, 15);
    expect(alibiSlopes(1)).toEqual([1 / 256]);
    expect(alibiSlopes(6)).toEqual([1 / 4, 1 / 16, 1 / 64, 1 / 256, 2 ** -1, 2 ** -3]);
    expect(() => alibiSlopes(0)).toThrow('alibiSlopes: heads must be a positive integer, got number 0');
  });

  it('builds -m (p_i - j), -Infinity after the query, aligned either way', () => {
    const b = alibiBias(2, 2, 3, { dtype: 'float64' });
    const inf = Number.NEGATIVE_INFINITY;
    // slopes for 2 heads: 1/16, 1/256; upper-left: query i at position i.
    expect(elements(b)).toEqual([0, inf, inf, -1 / 16, 0, inf, 0, inf, inf, -1 / 256, 0, inf]);
    const lr = alibiBias(1, 2, 3, { alignment: 'lower-right', dtype: 'float64' });
    expect(elements(lr)).toEqual([-1 / 256, 0, inf, -2 / 256, -1 / 256, 0]);
    const sym = alibiBias(1, 2, 3, { causal: false, dtype: 'float64' });
    expect(elements(sym)).toEqual([0, -1 / 256, -2 / 256, -1 / 256, 0, -1 / 256]);
    expect(alibiBias(4, 3, 3).dtype).toBe('float32');
    expect(() => alibiBias(2, 2, 2, { alignment: 'top' as never })).toThrow('alibiBias: alignment must be');
  });

  it('is a working attention mask: SDPA with it equals attention with the bias added by hand', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('upper-left', 'lower-right' as const),
        fc.integer(),
        (heads, tq, tk, alignment, seed) => {
          const q = makeView([2, heads, tq, 4], seed, 'contiguous', 'float64');
          const k = makeView([2, heads, tk, 4], seed + 1, 'contiguous', 'float64');
          const v = makeView([2, heads, tk, 3], seed + 2, 'contiguous', 'float64');
          const mask = alibiBias(heads, tq, tk, { alignment, dtype: 'float64' });
          const { output } = scaledDotProductAttention(q, k, v, { mask });
          // The oracle: causal by alignment, plus the bias written out from the slopes.
          const slopes = alibiSlopes(heads);
          const biasValues = new Float64Array(heads * tq * tk);
          for (let h = 0; h < heads; h++)
            for (let i = 0; i < tq; i++)
              for (let j = 0; j < tk; j++) {
                const p = alignment === 'lower-right' ? i + tk - tq : i;
                biasValues[(h * tq + i) * tk + j] = -slopes[h] * Math.abs(p - j);
              }
          const bias = makeTensor('float64', biasValues, [heads, tq, tk]);
          const ref = referenceAttention(q, k, v, { mask: bias, causal: alignment });
          expect(maxError(elements(output), ref.output)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 50 },
    );
  });
});
