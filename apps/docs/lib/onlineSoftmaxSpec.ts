import { CATEGORY_COLORS, MASKED_COLOR, theme } from '@attn/viz';
import type { TopLevelSpec } from 'vega-lite';

/** One block of keys as the online softmax saw it, for one query. */
export interface OnlineSoftmaxBlock {
  /** First key of the block. */
  keyStart: number;
  /** One past its last key. */
  keyEnd: number;
  /** The running maximum m after the block (−Infinity while no allowed key has been seen). */
  runningMax: number;
}

/**
 * One query's scaled scores, one bar per key, with the key blocks shaded and the running maximum m drawn as a step
 * after each block: how FlashAttention's online softmax walks along a row. Masked keys (−Infinity) are grey crosses.
 *
 * Shapes: `scores` `[keys]`; `blocks` in key order.
 * @example
 * onlineSoftmaxSpec([0.3, -1.2, 2.0, 0.1], [{ keyStart: 0, keyEnd: 2, runningMax: 0.3 }, { keyStart: 2, keyEnd: 4, runningMax: 2 }]);
 */
export function onlineSoftmaxSpec(
  scores: ArrayLike<number>,
  blocks: readonly OnlineSoftmaxBlock[],
  { title = 'Online softmax along one row', subtitle = '' }: { title?: string; subtitle?: string } = {},
): TopLevelSpec {
  const blockOf = (j: number) => blocks.findIndex((b) => j >= b.keyStart && j < b.keyEnd);
  const keys = Array.from({ length: scores.length }, (_, j) => {
    const s = scores[j];
    const masked = !Number.isFinite(s);
    return { key: j, lo: j - 0.4, hi: j + 0.4, score: masked ? 0 : s, masked, block: blockOf(j) };
  });
  const finite = keys.filter((k) => !k.masked).map((k) => k.score);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const pad = (hi - lo) * 0.08 || 1;
  const shaded = blocks.map((b, i) => ({
    block: i,
    label: `block ${i + 1}`,
    x0: b.keyStart - 0.5,
    x1: b.keyEnd - 0.5,
    max: Number.isFinite(b.runningMax) ? b.runningMax : null,
    odd: i % 2 === 1,
  }));
  const x = { type: 'quantitative' as const, scale: { domain: [-0.5, scores.length - 0.5], nice: false, zero: false } };
  const y = { type: 'quantitative' as const, scale: { domain: [lo - pad, hi + pad], nice: false } };
  // The layers share both scales: their domains are set once, on the bars, and the other layers join them.
  const q = { type: 'quantitative' as const };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: theme,
    usermeta: { renderer: 'svg' },
    title: { text: title, ...(subtitle ? { subtitle } : {}) },
    description:
      'Bars are the scaled scores of one query against every key (grey crosses: keys the mask hides); shaded bands are the key blocks; the orange step is the running maximum after each block.',
    width: 'container',
    height: 220,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      {
        data: { values: shaded },
        mark: { type: 'rect', opacity: 0.09, color: '#555' },
        transform: [{ filter: 'datum.odd' }],
        encoding: { x: { field: 'x0', ...q, title: 'key j' }, x2: { field: 'x1' } },
      },
      {
        data: { values: keys },
        mark: { type: 'rect', color: CATEGORY_COLORS[0] },
        transform: [{ filter: '!datum.masked' }],
        encoding: {
          x: { field: 'lo', ...x, title: 'key j' },
          x2: { field: 'hi' },
          y: { field: 'score', ...y, title: 'scaled score s_ij' },
          y2: { datum: 0 },
          tooltip: [
            { field: 'key', type: 'quantitative', title: 'key' },
            { field: 'score', type: 'quantitative', title: 'score', format: '.3f' },
          ],
        },
      },
      {
        data: { values: keys },
        mark: { type: 'point', shape: 'cross', filled: true, size: 60, color: MASKED_COLOR },
        transform: [{ filter: 'datum.masked' }],
        encoding: { x: { field: 'key', ...q }, y: { datum: 0, ...q } },
      },
      {
        data: { values: shaded },
        mark: { type: 'rule', color: CATEGORY_COLORS[1], strokeWidth: 3 },
        transform: [{ filter: 'datum.max !== null' }],
        encoding: {
          x: { field: 'x0', ...q },
          x2: { field: 'x1' },
          y: { field: 'max', ...q },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'after' },
            { field: 'max', type: 'quantitative', title: 'running max m', format: '.3f' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
