import { getKernels } from '@attn/tensor';
import type { AttentionPlan } from '../attention/planAttention.js';
import { forgetMaskBias, maskBias } from './maskBias.js';

/**
 * Runs a checked float32 attention plan on the fused kernel (`sfusedSoftmaxGemm` of `@attn/tensor`):
 * for each batch index and head n, O_n = softmax(Q_n K_n^T * scale + mask) V_n, written to
 * `Y[offsetOf(n) + i * rowStride + c]` for query i and value column c. Internal.
 *
 * Q, K and V are read in place through their strides (K^T is K with its strides swapped, never copied); the causal
 * mask becomes the kernel's diagonal limit, so score blocks no query may see are never computed; a boolean mask
 * (with or without an additive one) becomes one additive `[Tq, Tk]` matrix of 0 / -Infinity, built once and
 * reused while the heads broadcast the same mask; an additive mask alone is read in place. No `[Tq, Tk]` matrix of
 * scores is ever allocated, and steady-state calls allocate nothing but what the caller's output needs.
 */
export function attendFused(
  plan: AttentionPlan,
  Y: Float32Array,
  rowStride: number,
  offsetOf: (n: number) => number,
): void {
  const { tq, tk, d, dv, scale, q, k, v, causal } = plan;
  const fused = getKernels().sfusedSoftmaxGemm;
  const diagonal = causal === null ? Number.POSITIVE_INFINITY : causal === 'upper-left' ? 0 : tk - tq;
  const count = q.offsets.length;
  const Q = q.data as Float32Array;
  const K = k.data as Float32Array;
  const V = v.data as Float32Array;
  for (let n = 0; n < count; n++) {
    const bias = maskBias(plan, n);
    fused(
      tq,
      tk,
      d,
      dv,
      scale,
      Q,
      q.rowStride,
      q.colStride,
      q.offsets[n],
      K,
      k.rowStride,
      k.colStride,
      k.offsets[n],
      V,
      v.rowStride,
      v.colStride,
      v.offsets[n],
      bias === null ? null : bias.data,
      bias === null ? 0 : bias.rowStride,
      bias === null ? 0 : bias.colStride,
      bias === null ? 0 : bias.offset,
      diagonal,
      Y,
      rowStride,
      1,
      offsetOf(n),
    );
  }
  forgetMaskBias();
}
