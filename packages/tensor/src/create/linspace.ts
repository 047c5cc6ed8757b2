import { allocate, assertDType, type DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import type { Tensor } from '../core/Tensor.js';
import type { DTypeOptions } from './full.js';

/** Options of {@link linspace}. */
export interface LinspaceOptions<D extends DType = DType> extends DTypeOptions<D> {
  /** Include `stop` as the last element (default true, as numpy and torch). */
  endpoint?: boolean;
}

/**
 * A 1-D tensor of `num` evenly spaced values from `start` to `stop` (included unless `endpoint: false`).
 *
 * Element `i` is `start + i * (stop - start) / (num - 1)` computed in float64 (divisor `num` without the
 * endpoint), and the last element is exactly `stop`. Float dtypes only (default `float32`).
 *
 * Shapes: -> `[num]`.
 *
 * @example
 * import { linspace } from '@attn/tensor';
 * linspace(0, 1, 5);                        // float32 [0, 0.25, 0.5, 0.75, 1]
 * linspace(0, 1, 4, { endpoint: false });   // float32 [0, 0.25, 0.5, 0.75]
 */
export function linspace<D extends DType = 'float32'>(
  start: number,
  stop: number,
  num: number,
  options: LinspaceOptions<D> = {},
): Tensor<D> {
  const dtype = (options.dtype ?? 'float32') as D;
  assertDType('linspace', dtype);
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`linspace: dtype must be float32 or float64, not ${dtype}`);
  }
  if (!Number.isFinite(start) || !Number.isFinite(stop)) {
    throw new RangeError(`linspace: start and stop must be finite numbers, got ${start} and ${stop}`);
  }
  if (!Number.isInteger(num) || num < 0)
    throw new RangeError(`linspace: num must be a non-negative integer, not ${num}`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const data = allocate(dtype, num);
  for (let i = 0; i < num; i++) data[i] = div > 0 ? start + (i * (stop - start)) / div : start;
  if (endpoint && num > 1) data[num - 1] = stop;
  return makeTensor(dtype, data, [num]);
}
