import { makeTensor, type Tensor } from '@attn/tensor';

/**
 * Splits the last axis of projected tokens into heads, as a view (no copy): `[B, T, H * d]` -> `[B, H, T, d]`.
 * Head h is the slice of columns `h*d .. (h+1)*d - 1`, as PyTorch's `view(B, T, H, d).transpose(1, 2)`.
 * Internal: the caller has checked that H divides the last axis.
 */
export function splitHeads(x: Tensor, heads: number): Tensor {
  const [b, t, width] = x.shape;
  const d = width / heads;
  const [sb, st, sc] = x.strides;
  return makeTensor(x.dtype, x.data, [b, heads, t, d], [sb, d * sc, st, sc], x.offset);
}
