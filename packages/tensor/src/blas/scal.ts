import { checkCounts, checkOperand } from './checkOperand.js';

/** The signature of {@link sscal} and {@link dscal}. */
export type ScalRoutine<T extends Float32Array | Float64Array> = (
  N: number,
  alpha: number,
  x: T,
  strideX: number,
  offsetX: number,
) => void;

/** x = alpha * x over N strided elements, in place. Never allocates. */
function scal(
  fn: string,
  N: number,
  alpha: number,
  x: Float32Array | Float64Array,
  strideX: number,
  offsetX: number,
): void {
  checkCounts(fn, { N });
  checkOperand(fn, 'x', N, 1, x, strideX, 0, offsetX);
  for (let i = 0; i < N; i++, offsetX += strideX) x[offsetX] *= alpha;
}

/**
 * x = alpha * x for a float32 strided vector of N elements (BLAS `sscal`, stdlib-js `.ndarray` style). A plain
 * product, as in reference BLAS: alpha = 0 turns NaN and Infinity into NaN, everything else into 0.
 *
 * @example
 * const x = new Float32Array([1, 2, 3, 4]);
 * sscal(2, 10, x, 2, 0); // every other element: x = [10, 2, 30, 4]
 */
export const sscal: ScalRoutine<Float32Array> = (N, alpha, x, strideX, offsetX) =>
  scal('sscal', N, alpha, x, strideX, offsetX);

/**
 * x = alpha * x for a float64 strided vector of N elements (BLAS `dscal`, stdlib-js `.ndarray` style).
 *
 * @example
 * const x = new Float64Array([1, 2]);
 * dscal(2, 0.5, x, 1, 0); // x = [0.5, 1]
 */
export const dscal: ScalRoutine<Float64Array> = (N, alpha, x, strideX, offsetX) =>
  scal('dscal', N, alpha, x, strideX, offsetX);
