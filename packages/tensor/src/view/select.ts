import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Picks element `index` along `axis` and drops that axis (torch's `select`, numpy's `t[:, i]`): a view
 * sharing `t.data`. Negative `axis` and `index` count from the end.
 *
 * Shapes: `[..., d_axis, ...]` -> `[..., ...]` (rank - 1).
 *
 * @example
 * import { select, tensor } from '@attn/tensor';
 * const w = tensor([[1, 2], [3, 4], [5, 6]]); // [3, 2]
 * select(w, 0, -1);                           // [2]: [5, 6], the last row
 * select(w, 1, 0);                            // [3]: [1, 3, 5], the first column
 */
export function select<D extends DType>(t: Tensor<D>, axis: number, index: number): Tensor<D> {
  assertTensor('select', 't', t);
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new TypeError(
      `select: axis must be an integer, got ${JSON.stringify(axis)} (select(t, axis, index) picks one index on one axis)`,
    );
  }
  const rank = t.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new RangeError(`select: axis ${axis} is out of range for shape ${showShape(t.shape)} (rank ${rank})`);
  }
  const d = t.shape[a];
  if (!Number.isInteger(index) || index < -d || index >= d) {
    throw new RangeError(
      `select: index ${index} is out of range for axis ${axis} of length ${d} (shape ${showShape(t.shape)})`,
    );
  }
  const i = index < 0 ? index + d : index;
  const shape = t.shape.filter((_, k) => k !== a);
  const strides = t.strides.filter((_, k) => k !== a);
  return makeTensor(t.dtype, t.data, shape, strides, t.offset + i * t.strides[a]);
}
