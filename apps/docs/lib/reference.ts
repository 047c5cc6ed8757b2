/**
 * Naive float64 references: the textbook loops, in double precision, that the pages check the library against.
 * Plain and slow on purpose; nothing here shares code with @attn/attention.
 */

/** A row-major matrix of float64 numbers. */
export interface Matrix64 {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Reads any row-major numbers into a float64 matrix. */
export function matrix64(values: ArrayLike<number>, rows: number, cols: number): Matrix64 {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, (_, i) => values[i]) };
}

/**
 * A B^T in float64: `[n, k]` times the transpose of `[m, k]` gives `[n, m]` (Q K^T, or x W^T for a linear map).
 * @example
 * matmulT(q, k).data; // the unscaled scores
 */
export function matmulT(a: Matrix64, b: Matrix64): Matrix64 {
  const out = new Float64Array(a.rows * b.rows);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.rows; j++) {
      let s = 0;
      for (let p = 0; p < a.cols; p++) s += a.data[i * a.cols + p] * b.data[j * b.cols + p];
      out[i * b.rows + j] = s;
    }
  return { rows: a.rows, cols: b.rows, data: out };
}

/**
 * softmax(scale · Q K^T, masked) V for one head, in float64. `allowed(i, j)` says whether query i may attend to key
 * j; a query with no allowed key gets all-zero weights and a zero output (the library's convention, never NaN).
 * @example
 * const { weights, output } = referenceAttention(q, k, v, 1 / Math.sqrt(64), (i, j) => j <= i);
 */
export function referenceAttention(
  q: Matrix64,
  k: Matrix64,
  v: Matrix64,
  scale: number,
  allowed: (i: number, j: number) => boolean = () => true,
): { weights: Matrix64; output: Matrix64 } {
  const scores = matmulT(q, k);
  const T = q.rows;
  const S = k.rows;
  const weights = new Float64Array(T * S);
  for (let i = 0; i < T; i++) {
    let max = -Infinity;
    for (let j = 0; j < S; j++) if (allowed(i, j)) max = Math.max(max, scale * scores.data[i * S + j]);
    if (max === -Infinity) continue;
    let sum = 0;
    for (let j = 0; j < S; j++) {
      const e = allowed(i, j) ? Math.exp(scale * scores.data[i * S + j] - max) : 0;
      weights[i * S + j] = e;
      sum += e;
    }
    for (let j = 0; j < S; j++) weights[i * S + j] /= sum;
  }
  const output = new Float64Array(T * v.cols);
  for (let i = 0; i < T; i++)
    for (let j = 0; j < S; j++) {
      const w = weights[i * S + j];
      if (w !== 0) for (let d = 0; d < v.cols; d++) output[i * v.cols + d] += w * v.data[j * v.cols + d];
    }
  return { weights: { rows: T, cols: S, data: weights }, output: { rows: T, cols: v.cols, data: output } };
}
