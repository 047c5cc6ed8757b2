import { allocate, assertDType, type DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import type { Tensor } from '../core/Tensor.js';
import type { DTypeOptions } from './full.js';

/**
 * A 1-D tensor of evenly spaced values `start, start + step, ...` up to but excluding `stop`, as numpy's
 * and torch's `arange`. With one number, it is `stop` and the range starts at 0.
 *
 * Element `i` is computed as `start + i * step` in float64 (not by repeated addition, so errors do not
 * pile up) and then stored in the dtype. The length is `max(0, ceil((stop - start) / step))`.
 * The default dtype is `float32`, as for every creator; ask for `int32` to make indices (then `start`
 * and `step` must be integers).
 *
 * Shapes: -> `[ceil((stop - start) / step)]`.
 *
 * @example
 * import { arange } from '@attn/tensor';
 * arange(4);                               // float32 [0, 1, 2, 3]
 * arange(1, 2, 0.25);                      // float32 [1, 1.25, 1.5, 1.75]
 * arange(5, 0, -2, { dtype: 'int32' });    // int32 [5, 3, 1]
 */
export function arange<D extends DType = 'float32'>(stop: number, options?: DTypeOptions<D>): Tensor<D>;
export function arange<D extends DType = 'float32'>(
  start: number,
  stop: number,
  step?: number,
  options?: DTypeOptions<D>,
): Tensor<D>;
export function arange<D extends DType = 'float32'>(
  a: number,
  b?: number | DTypeOptions<D>,
  c?: number,
  d?: DTypeOptions<D>,
): Tensor<D> {
  const [start, stop, step, options] = typeof b === 'number' ? [a, b, c ?? 1, d ?? {}] : [0, a, 1, b ?? {}];
  const dtype = (options.dtype ?? 'float32') as D;
  assertDType('arange', dtype);
  for (const [name, v] of [
    ['start', start],
    ['stop', stop],
    ['step', step],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new RangeError(`arange: ${name} must be a finite number, not ${v}`);
  }
  if (step === 0) throw new RangeError('arange: step must not be 0');
  if (dtype === 'bool')
    throw new TypeError('arange: dtype bool makes no sense for a range (use float32, float64 or int32)');
  if (dtype === 'int32' && !(Number.isInteger(start) && Number.isInteger(step))) {
    throw new TypeError(`arange: an int32 range needs integer start and step, got start ${start} and step ${step}`);
  }
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (n > 2 ** 31)
    throw new RangeError(`arange: ${n} elements is too many (start ${start}, stop ${stop}, step ${step})`);
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return makeTensor(dtype, data, [n]);
}
