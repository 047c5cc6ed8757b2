import type { Tensor } from '@attn/tensor';
import { readWeights } from './readWeights.js';

/**
 * How {@link headSimilarity} compares two heads:
 * - `'cosine'`: cosine of the two weight maps flattened (1 = the same pattern, 0 = disjoint);
 * - `'jensen-shannon'`: the mean over query rows of the Jensen-Shannon divergence between the two heads' rows,
 *   in nats (0 = identical, ln 2 = disjoint): a divergence, not a similarity.
 */
export type HeadSimilarityMetric = 'cosine' | 'jensen-shannon';

/** Options of {@link headSimilarity}. */
export interface HeadSimilarityOptions {
  /** Default `'cosine'`. */
  metric?: HeadSimilarityMetric;
}

/**
 * Head-by-head comparison of attention weight maps, to find redundant heads. `'cosine'` (default) gives a
 * similarity (1 on the diagonal; 0 when a head has no weight at all), ready for `@attn/viz`'s
 * `headStats(records, { similarity })`; `'jensen-shannon'` gives the mean divergence per query row
 * JSD(P, Q) = (KL(P || M) + KL(Q || M)) / 2 with M = (P + Q) / 2, in nats, over rows where both heads attend
 * somewhere (0 when there are none).
 *
 * Shapes: weights `[H, Tq, Tk]` or `[B, H, Tq, Tk]` -> `[H][H]`, symmetric.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { headSimilarity } from '@attn/attention';
 * const w = tensor([[[1, 0]], [[0, 1]], [[1, 0]]]);            // three heads, one query, two keys
 * headSimilarity(w);                                            // [[1, 0, 1], [0, 1, 0], [1, 0, 1]]
 * headSimilarity(w, { metric: 'jensen-shannon' })[0][1];        // ln 2 = 0.693...
 */
export function headSimilarity(weights: Tensor, options: HeadSimilarityOptions = {}): number[][] {
  const fn = 'headSimilarity';
  const { batch, heads, tq, tk, values } = readWeights(fn, weights);
  const metric = options.metric ?? 'cosine';
  if (metric !== 'cosine' && metric !== 'jensen-shannon') {
    throw new RangeError(`${fn}: metric must be 'cosine' or 'jensen-shannon', got ${JSON.stringify(metric)}`);
  }
  const rowStart = (b: number, h: number, i: number) => ((b * heads + h) * tq + i) * tk;
  const result = Array.from({ length: heads }, () => new Array<number>(heads).fill(0));
  for (let a = 0; a < heads; a++) {
    for (let c = a; c < heads; c++) {
      const value = metric === 'cosine' ? cosine(a, c) : jensenShannon(a, c);
      result[a][c] = value;
      result[c][a] = value;
    }
  }
  return result;

  function cosine(a: number, c: number): number {
    let dot = 0;
    let na = 0;
    let nc = 0;
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < tq; i++) {
        const ra = rowStart(b, a, i);
        const rc = rowStart(b, c, i);
        for (let j = 0; j < tk; j++) {
          dot += values[ra + j] * values[rc + j];
          na += values[ra + j] ** 2;
          nc += values[rc + j] ** 2;
        }
      }
    }
    return na === 0 || nc === 0 ? 0 : dot / Math.sqrt(na * nc);
  }

  function jensenShannon(a: number, c: number): number {
    let total = 0;
    let rows = 0;
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < tq; i++) {
        const ra = rowStart(b, a, i);
        const rc = rowStart(b, c, i);
        let sa = 0;
        let sc = 0;
        for (let j = 0; j < tk; j++) {
          sa += values[ra + j];
          sc += values[rc + j];
        }
        if (sa === 0 || sc === 0) continue;
        let js = 0;
        for (let j = 0; j < tk; j++) {
          const p = values[ra + j];
          const q = values[rc + j];
          const m = (p + q) / 2;
          if (p > 0) js += 0.5 * p * Math.log(p / m);
          if (q > 0) js += 0.5 * q * Math.log(q / m);
        }
        total += Math.max(0, js); // rounding can leave -1e-17 for identical rows
        rows++;
      }
    }
    return rows === 0 ? 0 : total / rows;
  }
}
