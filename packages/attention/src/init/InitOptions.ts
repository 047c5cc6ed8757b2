import type { FloatDType } from '@attn/tensor';

/** Options every initialiser takes. */
export interface InitOptions {
  /**
   * The seed (an integer in [0, 2^32)) of `@attn/tensor`'s generator: the same seed gives the same weights on
   * every machine.
   */
  seed: number;
  /** The element type. Default `float32`. */
  dtype?: FloatDType;
}
