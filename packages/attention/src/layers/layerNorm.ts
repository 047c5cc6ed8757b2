import { type FloatDType, makeTensor, showShape, type Tensor } from '@attn/tensor';
import { readElements } from '../internal/readElements.js';
import { assertFloatTensor, assertSameDType } from '../internal/validate.js';

/** Options of {@link layerNorm}. */
export interface LayerNormOptions {
  /** γ, `[E]`, multiplies the normalised values. Default all ones. */
  weight?: Tensor;
  /** β, `[E]`, added after. Default all zeros. */
  bias?: Tensor;
  /** Added to the variance before the square root. Default 1e-5 (PyTorch's). */
  eps?: number;
}

/**
 * Layer normalisation over the last axis, as PyTorch's `nn.LayerNorm(E)`: each row becomes
 * (x - mean) / sqrt(var + eps) · γ + β, with the biased variance (divided by E). Sums are taken in float64.
 *
 * Shapes: x `[..., E]`, weight and bias `[E]` -> `[..., E]`, a fresh tensor in x's dtype.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { layerNorm } from '@attn/attention';
 * layerNorm(tensor([[1, 2, 3]])); // [[-1.2247, 0, 1.2247]]
 */
export function layerNorm(x: Tensor, options: LayerNormOptions = {}): Tensor<FloatDType> {
  const fn = 'layerNorm';
  assertFloatTensor(fn, 'x', x);
  if (x.shape.length === 0) throw new RangeError(`${fn}: x must have at least one axis, got ${showShape(x.shape)}`);
  const e = x.shape[x.shape.length - 1];
  const vector = (name: string, t: Tensor | undefined) => {
    if (t === undefined) return undefined;
    assertFloatTensor(fn, name, t);
    assertSameDType(fn, name, t, 'x', x);
    if (t.shape.length !== 1 || t.shape[0] !== e) {
      throw new RangeError(`${fn}: ${name} must be [${e}] for x ${showShape(x.shape)}, got ${showShape(t.shape)}`);
    }
    return readElements(t);
  };
  const gamma = vector('weight', options.weight);
  const beta = vector('bias', options.bias);
  const eps = options.eps ?? 1e-5;
  if (typeof eps !== 'number' || !(eps >= 0)) throw new RangeError(`${fn}: eps must be a number >= 0, got ${eps}`);
  const y = readElements(x);
  for (let row = 0; row < y.length; row += e) {
    let sum = 0;
    for (let c = 0; c < e; c++) sum += y[row + c];
    const mean = sum / e;
    let sq = 0;
    for (let c = 0; c < e; c++) sq += (y[row + c] - mean) ** 2;
    const inv = 1 / Math.sqrt(sq / e + eps);
    for (let c = 0; c < e; c++) {
      const n = (y[row + c] - mean) * inv;
      y[row + c] = n * (gamma ? gamma[c] : 1) + (beta ? beta[c] : 0);
    }
  }
  return makeTensor(x.dtype, y, x.shape);
}
