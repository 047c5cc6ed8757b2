import type { FloatDType, Tensor } from '@attn/tensor';
import { type Generator, generator } from '@attn/tensor';
import { uniformTensor } from '../internal/fillRandom.js';
import { assertPositiveInteger } from '../internal/validate.js';
import type { InitOptions } from './InitOptions.js';

/** Options of {@link initLinear}. */
export interface InitLinearOptions extends InitOptions {
  inFeatures: number;
  outFeatures: number;
  /** Make a bias too. Default true. */
  bias?: boolean;
}

/** The weights of one linear map, in PyTorch's layout. */
export interface LinearParams {
  /** `[out, in]`. */
  weight: Tensor<FloatDType>;
  /** `[out]`, when asked for. */
  bias?: Tensor<FloatDType>;
}

/**
 * Weights for {@link linear} drawn as PyTorch's `nn.Linear` draws its defaults: `kaiming_uniform_(a=sqrt(5))`,
 * which is U(-1/sqrt(in), 1/sqrt(in)) for the weight, and the same bound for the bias.
 *
 * Shapes: -> weight `[outFeatures, inFeatures]`, bias `[outFeatures]`.
 *
 * @example
 * import { initLinear, linear } from '@attn/attention';
 * const { weight, bias } = initLinear({ inFeatures: 512, outFeatures: 2048, seed: 42 });
 */
export function initLinear(options: InitLinearOptions): LinearParams {
  assertPositiveInteger('initLinear', 'inFeatures', options.inFeatures);
  assertPositiveInteger('initLinear', 'outFeatures', options.outFeatures);
  return drawLinear(options, generator(options.seed));
}

/** {@link initLinear} drawing from a given source (weight first, then bias). Internal. */
export function drawLinear(options: Omit<InitLinearOptions, 'seed'>, random: Generator): LinearParams {
  const dtype = options.dtype ?? 'float32';
  const bound = 1 / Math.sqrt(options.inFeatures);
  const weight = uniformTensor([options.outFeatures, options.inFeatures], -bound, bound, random, dtype);
  if (options.bias === false) return { weight };
  return { weight, bias: uniformTensor([options.outFeatures], -bound, bound, random, dtype) };
}
