import type { DataOf, DType } from './dtype.js';
import { rowMajorStrides } from './shape.js';
import type { Shape, Tensor } from './Tensor.js';

/**
 * Assembles a tensor from its parts without copying or validating (internal code trusts itself;
 * public entry points validate first). Strides default to row-major, offset to 0.
 *
 * @example
 * const t = makeTensor('float32', new Float32Array(6), [2, 3]); // strides [3, 1]
 */
export function makeTensor<D extends DType>(
  dtype: D,
  data: DataOf<D>,
  shape: Shape,
  strides: readonly number[] = rowMajorStrides(shape),
  offset = 0,
): Tensor<D> {
  return { dtype, data, shape: Object.freeze([...shape]), strides: Object.freeze([...strides]), offset };
}
