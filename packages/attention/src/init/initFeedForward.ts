import { generator } from '@attn/tensor';
import { assertPositiveInteger } from '../internal/validate.js';
import type { FeedForwardParams } from '../layers/feedForward.js';
import type { InitOptions } from './InitOptions.js';
import { drawLinear } from './initLinear.js';

/** Options of {@link initFeedForward}. */
export interface InitFeedForwardOptions extends InitOptions {
  /** d_model, the width in and out. */
  dModel: number;
  /** d_ff, the hidden width (the paper: 2048 for d_model = 512). */
  dFF: number;
  /** Make biases. Default true. */
  bias?: boolean;
}

/**
 * Seeded weights for {@link feedForward}: two `nn.Linear` defaults (U(-1/sqrt(in), 1/sqrt(in))), the first
 * d_model -> d_ff, the second d_ff -> d_model, drawn in that order from one seeded source.
 *
 * Shapes: -> w1 `[dFF, dModel]`, b1 `[dFF]`, w2 `[dModel, dFF]`, b2 `[dModel]`.
 *
 * @example
 * import { initFeedForward } from '@attn/attention';
 * const ffn = initFeedForward({ dModel: 512, dFF: 2048, seed: 42 });
 */
export function initFeedForward(options: InitFeedForwardOptions): FeedForwardParams {
  assertPositiveInteger('initFeedForward', 'dModel', options.dModel);
  assertPositiveInteger('initFeedForward', 'dFF', options.dFF);
  const random = generator(options.seed);
  const common = { dtype: options.dtype, bias: options.bias };
  const first = drawLinear({ ...common, inFeatures: options.dModel, outFeatures: options.dFF }, random);
  const second = drawLinear({ ...common, inFeatures: options.dFF, outFeatures: options.dModel }, random);
  return { w1: first.weight, b1: first.bias, w2: second.weight, b2: second.bias };
}
