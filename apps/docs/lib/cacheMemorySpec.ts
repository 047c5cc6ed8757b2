import { CATEGORY_COLORS, theme } from '@attn/viz';
import type { TopLevelSpec } from 'vega-lite';

/** What a KV cache reported after one call: tokens it holds, bytes in use and bytes allocated. */
export interface CacheMemoryPoint {
  tokens: number;
  used: number;
  allocated: number;
}

/** The cache's size after each call, for one layout of key/value heads. */
export interface CacheMemorySeries {
  /** e.g. "8 kv heads (multi-head)". */
  label: string;
  /** One point per call (prefill, then each decoded token), in order. */
  points: readonly CacheMemoryPoint[];
  /** Draw this one emphasised, with its allocated capacity (the layer on the page). */
  current?: boolean;
}

/**
 * Memory a KV cache holds as tokens are decoded, one line per key/value head count: bytes in use (solid) and, for
 * the current layout, bytes allocated (dashed, growing by doubling).
 *
 * Shapes: every series holds one point per call, in the order of the calls.
 * @example
 * cacheMemorySpec([{ label: '8 kv heads', current: true, points: [{ tokens: 6, used: 3072, allocated: 8192 }] }]);
 */
export function cacheMemorySpec(
  series: readonly CacheMemorySeries[],
  {
    title = 'What the cache holds',
    subtitle = 'after each call; dashed: the capacity reserved (it doubles)',
  }: { title?: string; subtitle?: string } = {},
): TopLevelSpec {
  const rows = series.flatMap((s) =>
    s.points.flatMap((p) => [
      { tokens: p.tokens, kib: p.used / 1024, series: s.label, kind: 'in use', current: Boolean(s.current) },
      ...(s.current
        ? [{ tokens: p.tokens, kib: p.allocated / 1024, series: s.label, kind: 'allocated', current: true }]
        : []),
    ]),
  );
  const labels = series.map((s) => s.label);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: theme,
    usermeta: { renderer: 'svg' },
    title: { text: title, subtitle },
    description:
      'Kibibytes of cached keys and values against the number of tokens cached, one line per number of key/value heads; dashed: the capacity reserved, which doubles when full.',
    width: 'container',
    height: 240,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: rows },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: { field: 'tokens', type: 'quantitative', title: 'tokens cached', scale: { nice: false } },
      y: { field: 'kib', type: 'quantitative', title: 'KiB' },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: labels, range: CATEGORY_COLORS.slice(0, labels.length) as string[] },
        legend: { orient: 'bottom', direction: 'vertical' },
      },
      strokeDash: {
        field: 'kind',
        type: 'nominal',
        title: null,
        scale: {
          domain: ['in use', 'allocated'],
          range: [
            [1, 0],
            [5, 4],
          ],
        },
        legend: { orient: 'bottom', direction: 'vertical' },
      },
      strokeWidth: { condition: { test: 'datum.current', value: 3 }, value: 1.5 },
      tooltip: [
        { field: 'series', type: 'nominal', title: 'layout' },
        { field: 'kind', type: 'nominal' },
        { field: 'tokens', type: 'quantitative' },
        { field: 'kib', type: 'quantitative', title: 'KiB', format: '.2f' },
      ],
    },
  } as TopLevelSpec;
}
