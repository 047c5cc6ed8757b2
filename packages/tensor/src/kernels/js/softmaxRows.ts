/*
 * Row softmax in plain TypeScript: Y[r, :] = softmax(X[r, :]), three passes per row (max, exp and sum,
 * scale). Subtracting the row max keeps every exp in (0, 1], so no input overflows; a row of all -Infinity
 * (a fully masked attention row) gives zeros instead of 0/0 = NaN; a NaN anywhere in a row makes the whole
 * row NaN (never hidden). The running max and sum live in float64 locals for both dtypes, and each output
 * is rounded once at the end. X and Y may be the same memory (in place): each element is read before it is
 * written. The float32 and float64 versions are the same code, kept apart so each stays monomorphic.
 */

/**
 * Y[r, :] = softmax(X[r, :]) for `rows` rows of `cols` float32 elements; element (r, c) of X lives at
 * `X[offsetX + r*strideX1 + c*strideX2]` (likewise Y). Never allocates; accumulates in float64.
 *
 * @example
 * const y = new Float32Array(2);
 * ssoftmaxRows(1, 2, new Float32Array([0, Math.log(3)]), 2, 1, 0, y, 2, 1, 0); // y = [0.25, 0.75]
 */
export function ssoftmaxRows(
  rows: number,
  cols: number,
  X: Float32Array,
  strideX1: number,
  strideX2: number,
  offsetX: number,
  Y: Float32Array,
  strideY1: number,
  strideY2: number,
  offsetY: number,
): void {
  for (let r = 0, xr = offsetX, yr = offsetY; r < rows; r++, xr += strideX1, yr += strideY1) {
    let max = Number.NEGATIVE_INFINITY;
    let nan = false;
    for (let c = 0, ix = xr; c < cols; c++, ix += strideX2) {
      const v = X[ix];
      if (v > max) max = v;
      else if (Number.isNaN(v)) nan = true;
    }
    if (nan || max === Number.NEGATIVE_INFINITY) {
      const fill = nan ? Number.NaN : 0;
      for (let c = 0, iy = yr; c < cols; c++, iy += strideY2) Y[iy] = fill;
      continue;
    }
    let sum = 0;
    for (let c = 0, ix = xr, iy = yr; c < cols; c++, ix += strideX2, iy += strideY2) {
      const e = Math.exp(X[ix] - max);
      Y[iy] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let c = 0, iy = yr; c < cols; c++, iy += strideY2) Y[iy] *= inv;
  }
}

/**
 * Y[r, :] = softmax(X[r, :]) for `rows` rows of `cols` float64 elements; element (r, c) of X lives at
 * `X[offsetX + r*strideX1 + c*strideX2]` (likewise Y). Never allocates.
 *
 * @example
 * const y = new Float64Array(2);
 * dsoftmaxRows(1, 2, new Float64Array([0, Math.log(3)]), 2, 1, 0, y, 2, 1, 0); // y = [0.25, 0.75]
 */
export function dsoftmaxRows(
  rows: number,
  cols: number,
  X: Float64Array,
  strideX1: number,
  strideX2: number,
  offsetX: number,
  Y: Float64Array,
  strideY1: number,
  strideY2: number,
  offsetY: number,
): void {
  for (let r = 0, xr = offsetX, yr = offsetY; r < rows; r++, xr += strideX1, yr += strideY1) {
    let max = Number.NEGATIVE_INFINITY;
    let nan = false;
    for (let c = 0, ix = xr; c < cols; c++, ix += strideX2) {
      const v = X[ix];
      if (v > max) max = v;
      else if (Number.isNaN(v)) nan = true;
    }
    if (nan || max === Number.NEGATIVE_INFINITY) {
      const fill = nan ? Number.NaN : 0;
      for (let c = 0, iy = yr; c < cols; c++, iy += strideY2) Y[iy] = fill;
      continue;
    }
    let sum = 0;
    for (let c = 0, ix = xr, iy = yr; c < cols; c++, ix += strideX2, iy += strideY2) {
      const e = Math.exp(X[ix] - max);
      Y[iy] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let c = 0, iy = yr; c < cols; c++, iy += strideY2) Y[iy] *= inv;
  }
}
