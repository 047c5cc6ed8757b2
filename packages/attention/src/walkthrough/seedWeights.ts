import type { MultiHeadAttentionParams } from '../attention/MultiHeadAttentionParams.js';
import { initFeedForward } from '../init/initFeedForward.js';
import { drawMultiHeadAttention } from '../init/initMultiHeadAttention.js';
import type { FeedForwardParams } from '../layers/feedForward.js';

/** The weights of a walkthrough: the attention's, and the feed-forward block's when first asked for. */
export interface SeedWeights {
  /** What they were drawn for. */
  key: { seed: number; dModel: number; numHeads: number };
  /** W_Q, W_K, W_V (packed), W_O and their biases, seeded with seed + 1. */
  attention: MultiHeadAttentionParams;
  /** W_1, b_1, W_2, b_2 (d_model -> 4 d_model -> d_model), seeded with seed + 2; drawn on the first call. */
  feedForward: () => FeedForwardParams;
}

/** How many weight sets stay drawn: a page or two of the site, each with its own sizes, and the one before. */
const KEEP = 4;
const kept = new Map<string, SeedWeights>();

/**
 * The walkthrough's weights for a seed and sizes, drawn once and kept for the last {@link KEEP} sizes asked for.
 *
 * Weights depend on the seed and the sizes only, never on the sequence length: a page that changes the length
 * (or asks again with the same inputs) reuses them instead of drawing millions of numbers again. The tensors
 * are shared by every call with the same inputs, so callers read them and never write to them, with one
 * exception: `recycle`, weights of the same sizes that the caller is done with, whose attention tensors are
 * overwritten with the new draws instead of allocating new ones (fresh memory is what a new seed costs most:
 * 4 MB at the seed's sizes). Internal.
 *
 * Shapes: attention in_proj `[3 d_model, d_model]`, out_proj `[d_model, d_model]`; feed-forward
 * `[4 d_model, d_model]` and `[d_model, 4 d_model]`.
 *
 * @example
 * seedWeights(42, 512, 8).attention.inProjWeight?.shape; // [1536, 512]
 */
export function seedWeights(seed: number, dModel: number, numHeads: number, recycle?: SeedWeights): SeedWeights {
  const key = keyOf(seed, dModel, numHeads);
  const found = kept.get(key);
  if (found) {
    // Most recently used last, so the first key is the one to forget.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const options = { embedDim: dModel, numHeads, seed: seed + 1 };
  let into: MultiHeadAttentionParams | undefined;
  if (recycle && recycle.key.dModel === dModel && recycle.key.numHeads === numHeads) {
    // Its numbers are about to change: it must not be found under its old seed any more.
    const old = keyOf(recycle.key.seed, dModel, numHeads);
    if (kept.get(old) === recycle) kept.delete(old);
    into = recycle.attention;
  }
  let feedForward: FeedForwardParams | undefined;
  const weights: SeedWeights = {
    key: { seed, dModel, numHeads },
    attention: drawMultiHeadAttention(options, into),
    feedForward: () => {
      feedForward ??= initFeedForward({ dModel, dFF: 4 * dModel, seed: seed + 2 });
      return feedForward;
    },
  };
  kept.set(key, weights);
  if (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
  return weights;
}

function keyOf(seed: number, dModel: number, numHeads: number): string {
  return `${seed} ${dModel} ${numHeads}`;
}
