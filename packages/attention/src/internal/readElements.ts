import { type DataOf, type FloatDType, type Tensor, toFlat } from '@attn/tensor';

/**
 * A fresh contiguous copy of a float tensor's elements in row-major order, to compute into: `@attn/tensor`'s
 * `toFlat`, typed for the float tensors this package works on. Internal.
 */
export function readElements(x: Tensor): DataOf<FloatDType> {
  return toFlat(x) as DataOf<FloatDType>;
}
