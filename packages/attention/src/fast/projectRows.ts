import { getKernels, type Tensor } from '@attn/tensor';

/**
 * Y = X W^T + b for a float32 `[B, T, in]` X into rows of Y (row r of batch n at `offsetY + (n*T + r) * ldy`):
 * the projection of multi-head attention's fast path, written straight where attention will read it. W is
 * `[out, in]` as PyTorch stores it (W^T is read through swapped strides); b `[out]` is copied into each row first
 * (a memcpy per row when it is contiguous) and the gemm adds X W^T on top (beta = 1). Internal: shapes are checked.
 */
export function projectRows(
  x: Tensor,
  weight: Tensor,
  bias: Tensor | undefined,
  Y: Float32Array,
  offsetY: number,
  ldy: number,
): void {
  const [batches, rows] = x.shape;
  const [out, inn] = weight.shape;
  const gemm = getKernels().sgemm;
  if (bias !== undefined) {
    const b = bias.data as Float32Array;
    const s = bias.strides[0];
    const contiguous = s === 1 ? b.subarray(bias.offset, bias.offset + out) : null;
    for (let r = 0; r < batches * rows; r++) {
      const at = offsetY + r * ldy;
      if (contiguous !== null) Y.set(contiguous, at);
      else for (let o = 0; o < out; o++) Y[at + o] = b[bias.offset + o * s];
    }
  }
  // One gemm for all batches when their rows are evenly spaced (a contiguous x), else one per batch.
  const together = batches === 1 || x.strides[0] === rows * x.strides[1];
  const calls = together ? 1 : batches;
  const m = together ? batches * rows : rows;
  for (let n = 0; n < calls; n++) {
    gemm(
      'no-transpose',
      'transpose',
      m,
      out,
      inn,
      1,
      x.data as Float32Array,
      x.strides[1],
      x.strides[2],
      x.offset + n * x.strides[0],
      weight.data as Float32Array,
      weight.strides[0],
      weight.strides[1],
      weight.offset,
      bias === undefined ? 0 : 1,
      Y,
      ldy,
      1,
      offsetY + n * rows * ldy,
    );
  }
}
