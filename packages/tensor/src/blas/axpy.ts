import { checkCounts, checkOperand } from './checkOperand.js';

/** The signature of {@link saxpy} and {@link daxpy}. */
export type AxpyRoutine<T extends Float32Array | Float64Array> = (
  N: number,
  alpha: number,
  x: T,
  strideX: number,
  offsetX: number,
  y: T,
  strideY: number,
  offsetY: number,
) => void;

/** y = alpha * x + y over N strided elements, in place in y. Never allocates. */
function axpy(
  fn: string,
  N: number,
  alpha: number,
  x: Float32Array | Float64Array,
  strideX: number,
  offsetX: number,
  y: Float32Array | Float64Array,
  strideY: number,
  offsetY: number,
): void {
  checkCounts(fn, { N });
  checkOperand(fn, 'x', N, 1, x, strideX, 0, offsetX);
  checkOperand(fn, 'y', N, 1, y, strideY, 0, offsetY);
  if (alpha === 0) return;
  for (let i = 0; i < N; i++, offsetX += strideX, offsetY += strideY) y[offsetY] += alpha * x[offsetX];
}

/**
 * y = alpha * x + y for float32 strided vectors of N elements (BLAS `saxpy`, stdlib-js `.ndarray` style).
 * alpha = 0 leaves y untouched, as in reference BLAS.
 *
 * @example
 * const y = new Float32Array([1, 1]);
 * saxpy(2, 2, new Float32Array([1, 2]), 1, 0, y, 1, 0); // y = [3, 5]
 */
export const saxpy: AxpyRoutine<Float32Array> = (N, alpha, x, strideX, offsetX, y, strideY, offsetY) =>
  axpy('saxpy', N, alpha, x, strideX, offsetX, y, strideY, offsetY);

/**
 * y = alpha * x + y for float64 strided vectors of N elements (BLAS `daxpy`, stdlib-js `.ndarray` style).
 *
 * @example
 * const y = new Float64Array([1, 1]);
 * daxpy(2, -1, new Float64Array([5, 6]), -1, 1, y, 1, 0); // x read backwards: y = [1 - 6, 1 - 5] = [-5, -4]
 */
export const daxpy: AxpyRoutine<Float64Array> = (N, alpha, x, strideX, offsetX, y, strideY, offsetY) =>
  axpy('daxpy', N, alpha, x, strideX, offsetX, y, strideY, offsetY);
