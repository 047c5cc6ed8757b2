import { type SeedWalkthrough, seedWalkthrough } from '@attn/attention';
import type { Ref } from 'vue';
import type { ControlValues } from './controls';
import { type Live, useLive } from './useLive';

/** The seed project's sizes: 128 tokens, d_model 512, 8 heads (d_k 64), seed 42. */
export const SEED_SIZES = { seed: 42, tokens: 128, dModel: 512, heads: 8 } as const;

/**
 * The seed walkthrough (multi-head causal self-attention over toy embeddings) for the page's controls,
 * recomputed and timed whenever they change. Reads `seed`, `tokens`, `dModel` and `heads`; missing ones take
 * the seed's sizes. Each new result replaces (and recycles the weights of) the one before: read only the latest.
 * @example
 * const controls = ref({ seed: 42, tokens: 16 });
 * const walk = useWalkthrough(controls); // walk.value.value?.weights: [heads, tokens, tokens]
 */
export function useWalkthrough(controls: Ref<ControlValues>): Live<SeedWalkthrough> {
  const live: Live<SeedWalkthrough> = useLive(
    () => ({
      seed: Number(controls.value.seed ?? SEED_SIZES.seed),
      tokens: Number(controls.value.tokens ?? SEED_SIZES.tokens),
      dModel: Number(controls.value.dModel ?? SEED_SIZES.dModel),
      numHeads: Number(controls.value.heads ?? SEED_SIZES.heads),
    }),
    // The result being replaced lends its weight buffers to the new seed's: drawing 4 MB into memory the page
    // already has is several times faster than into fresh memory.
    (options) => seedWalkthrough({ ...options, reuse: live.value.value }),
  );
  return live;
}
