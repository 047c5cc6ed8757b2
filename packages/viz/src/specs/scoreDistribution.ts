import type { Config } from 'vega-lite';
import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { CATEGORY_COLORS } from '../theme/theme.js';
import { probeRank } from './headGrid.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link scoreDistribution}. */
export interface ScoreDistributionOptions {
  /** Names of the two distributions (default `Q·Kᵀ` and `Q·Kᵀ/√d_k`). */
  labels?: readonly [string, string];
  /** Number of bins (default 60), shared by both histograms. */
  bins?: number;
  /** The chart title. */
  title?: string;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'scoreDistribution';

/**
 * Two histograms on one axis: the scores before and after scaling by 1/sqrt(d_k). Unscaled dot products of d_k
 * unit-variance components have standard deviation sqrt(d_k), which saturates the softmax; scaled ones have about 1.
 * Binning happens here, so the spec stays small whatever the number of scores; -Infinity (masked) is left out.
 *
 * Shapes: any shapes (flattened), e.g. `[query, key]` scores before and after.
 *
 * @example
 * import { scoreDistribution } from '@attn/viz';
 * const spec = scoreDistribution(scores, scaled); // both [128, 128]
 */
export function scoreDistribution(
  before: NumericInput,
  after: NumericInput,
  options: ScoreDistributionOptions = {},
): TopLevelSpec {
  const a = toGrid(FN, 'before', before, probeRank(before), { allowNegativeInfinity: true }).values.filter(
    Number.isFinite,
  );
  const b = toGrid(FN, 'after', after, probeRank(after), { allowNegativeInfinity: true }).values.filter(
    Number.isFinite,
  );
  if (a.length === 0 || b.length === 0)
    throw new RangeError(`${FN}: every score is masked (-Infinity); nothing to draw`);
  const [la, lb] = options.labels ?? ['Q·Kᵀ', 'Q·Kᵀ/√d_k'];
  const nbins = options.bins ?? 60;
  if (!(Number.isInteger(nbins) && nbins > 0 && nbins <= 1000))
    throw new RangeError(`${FN}: bins must be an integer in [1, 1000], got ${nbins}`);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of [...a, ...b]) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === hi) hi = lo + 1;
  const width = (hi - lo) / nbins;
  const stats = (xs: Float64Array) => {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    return { mean, sd };
  };
  const fmt = (x: number) => Number(x.toPrecision(3)).toString();
  const sa = stats(a);
  const sb = stats(b);
  const names = [`${la} (σ = ${fmt(sa.sd)})`, `${lb} (σ = ${fmt(sb.sd)})`];
  const histogram = (xs: Float64Array, name: string) => {
    const counts = new Array<number>(nbins).fill(0);
    for (const x of xs) counts[Math.min(nbins - 1, Math.floor((x - lo) / width))]++;
    return counts.map((count, k) => ({
      scores: name,
      start: lo + k * width,
      end: lo + (k + 1) * width,
      share: count / xs.length,
    }));
  };
  return {
    ...topLevel({ builder: 'scoreDistribution', renderer: rendererFor(2 * nbins), drawing: 'cells' }, options.config),
    title: {
      text: options.title ?? 'Why scores are scaled by 1/√d_k',
      subtitle: 'unscaled dot products spread with σ ≈ √d_k and saturate the softmax; scaled ones stay near σ ≈ 1',
    },
    width: 560,
    height: 260,
    data: { values: [...histogram(a, names[0]), ...histogram(b, names[1])] },
    mark: { type: 'bar', opacity: 0.65, binSpacing: 0 },
    encoding: {
      x: {
        field: 'start',
        type: 'quantitative',
        title: 'score',
        scale: { domain: [lo, hi], nice: false, zero: false },
      },
      x2: { field: 'end' },
      y: { field: 'share', type: 'quantitative', title: 'share of scores', axis: { format: '.0%' }, stack: null },
      y2: { datum: 0 },
      color: {
        field: 'scores',
        type: 'nominal',
        title: null,
        scale: { domain: names, range: [CATEGORY_COLORS[1], CATEGORY_COLORS[0]] },
        legend: { orient: 'top-right', labelLimit: 400 },
      },
      tooltip: [
        { field: 'scores', type: 'nominal' },
        { field: 'start', type: 'quantitative', title: 'from', format: '.3~g' },
        { field: 'end', type: 'quantitative', title: 'to', format: '.3~g' },
        { field: 'share', type: 'quantitative', format: '.2%' },
      ],
    },
  };
}
