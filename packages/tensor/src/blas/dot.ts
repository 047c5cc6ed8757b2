import { checkCounts, checkOperand } from './checkOperand.js';

/** The signature of {@link sdot} and {@link ddot}. */
export type DotRoutine<T extends Float32Array | Float64Array> = (
  N: number,
  x: T,
  strideX: number,
  offsetX: number,
  y: T,
  strideY: number,
  offsetY: number,
) => number;

/**
 * The dot product x . y of two strided vectors of N elements: `x[offsetX + i*strideX]`, `y[offsetY + i*strideY]`.
 * Summed in float64 (also for float32 inputs); N = 0 gives 0. Never allocates.
 */
function dot(
  fn: string,
  N: number,
  x: Float32Array | Float64Array,
  strideX: number,
  offsetX: number,
  y: Float32Array | Float64Array,
  strideY: number,
  offsetY: number,
): number {
  checkCounts(fn, { N });
  checkOperand(fn, 'x', N, 1, x, strideX, 0, offsetX);
  checkOperand(fn, 'y', N, 1, y, strideY, 0, offsetY);
  let sum = 0;
  for (let i = 0; i < N; i++, offsetX += strideX, offsetY += strideY) sum += x[offsetX] * y[offsetY];
  return sum;
}

/**
 * The dot product of two float32 strided vectors (BLAS `sdot`, stdlib-js `.ndarray` style), summed in float64.
 *
 * @example
 * sdot(3, new Float32Array([1, 2, 3]), 1, 0, new Float32Array([4, 5, 6]), 1, 0); // 32
 */
export const sdot: DotRoutine<Float32Array> = (N, x, strideX, offsetX, y, strideY, offsetY) =>
  dot('sdot', N, x, strideX, offsetX, y, strideY, offsetY);

/**
 * The dot product of two float64 strided vectors (BLAS `ddot`, stdlib-js `.ndarray` style).
 *
 * @example
 * ddot(2, new Float64Array([1, 0, 2]), 2, 0, new Float64Array([3, 4]), 1, 0); // 1*3 + 2*4 = 11
 */
export const ddot: DotRoutine<Float64Array> = (N, x, strideX, offsetX, y, strideY, offsetY) =>
  dot('ddot', N, x, strideX, offsetX, y, strideY, offsetY);
