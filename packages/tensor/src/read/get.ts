import type { DType } from '../core/dtype.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import type { ValueOf } from './ValueOf.js';

/**
 * Reads one element of `t` at `index` (one integer per axis; negative ones count from the end):
 * a number, or a boolean for a `bool` tensor. Bounds are checked.
 *
 * Shapes: `t: [d_0, ..., d_{r-1}]` with `r` indices -> one value.
 *
 * @example
 * import { get, tensor } from '@attn/tensor';
 * const t = tensor([[1, 2, 3], [4, 5, 6]]);
 * get(t, 1, 0);   // 4
 * get(t, -1, -1); // 6
 */
export function get<D extends DType>(t: Tensor<D>, ...index: number[]): ValueOf<D> {
  assertTensor('get', 't', t);
  const rank = t.shape.length;
  if (index.length !== rank) {
    throw new RangeError(
      `get: ${index.length} indices [${index.join(',')}] for shape ${showShape(t.shape)} of rank ${rank}`,
    );
  }
  let o = t.offset;
  for (let a = 0; a < rank; a++) {
    const d = t.shape[a];
    const i = index[a];
    if (!Number.isInteger(i) || i < -d || i >= d) {
      throw new RangeError(
        `get: index [${index.join(',')}] is out of range for shape ${showShape(t.shape)} (axis ${a}: ${i})`,
      );
    }
    o += (i < 0 ? i + d : i) * t.strides[a];
  }
  const v = t.data[o];
  return (t.dtype === 'bool' ? v !== 0 : v) as ValueOf<D>;
}
