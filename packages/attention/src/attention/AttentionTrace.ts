import type { Tensor } from '@attn/tensor';

/**
 * Every stage of scaled dot-product attention, as returned with `trace: true`: the contract the charts
 * (`@attn/viz`) and the tutorial site are built on. Field names and axis orders are fixed here.
 *
 * Always rank 4: the leading (batch) axes of the inputs are flattened into `batch` (1 when there are none) and
 * `head` is the number of query heads Hq. In the paper's names, with d_k the width of a query:
 *
 * scores = Q K^T, scaled = scores * scale (scale = 1/sqrt(d_k) by default), masked = scaled (+ additive mask)
 * with -Infinity where `mask` is false, weights = softmax(masked) over keys, output = weights V.
 *
 * @example
 * const { trace } = scaledDotProductAttention(q, k, v, { causal: true, trace: true });
 * trace.weights.shape; // [batch, head, query, key]
 */
export interface AttentionTrace {
  /** The scale the scores were multiplied by (1/sqrt(d_k) unless given). */
  scale: number;
  /** Q K^T, `[batch, head, query, key]`. */
  scores: Tensor;
  /** scores * scale, `[batch, head, query, key]`. */
  scaled: Tensor;
  /** The combined boolean mask actually applied (true = may attend; all true when none), `[batch, head, query, key]`. */
  mask: Tensor<'bool'>;
  /** scaled (+ the additive mask), -Infinity where `mask` is false, `[batch, head, query, key]`. */
  masked: Tensor;
  /** softmax(masked) over keys; a fully masked row is all 0, `[batch, head, query, key]`. */
  weights: Tensor;
  /** weights V, `[batch, head, query, dim]` (dim is the width of a value, d_v). */
  output: Tensor;
  /** True where a query could attend to no key (every key -Infinity after masking), `[batch, head, query]`. */
  fullyMasked: Tensor<'bool'>;
}

/**
 * Every stage of multi-head attention, as returned with `trace: true`.
 *
 * `batch` is 1 for unbatched inputs; `head` is numHeads, `kvHead` is numKvHeads (equal to numHeads unless
 * grouped-query or multi-query attention), `dim` is the head width d_k = embedDim / numHeads.
 */
export interface MultiHeadTrace {
  /** The queries after projection, split into heads, `[batch, head, query, dim]`. */
  q: Tensor;
  /** The keys after projection, split into heads, `[batch, kvHead, key, dim]`. */
  k: Tensor;
  /** The values after projection, split into heads, `[batch, kvHead, key, dim]`. */
  v: Tensor;
  /** Every stage of the per-head attention (head = numHeads). */
  attention: AttentionTrace;
  /** The heads' outputs side by side, `[batch, query, head * dim]`. */
  concat: Tensor;
  /** The output projection of `concat`, `[batch, query, embed]`. */
  output: Tensor;
}
