import { showShape, type Tensor } from '@attn/tensor';
import { assertFloatTensor, assertRank, describe } from '../internal/validate.js';
import { applyRope } from './applyRope.js';
import { pairColumns, type RopeOptions, resolveRopeOptions } from './RopeOptions.js';

/**
 * One pair of a RoPE rotation as plain data: structurally `@attn/viz`'s `RopeRotationInput`, so
 * `ropeRotation(ropePair(q, m))` draws it.
 */
export interface RopePair {
  /** `[T][2]`: the pair's two coordinates at each position, before rotation. */
  before: number[][];
  /** `[T][2]`: the same after rotation by (positionOffset + t) * theta. */
  after: number[][];
  /** theta_m = base^(-2m/d), radians per position. */
  theta: number;
  /** Which pair m (0 .. d/2 - 1). */
  pair: number;
}

/**
 * The coordinates of pair m of every row of x, before and after {@link applyRope}: what a chart of the rotation
 * draws. The layout option decides which two columns pair m is (m and m + d/2, or 2m and 2m + 1).
 *
 * Shapes: x `[T, d]` (one head's queries or keys, d even) -> `before` and `after` `[T][2]`.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { ropePair } from '@attn/attention';
 * const q = randn([6, 8], { seed: 1 });
 * const data = ropePair(q, 0); // { before, after, theta: 1, pair: 0 }; ropeRotation(data) in @attn/viz
 */
export function ropePair(x: Tensor, pair: number, options: RopeOptions = {}): RopePair {
  const fn = 'ropePair';
  assertFloatTensor(fn, 'x', x);
  assertRank(fn, 'x', x, [2]);
  const { layout, base } = resolveRopeOptions(fn, options);
  const [t, d] = x.shape;
  if (d % 2 !== 0) {
    throw new RangeError(
      `${fn}: the last axis of x (d = ${d}) must be even, RoPE rotates pairs; got ${showShape(x.shape)}`,
    );
  }
  if (typeof pair !== 'number' || !Number.isInteger(pair) || pair < 0 || pair >= d / 2) {
    throw new RangeError(
      `${fn}: pair must be an integer in [0, ${d / 2}) for x ${showShape(x.shape)}, got ${describe(pair)}`,
    );
  }
  const rotated = applyRope(x, options);
  const [a, b] = pairColumns(layout, d, pair);
  const read = (m: Tensor, row: number, col: number) =>
    Number(m.data[m.offset + row * m.strides[0] + col * m.strides[1]]);
  const before: number[][] = [];
  const after: number[][] = [];
  for (let r = 0; r < t; r++) {
    before.push([read(x, r, a), read(x, r, b)]);
    after.push([read(rotated, r, a), read(rotated, r, b)]);
  }
  return { before, after, theta: base ** (-(2 * pair) / d), pair };
}
