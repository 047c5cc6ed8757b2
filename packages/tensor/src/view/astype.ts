import { allocate, assertDType, type DType } from '../core/dtype.js';
import { forEachOffset } from '../core/forEachOffset.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * A new contiguous copy of `t` converted to `dtype`: the one explicit way to change a dtype.
 *
 * Rules: to `bool`, nonzero (NaN included) is `true`; from `bool`, `true` is 1; to `int32`, floats are
 * truncated toward zero (`2.7 -> 2`, `-2.7 -> -2`), and NaN, infinities and values outside the int32
 * range throw instead of wrapping around; float64 to float32 rounds to nearest. Always copies, even when
 * the dtype is unchanged.
 *
 * Shapes: unchanged.
 *
 * @example
 * import { astype, tensor } from '@attn/tensor';
 * astype(tensor([-1.5, 0, 2.7]), 'int32');  // int32 [-1, 0, 2]
 * astype(tensor([0, 3, -1]), 'bool');       // bool [false, true, true]
 */
export function astype<D extends DType>(t: Tensor, dtype: D): Tensor<D> {
  assertTensor('astype', 't', t);
  assertDType('astype', dtype);
  const src = t.data;
  const out = allocate(
    dtype,
    t.shape.reduce((a, b) => a * b, 1),
  );
  if (dtype === 'bool') {
    forEachOffset(t.shape, t.strides, t.offset, (o, i) => {
      out[i] = src[o] !== 0 ? 1 : 0; // NaN !== 0, so NaN is true, as numpy's bool(nan)
    });
  } else if (dtype === 'int32' && t.dtype !== 'int32' && t.dtype !== 'bool') {
    forEachOffset(t.shape, t.strides, t.offset, (o, i) => {
      const v = Math.trunc(src[o]);
      if (!(v >= -2147483648 && v <= 2147483647)) {
        throw new RangeError(
          `astype: element ${i} of a ${t.dtype} tensor of shape ${showShape(t.shape)} is ${src[o]}, which int32 cannot hold`,
        );
      }
      out[i] = v;
    });
  } else {
    forEachOffset(t.shape, t.strides, t.offset, (o, i) => {
      out[i] = src[o];
    });
  }
  return makeTensor(dtype, out, t.shape);
}
