import type { Config } from 'vega-lite';
import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { CATEGORY_COLORS } from '../theme/theme.js';
import type { TokenLabels } from './attentionWeights.js';
import { probeRank } from './headGrid.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link tokenLinks}. */
export interface TokenLinksOptions {
  /** The chart title. */
  title?: string;
  /** Lines for weights below this are left out (default 0.01): they would be invisible and slow. */
  minWeight?: number;
  /** Vertical pixels per token (default 18). */
  rowHeight?: number;
  /** Horizontal gap between the two token columns (default 180). */
  gap?: number;
  /** Names of the heads for the legend (default `head 0`, `head 1`, ...). */
  headLabels?: readonly string[];
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'tokenLinks';

// Both token columns live in one view, so a hover selection must ignore the other column's tokens (whose data
// lack its field), or hovering a query would also store an empty key and dim every line.
const hoverOn = (field: string) => `pointerover[event.item && event.item.datum && isValid(event.item.datum.${field})]`;

/**
 * BertViz's head view: queries on the left, keys on the right, a line from query i to key j whose opacity is the
 * weight, one colour per head. Hovering a token keeps only its lines; clicking a head in the legend shows that head.
 *
 * Shapes: `weights` `[query, key]` (one head) or `[head, query, key]`; `tokens` of length `query`, or `{ query, key }`.
 *
 * @example
 * import { tokenLinks } from '@attn/viz';
 * const spec = tokenLinks([[[1, 0], [0.4, 0.6]]], ['hello', 'world']);
 */
export function tokenLinks(weights: NumericInput, tokens: TokenLabels, options: TokenLinksOptions = {}): TopLevelSpec {
  const rank = probeRank(weights);
  if (rank !== 2 && rank !== 3)
    throw new RangeError(`${FN}: weights must be [query, key] or [head, query, key], got ${rank} axes`);
  const raw = toGrid(FN, 'weights', weights, rank);
  const [heads, q, k] = rank === 3 ? raw.shape : [1, ...raw.shape];
  if (tokens === undefined) throw new TypeError(`${FN}: tokens are required (the two columns are made of them)`);
  const queryTokens = toLabels(
    FN,
    'query tokens',
    Array.isArray(tokens) ? tokens : (tokens as { query: readonly string[] }).query,
    q,
  );
  const keyTokens = toLabels(
    FN,
    'key tokens',
    Array.isArray(tokens) ? tokens : (tokens as { key: readonly string[] }).key,
    k,
  );
  const headLabels = toLabels(
    FN,
    'headLabels',
    options.headLabels ?? Array.from({ length: heads }, (_, h) => `head ${h}`),
    heads,
  );
  const minWeight = options.minWeight ?? 0.01;
  const rowHeight = options.rowHeight ?? 18;
  const gap = options.gap ?? 180;
  const links: { head: string; query: number; key: number; weight: number }[] = [];
  const { values } = raw;
  for (let h = 0; h < heads; h++)
    for (let i = 0; i < q; i++)
      for (let j = 0; j < k; j++) {
        const w = values[(h * q + i) * k + j];
        if (w >= minWeight) links.push({ head: headLabels[h], query: i, key: j, weight: w });
      }
  const height = Math.max(q, k) * rowHeight;
  const y = (field: string, n: number) => ({
    field,
    type: 'ordinal' as const,
    scale: {
      type: 'point' as const,
      domain: Array.from({ length: Math.max(q, k) }, (_, i) => i).slice(0, Math.max(n, q, k)),
      padding: 0.5,
    },
    axis: null,
  });
  const emphasis = { and: [{ param: 'hoverQuery' }, { param: 'hoverKey' }, { param: 'pickHead' }] };
  return {
    ...topLevel({ builder: 'tokenLinks', renderer: rendererFor(links.length), drawing: 'cells' }, options.config),
    title: {
      text: options.title ?? (heads > 1 ? `Token to token attention, ${heads} heads` : 'Token to token attention'),
      subtitle: 'line opacity = weight; hover a token to isolate its lines, click a head in the legend',
    },
    width: gap,
    height,
    layer: [
      {
        data: { values: links },
        params: [{ name: 'pickHead', select: { type: 'point', fields: ['head'] }, bind: 'legend' }],
        mark: { type: 'rule', strokeWidth: heads > 2 ? 1.2 : 2, strokeCap: 'round' },
        encoding: {
          x: { value: 0 },
          x2: { value: gap },
          y: y('query', q),
          y2: { field: 'key' },
          color: {
            field: 'head',
            type: 'nominal',
            scale: { domain: headLabels, range: headLabels.map((_, h) => CATEGORY_COLORS[h % CATEGORY_COLORS.length]) },
            legend: {
              title: null,
              orient: 'right',
              offset: 48,
              symbolType: 'stroke',
              symbolStrokeWidth: 3,
              symbolOpacity: 1,
            },
          },
          opacity: {
            condition: {
              test: emphasis,
              field: 'weight',
              type: 'quantitative',
              scale: { domain: [0, 1], range: [0.05, 0.95] },
              legend: null,
            },
            value: 0.02,
          },
          tooltip: [
            { field: 'head', type: 'nominal' },
            { field: 'queryToken', type: 'nominal', title: 'query' },
            { field: 'keyToken', type: 'nominal', title: 'key' },
            { field: 'weight', type: 'quantitative', format: '.3f' },
          ],
        },
        transform: [
          { calculate: `${JSON.stringify(queryTokens)}[datum.query]`, as: 'queryToken' },
          { calculate: `${JSON.stringify(keyTokens)}[datum.key]`, as: 'keyToken' },
        ],
      },
      {
        data: { values: queryTokens.map((token, i) => ({ query: i, token })) },
        params: [
          {
            name: 'hoverQuery',
            select: { type: 'point', fields: ['query'], on: hoverOn('query'), clear: 'pointerout' },
          },
        ],
        mark: { type: 'text', align: 'right', baseline: 'middle', dx: -6, fontSize: 12 },
        encoding: {
          x: { value: 0 },
          y: y('query', q),
          text: { field: 'token' },
          size: { condition: { param: 'hoverQuery', empty: false, value: 14 }, value: 12 },
        },
      },
      {
        data: { values: keyTokens.map((token, j) => ({ key: j, token })) },
        params: [
          { name: 'hoverKey', select: { type: 'point', fields: ['key'], on: hoverOn('key'), clear: 'pointerout' } },
        ],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 12 },
        encoding: {
          x: { value: gap },
          y: y('key', k),
          text: { field: 'token' },
          size: { condition: { param: 'hoverKey', empty: false, value: 14 }, value: 12 },
        },
      },
    ],
  };
}
