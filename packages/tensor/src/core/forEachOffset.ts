import type { Shape } from './Tensor.js';

/**
 * Visits every element of a strided view in row-major order, calling `visit(dataOffset, i)` with the
 * element's position in `data` and its row-major index `i` (0, 1, 2, ...).
 *
 * This is the one loop every copy, conversion and reader of a view runs, so it is written for speed:
 * the last axis is a plain counted loop, and the outer axes advance like an odometer (no division,
 * no index arrays allocated per element). Empty shapes visit nothing; a scalar visits `offset` once.
 *
 * Shapes: `shape` and `strides` have the same length (the view's rank).
 *
 * @example
 * // the transpose of a contiguous [2, 3] tensor: shape [3, 2], strides [1, 3]
 * const seen: number[] = [];
 * forEachOffset([3, 2], [1, 3], 0, (o) => seen.push(o));
 * seen; // [0, 3, 1, 4, 2, 5]
 */
export function forEachOffset(
  shape: Shape,
  strides: readonly number[],
  offset: number,
  visit: (dataOffset: number, i: number) => void,
): void {
  const rank = shape.length;
  if (rank === 0) {
    visit(offset, 0);
    return;
  }
  for (let a = 0; a < rank; a++) if (shape[a] === 0) return;

  const last = rank - 1;
  const n = shape[last];
  const step = strides[last];
  const index = new Array<number>(last).fill(0);
  let base = offset;
  let i = 0;
  for (;;) {
    let o = base;
    for (let j = 0; j < n; j++, o += step) visit(o, i++);
    // Odometer: bump the outer index, carrying into higher axes; undo a full axis with one subtraction.
    let a = last - 1;
    for (; a >= 0; a--) {
      base += strides[a];
      if (++index[a] < shape[a]) break;
      base -= strides[a] * shape[a];
      index[a] = 0;
    }
    if (a < 0) return;
  }
}
