import type { AttentionPlan } from '../attention/planAttention.js';

/** An additive `[Tq, Tk]` float32 matrix for the fused kernel, read through its strides. */
export interface MaskBias {
  data: Float32Array;
  rowStride: number;
  colStride: number;
  offset: number;
}

/** The 0 / -Infinity matrix built from a boolean mask, kept between calls (grown on demand, never shrunk). */
let built = new Float32Array(0);
/** Which (plan, boolean mask offset, additive mask offset) `built` holds now, so broadcast heads reuse it. */
let builtFor: { plan: AttentionPlan | null; allow: number; bias: number } = { plan: null, allow: -1, bias: -1 };

/** Drops the reference to the last plan (so its tensors can be collected); the matrix itself is kept. Internal. */
export function forgetMaskBias(): void {
  builtFor = { plan: null, allow: -1, bias: -1 };
}

/**
 * The mask of batch index and head `n` of a float32 plan as one additive matrix: `null` without a mask; the
 * additive mask itself, in place, when there is no boolean mask; otherwise a `[Tq, Tk]` matrix holding the additive
 * mask (or 0) where the boolean mask allows and -Infinity where it does not. The causal mask is not in it (the
 * kernel applies that as a diagonal limit). Internal.
 */
export function maskBias(plan: AttentionPlan, n: number): MaskBias | null {
  const { allow, bias, tq, tk } = plan;
  if (allow === null) {
    if (bias === null) return null;
    return {
      data: bias.data as Float32Array,
      rowStride: bias.rowStride,
      colStride: bias.colStride,
      offset: bias.offsets[n],
    };
  }
  const allowAt = allow.offsets[n];
  const biasAt = bias === null ? -1 : bias.offsets[n];
  const result = { data: built, rowStride: tk, colStride: 1, offset: 0 };
  if (builtFor.plan === plan && builtFor.allow === allowAt && builtFor.bias === biasAt) return result;
  if (built.length < tq * tk) {
    built = new Float32Array(tq * tk);
    result.data = built;
  }
  const a = allow.data;
  const b = bias === null ? null : (bias.data as Float32Array);
  for (let i = 0; i < tq; i++) {
    let ao = allowAt + i * allow.rowStride;
    let bo = biasAt + i * (bias === null ? 0 : bias.rowStride);
    const bs = bias === null ? 0 : bias.colStride;
    for (let j = 0, at = i * tk; j < tk; j++, at++, ao += allow.colStride, bo += bs) {
      built[at] = a[ao] === 0 ? Number.NEGATIVE_INFINITY : b === null ? 0 : b[bo];
    }
  }
  builtFor = { plan, allow: allowAt, bias: biasAt };
  return result;
}
