import type { Config } from 'vega-lite';
import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { MASKED_COLOR, SEQUENTIAL_SCHEME } from '../theme/theme.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/**
 * What {@link ropeRotation} draws: one 2-D pair of coordinates of a query (or key) vector at each position,
 * before and after RoPE rotates it by `position * theta`.
 */
export interface RopeRotationInput {
  /** `[position, 2]`: the pair (x_{2m}, x_{2m+1}) before rotation, per position. */
  before: NumericInput;
  /** `[position, 2]`: the same pair after rotation by `position * theta`. */
  after: NumericInput;
  /** The pair's frequency theta_m = 10000^(-2m/d), for the subtitle. */
  theta?: number;
  /** Which pair m of the d/2 pairs this is, for the title. */
  pair?: number;
  /** A label per position (tokens); default the position index. */
  tokens?: readonly string[];
}

/** Options of {@link ropeRotation}. */
export interface RopeRotationOptions {
  /** The chart title. */
  title?: string;
  /** Side of the square plot in pixels (default 420). */
  size?: number;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'ropeRotation';

/**
 * Rotary position embedding (RoPE) for one frequency pair: each position's 2-D pair, before (hollow grey) and after
 * (filled, coloured by position) rotation by `position * theta`, with an arc-free chord from one to the other and a
 * spoke from the origin. The angle between two rotated vectors depends only on their distance, which is the point.
 *
 * Shapes: `before` and `after` `[position, 2]`.
 *
 * @example
 * import { ropeRotation } from '@attn/viz';
 * const theta = 0.5;
 * const before = [[1, 0], [1, 0], [1, 0]];
 * const after = before.map(([x, y], p) => [x * Math.cos(p * theta) - y * Math.sin(p * theta), x * Math.sin(p * theta) + y * Math.cos(p * theta)]);
 * const spec = ropeRotation({ before, after, theta, pair: 0 });
 */
export function ropeRotation(input: RopeRotationInput, options: RopeRotationOptions = {}): TopLevelSpec {
  if (typeof input !== 'object' || input === null)
    throw new TypeError(`${FN}: input must be { before, after, theta?, pair?, tokens? }`);
  const before = toGrid(FN, 'before', input.before, 2);
  const after = toGrid(FN, 'after', input.after, 2);
  if (before.shape[1] !== 2 || after.shape[1] !== 2) {
    throw new RangeError(
      `${FN}: before and after must be [position, 2], got [${before.shape.join(',')}] and [${after.shape.join(',')}]`,
    );
  }
  if (before.shape[0] !== after.shape[0]) {
    throw new RangeError(`${FN}: before has ${before.shape[0]} positions but after has ${after.shape[0]}`);
  }
  const n = before.shape[0];
  const labels = toLabels(FN, 'tokens', input.tokens, n);
  let r = 0;
  for (const v of [...before.values, ...after.values]) r = Math.max(r, Math.abs(v));
  r = r > 0 ? r * 1.15 : 1;
  const points = Array.from({ length: n }, (_, p) => ({
    position: p,
    label: labels[p],
    x0: before.values[2 * p],
    y0: before.values[2 * p + 1],
    x1: after.values[2 * p],
    y1: after.values[2 * p + 1],
    zero: 0,
  }));
  const size = options.size ?? 420;
  const axis = (title: string) => ({ type: 'quantitative' as const, title, scale: { domain: [-r, r], nice: false } });
  const color = {
    field: 'position',
    type: 'quantitative' as const,
    scale: { scheme: SEQUENTIAL_SCHEME },
    title: 'position',
  };
  const fmt = (x: number) => Number(x.toPrecision(3)).toString();
  const m = input.pair;
  return {
    ...topLevel({ builder: 'ropeRotation', renderer: rendererFor(4 * n), drawing: 'cells' }, options.config),
    title: {
      text: options.title ?? `RoPE: rotating pair ${m === undefined ? '' : `m = ${m} `}by position × θ`,
      subtitle:
        input.theta === undefined
          ? 'grey: before rotation; colour: after'
          : `θ = ${fmt(input.theta)} rad per position; grey: before, colour: after`,
    },
    width: size,
    height: size,
    data: { values: points },
    layer: [
      { mark: { type: 'rule', color: '#ccc' }, encoding: { x: { datum: 0, ...axis(`x_{2m}`) } } },
      { mark: { type: 'rule', color: '#ccc' }, encoding: { y: { datum: 0, ...axis(`x_{2m+1}`) } } },
      {
        mark: { type: 'rule', strokeWidth: 1, opacity: 0.5 },
        encoding: {
          x: { field: 'zero', ...axis('x_{2m}') },
          y: { field: 'zero', ...axis('x_{2m+1}') },
          x2: { field: 'x1' },
          y2: { field: 'y1' },
          color,
        },
      },
      {
        mark: { type: 'rule', strokeDash: [3, 3], color: MASKED_COLOR },
        encoding: {
          x: { field: 'x0', ...axis('x_{2m}') },
          y: { field: 'y0', ...axis('x_{2m+1}') },
          x2: { field: 'x1' },
          y2: { field: 'y1' },
        },
      },
      {
        mark: { type: 'point', filled: false, color: MASKED_COLOR, size: 50 },
        encoding: { x: { field: 'x0', ...axis('x_{2m}') }, y: { field: 'y0', ...axis('x_{2m+1}') } },
      },
      {
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          x: { field: 'x1', ...axis('x_{2m}') },
          y: { field: 'y1', ...axis('x_{2m+1}') },
          color,
          tooltip: [
            { field: 'label', type: 'nominal', title: 'token' },
            { field: 'position', type: 'quantitative' },
            { field: 'x1', type: 'quantitative', title: 'x after', format: '.3f' },
            { field: 'y1', type: 'quantitative', title: 'y after', format: '.3f' },
          ],
        },
      },
      ...(n <= 24
        ? [
            {
              mark: { type: 'text' as const, dx: 9, dy: -7, fontSize: 11, color: '#333' },
              encoding: {
                x: { field: 'x1', ...axis('x_{2m}') },
                y: { field: 'y1', ...axis('x_{2m+1}') },
                text: { field: 'label' },
              },
            },
          ]
        : []),
    ],
  };
}
