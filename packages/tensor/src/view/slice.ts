import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * How {@link slice} cuts one axis:
 * - `null` or `undefined`: the whole axis (numpy's `:`);
 * - `[start, stop, step]` (each part optional, `null`/`undefined` for its default): numpy's
 *   `start:stop:step`, so `[1, -1]` is `1:-1` and `[null, null, -1]` is `::-1`;
 * - a number `i`: the single element `i` and the axis is DROPPED (numpy's `t[i]`, like {@link select}).
 */
export type SliceSpec = null | undefined | number | SliceRange;

/** A `[start, stop, step]` range of {@link SliceSpec}; any part may be omitted or `null`. */
export type SliceRange = readonly [start?: number | null, stop?: number | null, step?: number | null];

/**
 * Cuts a view out of `t` with numpy's basic-indexing rules, one {@link SliceSpec} per leading axis
 * (missing trailing entries take whole axes). Shares `t.data`; nothing is copied.
 *
 * Ranges behave exactly like Python slices: negative `start`/`stop` count from the end, out-of-range
 * bounds are clamped (an empty range is fine), the default `step` is 1, and a negative `step` walks
 * backwards (defaults then run from the last element down to the first). A `step` of 0 is an error.
 * A number index must lie in `[-d, d)` and removes its axis.
 *
 * Shapes: `[d_0, ..., d_{r-1}]` -> one length per range entry (`ceil((stop - start) / step)`, at least 0)
 * and no axis for a number entry.
 *
 * @example
 * import { arange, reshape, slice } from '@attn/tensor';
 * const t = reshape(arange(12), [3, 4]);
 * slice(t, [[0, 2], [1, 3]]);          // rows 0..1, columns 1..2 -> [2, 2]: [[1, 2], [5, 6]]
 * slice(t, [null, [null, null, -1]]);  // every row reversed -> [3, 4]
 * slice(t, [1, [null, null, 2]]);      // row 1, even columns -> [2]: [4, 6]
 */
export function slice<D extends DType>(t: Tensor<D>, spec: readonly SliceSpec[]): Tensor<D> {
  assertTensor('slice', 't', t);
  const rank = t.shape.length;
  if (!Array.isArray(spec)) throw new TypeError('slice: spec must be an array with one entry per axis');
  if (spec.length > rank) {
    throw new RangeError(`slice: ${spec.length} entries for shape ${showShape(t.shape)} of rank ${rank}`);
  }
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = t.offset;
  let empty = false;
  for (let axis = 0; axis < rank; axis++) {
    const d = t.shape[axis];
    const stride = t.strides[axis];
    const s = spec[axis];
    if (typeof s === 'number') {
      if (!Number.isInteger(s) || s < -d || s >= d) {
        throw new RangeError(
          `slice: index ${s} is out of range for axis ${axis} of length ${d} (shape ${showShape(t.shape)})`,
        );
      }
      offset += (s < 0 ? s + d : s) * stride;
      continue;
    }
    if (s === null || s === undefined) {
      shape.push(d);
      strides.push(stride);
      continue;
    }
    if (!Array.isArray(s) || s.length > 3) {
      throw new TypeError(
        `slice: entry ${axis} must be null, a number or [start, stop, step], not ${JSON.stringify(s)}`,
      );
    }
    const [start, stop, step] = resolveRange(s as unknown as SliceRange, d, axis, t.shape);
    const n = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
    if (n === 0) empty = true;
    else offset += start * stride;
    shape.push(n);
    strides.push(stride * step);
  }
  // An empty view touches no element; keep the base offset so it never points outside `data`.
  return makeTensor(t.dtype, t.data, shape, strides, empty ? t.offset : offset);
}

/** Python's `slice.indices(d)`: clamped start and stop, and the step. */
function resolveRange(s: SliceRange, d: number, axis: number, shape: readonly number[]): [number, number, number] {
  const step = s[2] ?? 1;
  for (const v of [s[0], s[1], step]) {
    if (v !== null && v !== undefined && !Number.isInteger(v)) {
      throw new TypeError(`slice: entry ${axis} [${s.join(',')}] must hold integers (shape ${showShape(shape)})`);
    }
  }
  if (step === 0) throw new RangeError(`slice: step 0 on axis ${axis} (shape ${showShape(shape)})`);
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const norm = (v: number) => (v < 0 ? v + d : v);
  if (step > 0) {
    const start = s[0] === null || s[0] === undefined ? 0 : clamp(norm(s[0]), 0, d);
    const stop = s[1] === null || s[1] === undefined ? d : clamp(norm(s[1]), 0, d);
    return [start, stop, step];
  }
  const start = s[0] === null || s[0] === undefined ? d - 1 : clamp(norm(s[0]), -1, d - 1);
  const stop = s[1] === null || s[1] === undefined ? -1 : clamp(norm(s[1]), -1, d - 1);
  return [start, stop, step];
}
