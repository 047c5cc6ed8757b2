import type { Transpose } from '../kernels/Kernels.js';
import { checkCounts, checkOperand, checkTranspose } from './checkOperand.js';

/** The signature of {@link sgemv} and {@link dgemv}. */
export type GemvRoutine<T extends Float32Array | Float64Array> = (
  trans: Transpose,
  M: number,
  N: number,
  alpha: number,
  A: T,
  strideA1: number,
  strideA2: number,
  offsetA: number,
  x: T,
  strideX: number,
  offsetX: number,
  beta: number,
  y: T,
  strideY: number,
  offsetY: number,
) => void;

/**
 * y = alpha * op(A) x + beta * y, where the stored A is M x N and op(A) = A (x has N elements, y has M) or A^T
 * (x has M, y has N). beta = 0 ignores whatever y held, NaN included. Each output is summed in a local. Never
 * allocates.
 */
function gemv(
  fn: string,
  trans: Transpose,
  M: number,
  N: number,
  alpha: number,
  A: Float32Array | Float64Array,
  strideA1: number,
  strideA2: number,
  offsetA: number,
  x: Float32Array | Float64Array,
  strideX: number,
  offsetX: number,
  beta: number,
  y: Float32Array | Float64Array,
  strideY: number,
  offsetY: number,
): void {
  checkTranspose(fn, 'trans', trans);
  checkCounts(fn, { M, N });
  const t = trans === 'transpose';
  // op(A) is rows x cols with strides (rs, cs): a transpose is a swap, never a copy.
  const rows = t ? N : M;
  const cols = t ? M : N;
  const rs = t ? strideA2 : strideA1;
  const cs = t ? strideA1 : strideA2;
  checkOperand(fn, 'A', M, N, A, strideA1, strideA2, offsetA);
  checkOperand(fn, 'x', cols, 1, x, strideX, 0, offsetX);
  checkOperand(fn, 'y', rows, 1, y, strideY, 0, offsetY);
  for (let r = 0, a = offsetA, yi = offsetY; r < rows; r++, a += rs, yi += strideY) {
    let sum = 0;
    if (alpha !== 0) {
      for (let c = 0, ac = a, xi = offsetX; c < cols; c++, ac += cs, xi += strideX) sum += A[ac] * x[xi];
    }
    y[yi] = beta === 0 ? alpha * sum : alpha * sum + beta * y[yi];
  }
}

/**
 * Float32 matrix-vector product y = alpha * op(A) x + beta * y (BLAS `sgemv`, stdlib-js `.ndarray` style):
 * element (i, j) of the stored M x N matrix A is `A[offsetA + i*strideA1 + j*strideA2]`.
 *
 * @example
 * const A = new Float32Array([1, 2, 3, 4, 5, 6]); // [[1, 2, 3], [4, 5, 6]]
 * const y = new Float32Array(2);
 * sgemv('no-transpose', 2, 3, 1, A, 3, 1, 0, new Float32Array([1, 1, 1]), 1, 0, 0, y, 1, 0); // y = [6, 15]
 */
export const sgemv: GemvRoutine<Float32Array> = (
  trans,
  M,
  N,
  alpha,
  A,
  strideA1,
  strideA2,
  offsetA,
  x,
  strideX,
  offsetX,
  beta,
  y,
  strideY,
  offsetY,
) => gemv('sgemv', trans, M, N, alpha, A, strideA1, strideA2, offsetA, x, strideX, offsetX, beta, y, strideY, offsetY);

/**
 * Float64 matrix-vector product y = alpha * op(A) x + beta * y (BLAS `dgemv`, stdlib-js `.ndarray` style).
 *
 * @example
 * const A = new Float64Array([1, 2, 3, 4, 5, 6]); // [[1, 2, 3], [4, 5, 6]]
 * const y = new Float64Array(3);
 * dgemv('transpose', 2, 3, 1, A, 3, 1, 0, new Float64Array([1, 1]), 1, 0, 0, y, 1, 0); // A^T [1, 1] = [5, 7, 9]
 */
export const dgemv: GemvRoutine<Float64Array> = (
  trans,
  M,
  N,
  alpha,
  A,
  strideA1,
  strideA2,
  offsetA,
  x,
  strideX,
  offsetX,
  beta,
  y,
  strideY,
  offsetY,
) => gemv('dgemv', trans, M, N, alpha, A, strideA1, strideA2, offsetA, x, strideX, offsetX, beta, y, strideY, offsetY);
