import type { Tensor } from '@attn/tensor';
import { describe } from '../internal/validate.js';
import type { HeadStatRecord } from './HeadStatRecord.js';
import { readWeights } from './readWeights.js';
import { type RowStatisticsOptions, rowStatistics } from './rowStatistics.js';

/** Options of {@link headStatistics}. */
export interface HeadStatisticsOptions extends RowStatisticsOptions {
  /** Written into every record, to tell the layers apart when heads of several layers are plotted together. */
  layer?: number;
}

/**
 * One summary record per head: the means over query rows (and the batch) of {@link rowStatistics}: entropy,
 * max weight, mean attended distance and first-token weight. Fully masked rows (all weights 0) are left out of
 * the means; a head with no other row gets zeros. The records are what `@attn/viz`'s `headStats` draws.
 *
 * Shapes: weights `[H, Tq, Tk]` or `[B, H, Tq, Tk]` -> H records.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { headStatistics, initMultiHeadAttention, multiHeadAttention } from '@attn/attention';
 * const params = initMultiHeadAttention({ embedDim: 32, numHeads: 4, seed: 1 });
 * const x = randn([1, 10, 32], { seed: 2 });
 * const { trace } = multiHeadAttention(x, x, x, params, { causal: true, trace: true });
 * const records = headStatistics(trace.attention.weights); // [{ head: 0, entropy, maxWeight, ... }, ...]
 */
export function headStatistics(weights: Tensor, options: HeadStatisticsOptions = {}): HeadStatRecord[] {
  const fn = 'headStatistics';
  const { batch, heads, tq, tk, values } = readWeights(fn, weights);
  if (options.layer !== undefined && !Number.isInteger(options.layer)) {
    throw new TypeError(`${fn}: layer must be an integer, got ${describe(options.layer)}`);
  }
  const rows = rowStatistics(weights, { alignment: options.alignment });
  const records: HeadStatRecord[] = [];
  for (let h = 0; h < heads; h++) {
    let count = 0;
    const sum = { entropy: 0, maxWeight: 0, meanDistance: 0, firstTokenWeight: 0 };
    for (let b = 0; b < batch; b++) {
      const n = b * heads + h;
      for (let i = 0; i < tq; i++) {
        let total = 0;
        for (let j = 0; j < tk; j++) total += values[(n * tq + i) * tk + j];
        if (total === 0) continue; // a query that attended to nothing says nothing about the head
        count++;
        sum.entropy += rows.entropy[n][i];
        sum.maxWeight += rows.maxWeight[n][i];
        sum.meanDistance += rows.meanDistance[n][i];
        sum.firstTokenWeight += rows.firstTokenWeight[n][i];
      }
    }
    const mean = (x: number) => (count === 0 ? 0 : x / count);
    const record: HeadStatRecord = {
      head: h,
      entropy: mean(sum.entropy),
      maxWeight: mean(sum.maxWeight),
      meanDistance: mean(sum.meanDistance),
      firstTokenWeight: mean(sum.firstTokenWeight),
    };
    records.push(options.layer === undefined ? record : { layer: options.layer, ...record });
  }
  return records;
}
