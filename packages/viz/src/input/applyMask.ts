import type { Grid } from './Grid.js';

/**
 * Marks the entries a boolean mask forbids (`false` = may not attend) as -Infinity, so charts draw them as masked.
 *
 * Shapes: `grid` and `mask` of the same shape -> a new grid of that shape.
 *
 * @example
 * applyMask(weights, causal); // zero weights above the diagonal become masked cells
 */
export function applyMask(fn: string, grid: Grid, mask: Grid): Grid {
  if (mask.shape.length !== grid.shape.length || mask.shape.some((n, a) => n !== grid.shape[a])) {
    throw new RangeError(
      `${fn}: mask has shape [${mask.shape.join(',')}] but the values have [${grid.shape.join(',')}]`,
    );
  }
  const values = Float64Array.from(grid.values);
  for (let i = 0; i < values.length; i++) if (mask.values[i] === 0) values[i] = Number.NEGATIVE_INFINITY;
  return { shape: grid.shape, values };
}
