import { getKernels } from '../kernels/dispatch.js';
import type { GemmKernel, Transpose } from '../kernels/Kernels.js';
import { checkCounts, checkOperand, checkTranspose } from './checkOperand.js';

/** Validates a gemm call (O(1): counts, flags, and that every operand lies inside its array). */
function checkGemm(
  fn: string,
  transA: Transpose,
  transB: Transpose,
  M: number,
  N: number,
  K: number,
  A: Float32Array | Float64Array,
  strideA1: number,
  strideA2: number,
  offsetA: number,
  B: Float32Array | Float64Array,
  strideB1: number,
  strideB2: number,
  offsetB: number,
  C: Float32Array | Float64Array,
  strideC1: number,
  strideC2: number,
  offsetC: number,
): void {
  checkTranspose(fn, 'transA', transA);
  checkTranspose(fn, 'transB', transB);
  checkCounts(fn, { M, N, K });
  const [ar, ac] = transA === 'transpose' ? [K, M] : [M, K];
  const [br, bc] = transB === 'transpose' ? [N, K] : [K, N];
  checkOperand(fn, 'A', ar, ac, A, strideA1, strideA2, offsetA);
  checkOperand(fn, 'B', br, bc, B, strideB1, strideB2, offsetB);
  checkOperand(fn, 'C', M, N, C, strideC1, strideC2, offsetC);
}

/**
 * Float32 matrix product C = alpha * op(A) op(B) + beta * C (BLAS `sgemm`, stdlib-js `.ndarray` style).
 *
 * op(A) is M x K, op(B) is K x N and C is M x N; element (i, j) of a stored matrix X is
 * `X[offsetX + i*strideX1 + j*strideX2]`, strides may be negative (flipped) or 0 (broadcast), and a transpose is
 * read through the strides, never copied. beta = 0 ignores whatever C held, NaN included. Sums are kept in float64
 * and rounded once. Validates its arguments in O(1), then runs the active kernel set (see `getKernels`).
 *
 * @example
 * const A = new Float32Array([1, 2, 3, 4, 5, 6]); // 2 x 3
 * const B = new Float32Array([1, 0, 0, 1, 1, 1]); // 3 x 2
 * const C = new Float32Array(4);
 * sgemm('no-transpose', 'no-transpose', 2, 2, 3, 1, A, 3, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0); // C = [4, 5, 10, 11]
 */
export const sgemm: GemmKernel<Float32Array> = (
  tA,
  tB,
  M,
  N,
  K,
  alpha,
  A,
  a1,
  a2,
  oA,
  B,
  b1,
  b2,
  oB,
  beta,
  C,
  c1,
  c2,
  oC,
) => {
  checkGemm('sgemm', tA, tB, M, N, K, A, a1, a2, oA, B, b1, b2, oB, C, c1, c2, oC);
  getKernels().sgemm(tA, tB, M, N, K, alpha, A, a1, a2, oA, B, b1, b2, oB, beta, C, c1, c2, oC);
};

/**
 * Float64 matrix product C = alpha * op(A) op(B) + beta * C (BLAS `dgemm`, stdlib-js `.ndarray` style); see
 * {@link sgemm} for the layout conventions.
 *
 * @example
 * const A = new Float64Array([1, 2, 3, 4]); // [[1, 2], [3, 4]]
 * const C = new Float64Array([9, 9, 9, 9]);
 * dgemm('transpose', 'no-transpose', 2, 2, 2, 1, A, 2, 1, 0, A, 2, 1, 0, 1, C, 2, 1, 0); // C = A^T A + C = [19, 23, 23, 29]
 */
export const dgemm: GemmKernel<Float64Array> = (
  tA,
  tB,
  M,
  N,
  K,
  alpha,
  A,
  a1,
  a2,
  oA,
  B,
  b1,
  b2,
  oB,
  beta,
  C,
  c1,
  c2,
  oC,
) => {
  checkGemm('dgemm', tA, tB, M, N, K, A, a1, a2, oA, B, b1, b2, oB, C, c1, c2, oC);
  getKernels().dgemm(tA, tB, M, N, K, alpha, A, a1, a2, oA, B, b1, b2, oB, beta, C, c1, c2, oC);
};
