import type { Config } from 'vega-lite';
import { toGrid } from '../input/toGrid.js';
import { colorScale } from '../theme/colorScale.js';
import { CATEGORY_COLORS, SEQUENTIAL_SCHEME } from '../theme/theme.js';
import type { HeadStatRecord } from '../trace/HeadStatRecord.js';
import { matrixLayer } from './matrixLayer.js';
import { topLevel } from './meta.js';
import type { NonNormalizedSpec, TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link headStats}. */
export interface HeadStatsOptions {
  /** `[head, head]` similarity between heads (e.g. cosine of their weight matrices), drawn as a heatmap. */
  similarity?: readonly (readonly number[])[];
  /** The chart title. */
  title?: string;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'headStats';

const METRICS = [
  { field: 'entropy', title: 'entropy (nats)', hint: 'low = focused' },
  { field: 'maxWeight', title: 'max weight', hint: 'high = one key dominates' },
  { field: 'meanDistance', title: 'mean distance', hint: 'how far back it looks' },
  { field: 'firstTokenWeight', title: 'first-token weight', hint: 'attention sink' },
] as const;

/**
 * One row per head and one bar chart per statistic (entropy, max weight, mean distance, first-token weight),
 * sortable by any of them (a drop-down in the page), and a scatter of entropy against mean distance where a brush
 * selects heads and highlights their bars. With `similarity`, a head-by-head heatmap too.
 *
 * Shapes: `stats` one record per head (and layer); `similarity` `[heads, heads]` in the same order.
 *
 * @example
 * import { headStats } from '@attn/viz';
 * const spec = headStats([
 *   { head: 0, entropy: 0.4, maxWeight: 0.9, meanDistance: 0.2, firstTokenWeight: 0.05 },
 *   { head: 1, entropy: 2.1, maxWeight: 0.3, meanDistance: 6.5, firstTokenWeight: 0.4 },
 * ]);
 */
export function headStats(stats: readonly HeadStatRecord[], options: HeadStatsOptions = {}): TopLevelSpec {
  if (!Array.isArray(stats) || stats.length === 0)
    throw new RangeError(`${FN}: stats must be a non-empty array of head records`);
  const rows = stats.map((s, n) => {
    if (typeof s !== 'object' || s === null || !Number.isInteger(s.head))
      throw new TypeError(`${FN}: stats[${n}] has no integer head`);
    for (const m of METRICS) {
      if (typeof s[m.field] !== 'number' || !Number.isFinite(s[m.field])) {
        throw new RangeError(`${FN}: stats[${n}].${m.field} is ${s[m.field]}, expected a finite number`);
      }
    }
    const label = s.layer === undefined ? `head ${s.head}` : `L${s.layer} H${s.head}`;
    return {
      label,
      layer: s.layer ?? 0,
      head: s.head,
      entropy: s.entropy,
      maxWeight: s.maxWeight,
      meanDistance: s.meanDistance,
      firstTokenWeight: s.firstTokenWeight,
    };
  });
  const labels = rows.map((r) => r.label);
  if (new Set(labels).size !== labels.length)
    throw new RangeError(`${FN}: two records describe the same head (${labels.join(', ')})`);
  const barHeight = Math.max(10, Math.min(22, 360 / rows.length));
  const bars: NonNormalizedSpec[] = METRICS.map((m, k) => ({
    width: 150,
    height: { step: barHeight },
    mark: { type: 'bar' as const },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal' as const,
        title: k === 0 ? 'head' : null,
        sort: { field: 'sortKey', order: 'descending' as const },
        axis: k === 0 ? {} : { labels: false, ticks: false },
      },
      x: { field: m.field, type: 'quantitative' as const, title: m.title, axis: { tickCount: 4 } },
      color: { condition: { param: 'brush', value: CATEGORY_COLORS[0] }, value: '#c9d3df' },
      tooltip: [
        { field: 'label', type: 'nominal' as const, title: 'head' },
        ...METRICS.map((x) => ({ field: x.field, type: 'quantitative' as const, title: x.title, format: '.3f' })),
      ],
    },
  }));
  const scatter: NonNormalizedSpec = {
    width: 260,
    height: 220,
    params: [{ name: 'brush', select: { type: 'interval', encodings: ['x', 'y'] } }],
    mark: { type: 'point', filled: true, size: 90 },
    encoding: {
      x: { field: 'meanDistance', type: 'quantitative', title: 'mean distance (tokens)' },
      y: { field: 'entropy', type: 'quantitative', title: 'entropy (nats)' },
      color: { condition: { param: 'brush', value: CATEGORY_COLORS[0] }, value: '#c9d3df' },
      tooltip: [{ field: 'label', type: 'nominal', title: 'head' }],
    },
  };
  const top: NonNormalizedSpec[] = [scatter];
  if (options.similarity !== undefined) {
    const sim = toGrid(FN, 'similarity', options.similarity, 2);
    if (sim.shape[0] !== rows.length || sim.shape[1] !== rows.length) {
      throw new RangeError(`${FN}: similarity is [${sim.shape.join(',')}] but there are ${rows.length} heads`);
    }
    const choice = colorScale(sim.values);
    top.push({
      data: { values: [] },
      ...matrixLayer({
        grid: sim,
        rowLabels: labels,
        colLabels: labels,
        rowTitle: 'head',
        colTitle: 'head',
        valueTitle: 'similarity',
        scale: choice.kind === 'sequential' ? { ...choice, scheme: SEQUENTIAL_SCHEME } : choice,
        cellSize: Math.max(6, Math.min(24, 220 / rows.length)),
        image: false,
        title: 'similarity between heads',
      }),
    } as NonNormalizedSpec);
  }
  return {
    ...topLevel({ builder: 'headStats', renderer: 'svg' }, options.config),
    title: {
      text: options.title ?? 'What each head does',
      subtitle: 'drag on the scatter to select heads; sort with the menu below',
    },
    params: [
      {
        name: 'sortBy',
        value: 'entropy',
        bind: {
          input: 'select',
          options: METRICS.map((m) => m.field),
          labels: METRICS.map((m) => m.title),
          name: 'sort heads by ',
        },
      },
    ],
    data: { values: rows },
    transform: [{ calculate: 'datum[sortBy]', as: 'sortKey' }],
    vconcat: [{ hconcat: top, resolve: { scale: { color: 'independent', stroke: 'independent' } } }, { hconcat: bars }],
  };
}
