import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Inserts an axis of length 1 at position `axis` (numpy's `expand_dims`, torch's `unsqueeze`): a view.
 * `axis` ranges over `[-rank-1, rank]`; `-1` appends at the end.
 *
 * Shapes: `[d_0, ..., d_{r-1}]` -> the same with a 1 at `axis` (rank + 1).
 *
 * @example
 * import { expandDims, ones } from '@attn/tensor';
 * const padding = ones([2, 7], { dtype: 'bool' }); // [batch, keys]
 * expandDims(expandDims(padding, 1), 1).shape;     // [2, 1, 1, 7]: broadcasts over heads and queries
 */
export function expandDims<D extends DType>(t: Tensor<D>, axis: number): Tensor<D> {
  assertTensor('expandDims', 't', t);
  const rank = t.shape.length;
  const a = axis < 0 ? axis + rank + 1 : axis;
  if (!Number.isInteger(a) || a < 0 || a > rank) {
    throw new RangeError(
      `expandDims: axis ${axis} is out of range [${-rank - 1}, ${rank}] for shape ${showShape(t.shape)}`,
    );
  }
  const shape = [...t.shape];
  const strides = [...t.strides];
  // Any stride works for a length-1 axis; this one keeps a contiguous tensor's strides row-major.
  const stride = a < rank ? t.shape[a] * t.strides[a] : 1;
  shape.splice(a, 0, 1);
  strides.splice(a, 0, stride);
  return makeTensor(t.dtype, t.data, shape, strides, t.offset);
}
