import type { DataOf, FloatDType } from '@attn/tensor';
import { causalLimit } from './causalMask.js';
import type { AttentionPlan } from './planAttention.js';

/**
 * Masks one `[Tq, Tk]` matrix of scaled scores in place, for batch index `n`: keys a query may not attend to
 * (boolean mask false, or after it under the causal mask) become -Infinity, an additive mask is added.
 * Writes `fullyMasked[fullOffset + i]` = 1 for each query row left with every key at -Infinity, and, when
 * `allowed` is given (a trace), the combined boolean mask. Returns how many rows were fully masked. Internal.
 *
 * Masked scores are replaced, not added to, so a NaN or Infinity score at a masked key never leaks into the
 * softmax (PyTorch's boolean masks behave the same).
 */
export function maskScores(
  plan: AttentionPlan,
  n: number,
  S: DataOf<FloatDType>,
  offsetS: number,
  fullyMasked: Uint8Array,
  fullOffset: number,
  allowed: Uint8Array | null,
  allowedOffset: number,
): number {
  const { tq, tk, allow, bias, causal } = plan;
  let fullRows = 0;
  const a = allow ? allow.data : null;
  const aRowStride = allow ? allow.rowStride : 0;
  const aColStride = allow ? allow.colStride : 0;
  const b = bias ? bias.data : null;
  const bRowStride = bias ? bias.rowStride : 0;
  const bColStride = bias ? bias.colStride : 0;
  for (let i = 0; i < tq; i++) {
    // Keys after `last` are hidden by the causal mask; without one every key is in reach.
    const last = causal ? Math.min(causalLimit(i, tq, tk, causal), tk - 1) : tk - 1;
    const row = offsetS + i * tk;
    let ao = allow ? allow.offsets[n] + i * aRowStride : 0;
    let bo = bias ? bias.offsets[n] + i * bRowStride : 0;
    let any = false;
    for (let j = 0; j <= last; j++, ao += aColStride, bo += bColStride) {
      if (a !== null && a[ao] === 0) {
        S[row + j] = Number.NEGATIVE_INFINITY;
        continue;
      }
      if (allowed) allowed[allowedOffset + i * tk + j] = 1;
      const x = b === null ? S[row + j] : S[row + j] + b[bo];
      S[row + j] = x;
      if (x !== Number.NEGATIVE_INFINITY) any = true;
    }
    for (let j = Math.max(last + 1, 0); j < tk; j++) S[row + j] = Number.NEGATIVE_INFINITY;
    if (!any) {
      fullyMasked[fullOffset + i] = 1;
      fullRows++;
    }
  }
  return fullRows;
}
