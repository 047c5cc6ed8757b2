import { isContiguous, type Tensor, toFlat } from '@attn/tensor';

/** A live verification's outcome, ready for the `<Checked>` badge. */
export interface CheckResult {
  pass: boolean;
  /** The measured figure, e.g. "max |1 − row sum| 6.0e-8 over 1024 rows". */
  value: string;
}

/** Formats a small error for a badge: `0` or two significant digits in exponent form. */
export function formatError(e: number): string {
  return e === 0 ? '0' : e.toExponential(1);
}

/**
 * Checks that every row along the last axis of `weights` sums to 1 (or to 0, for rows the mask removed entirely,
 * when `allowEmpty` is set), within `tolerance`.
 * @example
 * checkRowsSumToOne(walk.weights); // { pass: true, value: 'max |1 − row sum| 6.0e-8 over 1024 rows' }
 */
export function checkRowsSumToOne(weights: Tensor, tolerance = 1e-5, allowEmpty = false): CheckResult {
  // A contiguous tensor (the usual case) is read where it lies: no copy of up to a megabyte per redraw.
  const size = weights.shape.reduce((a, b) => a * b, 1);
  const values = (
    isContiguous(weights) ? weights.data.subarray(weights.offset, weights.offset + size) : toFlat(weights)
  ) as ArrayLike<number>;
  const n = weights.shape[weights.shape.length - 1];
  const rows = values.length / n;
  let worst = 0;
  let empty = 0;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += values[r * n + j];
    if (allowEmpty && sum === 0) {
      empty += 1;
      continue;
    }
    const err = Math.abs(1 - sum);
    if (!(err <= worst)) worst = err;
  }
  const emptyText = empty > 0 ? `, ${empty} fully masked ${empty === 1 ? 'row' : 'rows'} all 0` : '';
  return {
    pass: worst <= tolerance,
    value: `max |1 − row sum| ${formatError(worst)} over ${rows - empty} rows${emptyText}`,
  };
}

/**
 * Compares `actual` with a float64 `reference` of the same length element by element.
 * @example
 * checkClose(toFlat(output), reference, 1e-5); // { pass: true, value: 'max |error| vs float64 reference 2.4e-7' }
 */
export function checkClose(actual: ArrayLike<number>, reference: ArrayLike<number>, tolerance: number): CheckResult {
  if (actual.length !== reference.length) {
    return { pass: false, value: `lengths differ: ${actual.length} vs ${reference.length}` };
  }
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const b = reference[i];
    const err = a === b ? 0 : Math.abs(a - b);
    if (!(err <= worst)) worst = err;
  }
  return { pass: worst <= tolerance, value: `max |error| vs float64 reference ${formatError(worst)}` };
}
