import type { FloatDType, Tensor } from '@attn/tensor';
import { generator } from '@attn/tensor';
import { uniformTensor } from '../internal/fillRandom.js';
import { fans } from './fans.js';
import type { InitOptions } from './InitOptions.js';

/** Options of {@link xavierUniform} and {@link xavierNormal}. */
export interface XavierOptions extends InitOptions {
  /** The gain (PyTorch's `gain`). Default 1. */
  gain?: number;
}

/**
 * A weight drawn from Xavier/Glorot uniform, PyTorch's `nn.init.xavier_uniform_`:
 * U(-a, a) with a = gain · sqrt(6 / (fan_in + fan_out)).
 *
 * Shapes: `[out, in, ...]` -> a fresh tensor of that shape.
 *
 * @example
 * import { xavierUniform } from '@attn/attention';
 * const w = xavierUniform([1536, 512], { seed: 42 }); // nn.MultiheadAttention's in_proj_weight for E = 512
 */
export function xavierUniform(shape: readonly number[], options: XavierOptions): Tensor<FloatDType> {
  const { fanIn, fanOut } = fans('xavierUniform', shape);
  const a = (options.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut));
  return uniformTensor(shape, -a, a, generator(options.seed), options.dtype ?? 'float32');
}
