import type { FloatDType, Tensor } from '@attn/tensor';
import { generator } from '@attn/tensor';
import { normalTensor } from '../internal/fillRandom.js';
import { fans } from './fans.js';
import type { XavierOptions } from './xavierUniform.js';

/**
 * A weight drawn from Xavier/Glorot normal, PyTorch's `nn.init.xavier_normal_`:
 * N(0, std^2) with std = gain · sqrt(2 / (fan_in + fan_out)).
 *
 * Shapes: `[out, in, ...]` -> a fresh tensor of that shape.
 *
 * @example
 * import { xavierNormal } from '@attn/attention';
 * const w = xavierNormal([64, 64], { seed: 1 }); // std = sqrt(2 / 128) = 0.125
 */
export function xavierNormal(shape: readonly number[], options: XavierOptions): Tensor<FloatDType> {
  const { fanIn, fanOut } = fans('xavierNormal', shape);
  const std = (options.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut));
  return normalTensor(shape, 0, std, generator(options.seed), options.dtype ?? 'float32');
}
