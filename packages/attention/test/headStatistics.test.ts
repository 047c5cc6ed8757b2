import { makeTensor, tensor } from '@attn/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headSimilarity, headStatistics, rowStatistics, scaledDotProductAttention } from '../src/index.js';
import { makeBoolMask, makeView } from './support/arbitraries.js';

const LN2 = Math.log(2);

// Two heads, three queries, three keys. Head 0 attends to itself; head 1 spreads backwards.
const w = tensor(
  [
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    [
      [1, 0, 0],
      [0.5, 0.5, 0],
      [0.25, 0.25, 0.5],
    ],
  ],
  { dtype: 'float64' },
);

describe('rowStatistics', () => {
  it('matches hand-computed rows', () => {
    const rows = rowStatistics(w);
    expect(rows.entropy[0]).toEqual([0, 0, 0]);
    expect(rows.entropy[1][0]).toBe(0);
    expect(rows.entropy[1][1]).toBeCloseTo(LN2, 15);
    expect(rows.entropy[1][2]).toBeCloseTo(1.5 * LN2, 15); // -(2 * 0.25 ln 0.25 + 0.5 ln 0.5)
    expect(rows.maxWeight).toEqual([
      [1, 1, 1],
      [1, 0.5, 0.5],
    ]);
    expect(rows.meanDistance).toEqual([
      [0, 0, 0],
      [0, 0.5, 0.75], // row 2: 0.25 * 2 + 0.25 * 1 + 0.5 * 0
    ]);
    expect(rows.firstTokenWeight).toEqual([
      [1, 0, 0],
      [1, 0.5, 0.25],
    ]);
  });

  it('measures distance from where the query sits: upper-left or lower-right', () => {
    const one = tensor([[[0.5, 0.5, 0, 0]]]);
    expect(rowStatistics(one).meanDistance).toEqual([[0.5]]); // query at position 0
    expect(rowStatistics(one, { alignment: 'lower-right' }).meanDistance).toEqual([[2.5]]); // at position 3
    expect(() => rowStatistics(one, { alignment: 'middle' as never })).toThrow('rowStatistics: alignment must be');
  });
});

