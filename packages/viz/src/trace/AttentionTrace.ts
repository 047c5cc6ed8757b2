import type { Tensor } from '@attn/tensor';

/**
 * Every intermediate of scaled dot-product attention, as `@attn/attention` returns it with `trace: true`.
 * Declared here structurally (viz never imports attention: layers point down); a type test in the docs app
 * proves the two declarations agree. Axis orders are the attention package's.
 */
export interface AttentionTrace {
  /** The factor applied to the scores, usually 1 / sqrt(d_k). */
  scale: number;
  /** `[batch, head, query, key]`: Q K^T. */
  scores: Tensor;
  /** `[batch, head, query, key]`: the scores times `scale`. */
  scaled: Tensor;
  /** `[batch, head, query, key]`: the combined boolean mask applied (`true` = may attend). */
  mask: Tensor<'bool'>;
  /** `[batch, head, query, key]`: the scaled scores, `-Infinity` where masked. */
  masked: Tensor;
  /** `[batch, head, query, key]`: softmax over keys; fully masked rows are 0. */
  weights: Tensor;
  /** `[batch, head, query, dim]`: the weights times V. */
  output: Tensor;
  /** `[batch, head, query]`: true for queries that may attend to no key at all. */
  fullyMasked: Tensor<'bool'>;
}
