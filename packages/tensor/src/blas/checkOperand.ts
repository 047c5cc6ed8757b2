/**
 * Checks, in O(1), that a strided `rows x cols` operand lies inside its array: every count and stride an integer,
 * and the lowest and highest element it can touch within `[0, length)`. The BLAS routines call it on every operand,
 * so a wrong stride throws here instead of reading `undefined` (which becomes NaN) or writing nowhere.
 *
 * @example
 * checkOperand('sgemm', 'A', 2, 3, new Float32Array(6), 3, 1, 0); // fine
 * checkOperand('sgemm', 'A', 2, 3, new Float32Array(5), 3, 1, 0); // throws: reaches element 5 of 5
 */
export function checkOperand(
  fn: string,
  name: string,
  rows: number,
  cols: number,
  data: ArrayLike<number>,
  stride1: number,
  stride2: number,
  offset: number,
): void {
  for (const [what, v] of [
    ['stride', stride1],
    ['stride', stride2],
    ['offset', offset],
  ] as const) {
    if (!Number.isInteger(v)) throw new TypeError(`${fn}: ${name}'s ${what} must be an integer, got ${v}`);
  }
  if (rows === 0 || cols === 0) return;
  const lo = offset + Math.min(0, (rows - 1) * stride1) + Math.min(0, (cols - 1) * stride2);
  const hi = offset + Math.max(0, (rows - 1) * stride1) + Math.max(0, (cols - 1) * stride2);
  if (lo < 0 || hi >= data.length) {
    const shape =
      cols === 1 && stride2 === 0
        ? `${rows} elements, stride ${stride1}`
        : `${rows} x ${cols}, strides [${stride1},${stride2}]`;
    throw new RangeError(
      `${fn}: ${name} (${shape}, offset ${offset}) reaches element ${lo < 0 ? lo : hi} but the array holds ${data.length}`,
    );
  }
}

/** Checks that each count is a non-negative integer; `names` name them in the error. */
export function checkCounts(fn: string, counts: Record<string, number>): void {
  for (const [name, n] of Object.entries(counts)) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${fn}: ${name} must be a non-negative integer, got ${n}`);
  }
}

/** Checks that a transpose flag is one of the two BLAS values. */
export function checkTranspose(fn: string, name: string, t: unknown): void {
  if (t !== 'no-transpose' && t !== 'transpose') {
    throw new TypeError(`${fn}: ${name} must be 'no-transpose' or 'transpose', got ${JSON.stringify(t)}`);
  }
}
