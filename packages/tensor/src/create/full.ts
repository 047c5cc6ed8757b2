import { allocate, assertDType, DEFAULT_DTYPE, type DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { assertShape, sizeOf } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { fillValue } from './fillValue.js';

/** Options of {@link full}, {@link zeros}, {@link ones}, {@link empty} and the other creators. */
export interface DTypeOptions<D extends DType = DType> {
  /** The element type (default `float32`). */
  dtype?: D;
}

/**
 * A new contiguous tensor of `shape` with every element equal to `value`.
 *
 * The dtype is `options.dtype`, else `bool` for a boolean value, else `float32`. The value must fit the
 * dtype exactly (an integer for `int32`, 0/1 or true/false for `bool`): nothing is rounded silently.
 *
 * Shapes: `shape` -> `shape`.
 *
 * @example
 * import { full } from '@attn/tensor';
 * full([2, 3], 7);                      // float32 [[7, 7, 7], [7, 7, 7]]
 * full([2], true);                      // bool [true, true]
 * full([3], -Infinity);                 // float32, a row of -inf (e.g. a fully masked score row)
 */
export function full<D extends DType>(
  shape: Shape,
  value: number | boolean,
  options: DTypeOptions<D> & { dtype: D },
): Tensor<D>;
export function full(shape: Shape, value: boolean, options?: DTypeOptions<'bool'>): Tensor<'bool'>;
export function full(shape: Shape, value: number, options?: DTypeOptions<'float32'>): Tensor<'float32'>;
export function full(shape: Shape, value: number | boolean, options: DTypeOptions = {}): Tensor {
  return fillNew('full', shape, value, options.dtype ?? (typeof value === 'boolean' ? 'bool' : DEFAULT_DTYPE));
}

/** Shared body of the fill-style creators; `fn` names the public caller in errors. */
export function fillNew<D extends DType>(fn: string, shape: Shape, value: number | boolean, dtype: D): Tensor<D> {
  assertShape(fn, shape);
  assertDType(fn, dtype);
  const v = fillValue(fn, dtype, value);
  const data = allocate(dtype, sizeOf(shape));
  if (v !== 0) data.fill(v);
  return makeTensor(dtype, data, shape);
}
