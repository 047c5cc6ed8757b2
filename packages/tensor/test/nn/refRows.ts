/**
 * Reference helpers of the nn and reduce suites: the elements of a tensor grouped along axes, read index by
 * index (float64), independent of the library's plans and strided walks.
 */
import type { Tensor } from '../../src/core/index.js';
import { forEachIndex, refGet } from '../support/reference.js';

/**
 * For each index of the kept axes (row-major), the values along the reduced axes (row-major), and the full
 * indices they came from. `axes` must be sorted and unique.
 */
export function refGroups(t: Tensor, axes: readonly number[]): { values: number[]; indices: number[][] }[] {
  const kept = t.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const keptShape = kept.map((i) => t.shape[i]);
  const redShape = axes.map((i) => t.shape[i]);
  const groups: { values: number[]; indices: number[][] }[] = [];
  forEachIndex(keptShape, (k) => {
    const values: number[] = [];
    const indices: number[][] = [];
    forEachIndex(redShape, (r) => {
      const full = new Array<number>(t.shape.length);
      kept.forEach((axis, j) => {
        full[axis] = k[j];
      });
      axes.forEach((axis, j) => {
        full[axis] = r[j];
      });
      values.push(refGet(t, full));
      indices.push(full);
    });
    groups.push({ values, indices });
  });
  return groups;
}

/** The float64 softmax of one row: exp(x - max) / sum; all -Infinity gives zeros; NaN or +Infinity gives NaN. */
export function refSoftmax(row: readonly number[]): number[] {
  if (row.some((v) => Number.isNaN(v) || v === Number.POSITIVE_INFINITY)) return row.map(() => Number.NaN);
  const m = Math.max(...row);
  if (m === Number.NEGATIVE_INFINITY) return row.map(() => 0);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
