import { type DataOf, type FloatDType, forEachOffset, isContiguous, type Tensor } from '@attn/tensor';

/** A fresh contiguous copy of a float tensor's elements in row-major order. Internal. */
export function readElements(x: Tensor): DataOf<FloatDType> {
  const size = x.shape.reduce((a, b) => a * b, 1);
  const out = x.dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
  const data = x.data;
  if (isContiguous(x)) {
    out.set(data.subarray(x.offset, x.offset + size));
    return out;
  }
  forEachOffset(x.shape, x.strides, x.offset, (o, i) => {
    out[i] = data[o];
  });
  return out;
}
