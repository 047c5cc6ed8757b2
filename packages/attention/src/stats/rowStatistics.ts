import type { Tensor } from '@attn/tensor';
import { type CausalAlignment, causalLimit } from '../attention/causalMask.js';
import { readAlignment, readWeights } from './readWeights.js';

/** Options of {@link rowStatistics} and {@link headStatistics}. */
export interface RowStatisticsOptions {
  /**
   * Where query i sits among the keys, for distances: at position i (`'upper-left'`, default) or at
   * i + Tk - Tq (`'lower-right'`, as the queries of a decoding step after the cached keys). Same when Tq = Tk.
   */
  alignment?: CausalAlignment;
}

/** Statistics of every row of attention weights; `[n][i]` with n = b * heads + h (just h for 3-D weights). */
export interface RowStatistics {
  /** -sum_j w_ij ln w_ij (nats; 0 ln 0 = 0). */
  entropy: number[][];
  /** max_j w_ij. */
  maxWeight: number[][];
  /** sum_j w_ij |p_i - j|, p_i the query's position. */
  meanDistance: number[][];
  /** w_i0. */
  firstTokenWeight: number[][];
}

/**
 * Per-row statistics of attention weights: the entropy of each query's distribution over keys, its largest
 * weight, the mean distance it attends over, and its weight on the first token. A fully masked row (all
 * weights 0) gets 0 for all four.
 *
 * Shapes: weights `[H, Tq, Tk]` or `[B, H, Tq, Tk]` -> four `[B * H][Tq]` arrays.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { rowStatistics } from '@attn/attention';
 * const w = tensor([[[1, 0], [0.5, 0.5]]]);         // one head, two queries
 * rowStatistics(w).entropy;                          // [[0, 0.693...]]: ln 2 for the even row
 * rowStatistics(w).meanDistance;                     // [[0, 0.5]]
 */
export function rowStatistics(weights: Tensor, options: RowStatisticsOptions = {}): RowStatistics {
  const fn = 'rowStatistics';
  const w = readWeights(fn, weights);
  const alignment = readAlignment(fn, options.alignment);
  const { batch, heads, tq, tk, values } = w;
  const out: RowStatistics = { entropy: [], maxWeight: [], meanDistance: [], firstTokenWeight: [] };
  for (let n = 0; n < batch * heads; n++) {
    const entropy: number[] = [];
    const maxWeight: number[] = [];
    const meanDistance: number[] = [];
    const first: number[] = [];
    for (let i = 0; i < tq; i++) {
      const row = (n * tq + i) * tk;
      const p = causalLimit(i, tq, tk, alignment);
      let h = 0;
      let max = 0;
      let dist = 0;
      for (let j = 0; j < tk; j++) {
        const x = values[row + j];
        if (x > 0) h -= x * Math.log(x);
        if (x > max) max = x;
        dist += x * Math.abs(p - j);
      }
      // -0 from a row of one weight 1 reads better as 0.
      entropy.push(h + 0);
      maxWeight.push(max);
      meanDistance.push(dist);
      first.push(tk > 0 ? values[row] : 0);
    }
    out.entropy.push(entropy);
    out.maxWeight.push(maxWeight);
    out.meanDistance.push(meanDistance);
    out.firstTokenWeight.push(first);
  }
  return out;
}
