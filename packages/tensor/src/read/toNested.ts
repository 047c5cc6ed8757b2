import type { DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import { toFlat } from './toFlat.js';
import type { Nested, ValueOf } from './ValueOf.js';

/**
 * The elements of `t` as plain nested JavaScript arrays, outermost axis first (numpy's `tolist`):
 * numbers, or `true`/`false` for a `bool` tensor; a scalar (rank 0) gives a bare value. Works for
 * every view and never shares memory with `t`.
 *
 * Shapes: `[d_0, ..., d_{r-1}]` -> `d_0` arrays of ... of `d_{r-1}` values.
 *
 * @example
 * import { tensor, toNested, transpose } from '@attn/tensor';
 * toNested(transpose(tensor([[1, 2, 3], [4, 5, 6]]))); // [[1, 4], [2, 5], [3, 6]]
 * toNested(tensor([true, false]));                      // [true, false]
 */
export function toNested<D extends DType>(t: Tensor<D>): Nested<ValueOf<D>> {
  assertTensor('toNested', 't', t);
  const flat = toFlat(t);
  const isBool = t.dtype === 'bool';
  const shape = t.shape;
  let k = 0;
  const build = (axis: number): Nested<ValueOf<D>> => {
    if (axis === shape.length) {
      const v = flat[k++];
      return (isBool ? v !== 0 : v) as ValueOf<D>;
    }
    const row = new Array<Nested<ValueOf<D>>>(shape[axis]);
    for (let i = 0; i < shape[axis]; i++) row[i] = build(axis + 1);
    return row;
  };
  return build(0);
}
