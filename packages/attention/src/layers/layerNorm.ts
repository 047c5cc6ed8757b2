/**
 * Layer normalisation, PyTorch's `nn.LayerNorm(E)`: `@attn/tensor`'s `layerNorm`, re-exported so that the layers
 * of a transformer block can be imported from one place. Over the last axis by default, each row becomes
 * (x - mean) / sqrt(var + eps) · γ + β with the biased variance, sums in float64, eps 1e-5.
 *
 * Shapes: x `[..., E]`, weight and bias `[E]` -> `[..., E]` (or `normalizedShape` / `axis` for other axes).
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { layerNorm } from '@attn/attention';
 * layerNorm(tensor([[1, 2, 3]])); // [[-1.2247357, 0, 1.2247357]]
 */
export { type LayerNormOptions, layerNorm } from '@attn/tensor';
