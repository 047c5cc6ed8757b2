import type { Grid } from './Grid.js';

/**
 * Takes the sub-grid at fixed leading indices: `sliceGrid(g, [b, h])` of a `[B, H, Q, K]` grid is the `[Q, K]` matrix.
 *
 * Shapes: `[d0, ..., dn]` with `index` of length `k` -> `[dk, ..., dn]`.
 *
 * @example
 * sliceGrid({ shape: [2, 2], values: new Float64Array([1, 2, 3, 4]) }, [1]); // { shape: [2], values: [3, 4] }
 */
export function sliceGrid(grid: Grid, index: readonly number[], fn = 'sliceGrid', names: readonly string[] = []): Grid {
  let offset = 0;
  let size = grid.values.length;
  index.forEach((i, a) => {
    const n = grid.shape[a];
    if (!(Number.isInteger(i) && i >= 0 && i < n)) {
      throw new RangeError(`${fn}: ${names[a] ?? `index ${a}`} ${i} is out of range [0, ${n})`);
    }
    size /= n;
    offset += i * size;
  });
  return { shape: grid.shape.slice(index.length), values: grid.values.subarray(offset, offset + size) };
}