describe('headStatistics', () => {
  it('averages the rows per head, in records @attn/viz draws', () => {
    const records = headStatistics(w, { layer: 2 });
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({
      layer: 2,
      head: 0,
      entropy: 0,
      maxWeight: 1,
      meanDistance: 0,
      firstTokenWeight: 1 / 3,
    });
    const r = records[1];
    expect(r.head).toBe(1);
    expect(r.entropy).toBeCloseTo((2.5 * LN2) / 3, 15);
    expect(r.maxWeight).toBeCloseTo(2 / 3, 15);
    expect(r.meanDistance).toBeCloseTo(1.25 / 3, 15);
    expect(r.firstTokenWeight).toBeCloseTo(1.75 / 3, 15);
    expect(Object.keys(headStatistics(w)[0]).sort()).toEqual(
      ['entropy', 'firstTokenWeight', 'head', 'maxWeight', 'meanDistance'].sort(),
    );
  });

  it('leaves fully masked rows out of the means, over the batch too', () => {
    // Batch 2, one head, two queries: the second batch's first query attended to nothing.
    const b = makeTensor('float64', Float64Array.from([1, 0, 0.5, 0.5, 0, 0, 0, 1]), [2, 1, 2, 2]);
    const [r] = headStatistics(b);
    // Rows kept: [1, 0] (p 0), [0.5, 0.5] (p 1), [0, 1] (p 1).
    expect(r.maxWeight).toBeCloseTo((1 + 0.5 + 1) / 3, 15);
    expect(r.entropy).toBeCloseTo(LN2 / 3, 15);
    expect(r.meanDistance).toBeCloseTo((0 + 0.5 + 0) / 3, 15);
    expect(r.firstTokenWeight).toBeCloseTo((1 + 0.5 + 0) / 3, 15);
    const rows = rowStatistics(b);
    expect(rows.maxWeight).toEqual([
      [1, 0.5],
      [0, 1],
    ]);
    const none = headStatistics(makeTensor('float64', new Float64Array(4), [1, 2, 2]));
    expect(none).toEqual([{ head: 0, entropy: 0, maxWeight: 0, meanDistance: 0, firstTokenWeight: 0 }]);
  });

  it('stays within the bounds of each statistic for real attention weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (heads, tq, tk, seed) => {
          const q = makeView([heads, tq, 4], seed, 'contiguous', 'float64', 3);
          const k = makeView([heads, tk, 4], seed + 1, 'contiguous', 'float64', 3);
          const mask = makeBoolMask([heads, tq, tk], seed + 2);
          const { trace } = scaledDotProductAttention(q, k, k, { mask, trace: true });
          const rows = rowStatistics(trace.weights);
          for (const [h, r] of headStatistics(trace.weights).entries()) {
            expect(r.head).toBe(h);
            expect(r.entropy).toBeGreaterThanOrEqual(0);
            expect(r.entropy).toBeLessThanOrEqual(Math.log(tk) + 1e-12);
            expect(r.maxWeight).toBeLessThanOrEqual(1 + 1e-12);
            expect(r.meanDistance).toBeLessThanOrEqual(Math.max(tq, tk));
            expect(r.firstTokenWeight).toBeLessThanOrEqual(r.maxWeight + 1e-12);
            for (let i = 0; i < tq; i++) {
              if (rows.maxWeight[h][i] === 0) continue;
              expect(rows.maxWeight[h][i]).toBeGreaterThanOrEqual(1 / tk - 1e-12);
              expect(rows.entropy[h][i]).toBeLessThanOrEqual(Math.log(tk) + 1e-12);
            }
          }
          const cos = headSimilarity(trace.weights);
          const js = headSimilarity(trace.weights, { metric: 'jensen-shannon' });
          for (let a = 0; a < heads; a++) {
            for (let c = 0; c < heads; c++) {
              expect(cos[a][c]).toBe(cos[c][a]);
              expect(cos[a][c]).toBeGreaterThanOrEqual(0);
              expect(cos[a][c]).toBeLessThanOrEqual(1 + 1e-12);
              expect(js[a][c]).toBe(js[c][a]);
              expect(js[a][c]).toBeGreaterThanOrEqual(0);
              expect(js[a][c]).toBeLessThanOrEqual(LN2 + 1e-12);
            }
            expect(js[a][a]).toBeLessThanOrEqual(1e-15);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects weights that are not [H, Tq, Tk] or [B, H, Tq, Tk], and a bad layer', () => {
    expect(() => headStatistics(tensor([[1, 0]]))).toThrow(
      'headStatistics: weights must be [heads, Tq, Tk] or [batch, heads, Tq, Tk] (attention weights), got [1,2]',
    );
    expect(() => headStatistics(w, { layer: 0.5 })).toThrow('headStatistics: layer must be an integer');
    expect(() => headSimilarity(tensor([[[1]]], { dtype: 'int32' }))).toThrow(
      'headSimilarity: weights must be float32 or float64',
    );
  });
});

describe('headSimilarity', () => {
  it('matches hand-computed cosine and Jensen-Shannon values', () => {
    const cos = headSimilarity(w);
    expect(cos[0][0]).toBeCloseTo(1, 15);
    expect(cos[1][1]).toBeCloseTo(1, 15);
    // dot = 1 + 0.5 + 0.5 = 2; |h0|^2 = 3; |h1|^2 = 1 + 0.5 + 0.375 = 1.875.
    expect(cos[0][1]).toBeCloseTo(2 / Math.sqrt(3 * 1.875), 15);
    const js = headSimilarity(w, { metric: 'jensen-shannon' });
    expect(js[0][0]).toBe(0);
    // Row 0: identical (0). Rows 1 and 2 each: 0.5 ln(4/3) + 0.25 ln 2 + 0.25 ln(2/3).
    const row = 0.5 * Math.log(4 / 3) + 0.25 * LN2 + 0.25 * Math.log(2 / 3);
    expect(js[0][1]).toBeCloseTo((2 * row) / 3, 15);
    const disjoint = tensor([[[1, 0]], [[0, 1]]]);
    expect(headSimilarity(disjoint, { metric: 'jensen-shannon' })[0][1]).toBeCloseTo(LN2, 7);
    expect(headSimilarity(disjoint)[0][1]).toBe(0);
    expect(() => headSimilarity(w, { metric: 'kl' as never })).toThrow(
      "headSimilarity: metric must be 'cosine' or 'jensen-shannon'",
    );
  });
});
