import { allocate, assertDType, type DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import type { Tensor } from '../core/Tensor.js';
import type { DTypeOptions } from './full.js';

/** Options of {@link eye}. */
export interface EyeOptions<D extends DType = DType> extends DTypeOptions<D> {
  /** The number of columns (default `n`: a square matrix). */
  cols?: number;
  /** Which diagonal holds the ones: 0 the main one, `k > 0` above it, `k < 0` below (default 0). */
  k?: number;
}

/**
 * A new `n x cols` matrix with ones on diagonal `k` and zeros elsewhere (numpy's `eye`).
 *
 * Shapes: -> `[n, cols]` (`cols` defaults to `n`).
 *
 * @example
 * import { eye } from '@attn/tensor';
 * eye(3);                        // float32 identity [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
 * eye(2, { cols: 3, k: 1 });     // [[0, 1, 0], [0, 0, 1]]
 * eye(4, { dtype: 'bool' });     // each token may attend only to itself
 */
export function eye<D extends DType = 'float32'>(n: number, options: EyeOptions<D> = {}): Tensor<D> {
  const { cols = n, k = 0 } = options;
  const dtype = (options.dtype ?? 'float32') as D;
  assertDType('eye', dtype);
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(`eye: n and cols must be non-negative integers, got n ${n} and cols ${cols}`);
  }
  if (!Number.isInteger(k)) throw new RangeError(`eye: k must be an integer, not ${k}`);
  const data = allocate(dtype, n * cols);
  for (let i = Math.max(0, -k); i < n && i + k < cols; i++) data[i * cols + i + k] = 1;
  return makeTensor(dtype, data, [n, cols]);
}
