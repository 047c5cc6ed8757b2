import { showShape } from '@attn/tensor';

/**
 * fan_in and fan_out of a weight as PyTorch computes them (`_calculate_fan_in_and_fan_out`): for `[out, in, ...k]`,
 * fan_in = in · prod(k) and fan_out = out · prod(k). `fn` names the caller in the error.
 *
 * @example
 * fans('xavierUniform', [1536, 512]); // { fanIn: 512, fanOut: 1536 }
 */
export function fans(fn: string, shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new RangeError(`${fn}: shape must be [out, in, ...] with positive lengths, got ${showShape(shape)}`);
  }
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}
