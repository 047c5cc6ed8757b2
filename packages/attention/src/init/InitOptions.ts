import type { FloatDType } from '@attn/tensor';

/** Options every initialiser takes. */
export interface InitOptions {
  /** The seed of the random numbers: the same seed gives the same weights on every machine. */
  seed: number;
  /** The element type. Default `float32`. */
  dtype?: FloatDType;
}
