import { add, type FloatDType, showShape, type Tensor } from '@attn/tensor';
import { assertFloatTensor, assertSameDType } from '../internal/validate.js';

/**
 * A residual connection, x + Sublayer(x) (the paper's section 5.4, before its layer norm): give the sublayer's
 * output, or the sublayer itself as a function of x.
 *
 * Shapes: x `[...]`, Sublayer(x) of the same shape -> `[...]`, a fresh tensor.
 *
 * @example
 * import { residual, layerNorm, feedForward } from '@attn/attention';
 * const y = layerNorm(residual(x, (h) => feedForward(h, ffn))); // post-norm, as the paper
 */
export function residual(x: Tensor, sublayer: Tensor | ((x: Tensor) => Tensor)): Tensor<FloatDType> {
  const fn = 'residual';
  assertFloatTensor(fn, 'x', x);
  const y = typeof sublayer === 'function' ? sublayer(x) : sublayer;
  assertFloatTensor(fn, 'the sublayer output', y);
  assertSameDType(fn, 'the sublayer output', y, 'x', x);
  if (showShape(y.shape) !== showShape(x.shape)) {
    throw new RangeError(
      `${fn}: x ${showShape(x.shape)} and the sublayer output ${showShape(y.shape)} must have the same shape`,
    );
  }
  // Same shape and dtype, checked above: @attn/tensor's add reads both views in place, without copying either.
  return add(x as Tensor<FloatDType>, y as Tensor<FloatDType>);
}
