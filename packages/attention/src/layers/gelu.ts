/**
 * GELU, PyTorch's `nn.GELU()`: `@attn/tensor`'s `gelu`, re-exported so that the layers of a transformer block can
 * be imported from one place. Exact by default (x · Φ(x) through the error function, to float64 accuracy), or
 * `{ approximate: 'tanh' }`.
 *
 * Shapes: `[...]` -> `[...]`, a fresh tensor (or `out`), float dtypes kept.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { gelu } from '@attn/attention';
 * gelu(tensor([-1, 0, 1])); // [-0.15865526, 0, 0.8413447]
 */
export { gelu } from '@attn/tensor';
