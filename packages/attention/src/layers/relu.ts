/**
 * ReLU, max(x, 0), as the paper's feed-forward block uses it: `@attn/tensor`'s `relu`, re-exported so that the
 * layers of a transformer block can be imported from one place (NaN stays NaN).
 *
 * Shapes: `[...]` -> `[...]`, a fresh tensor (or `out`) of x's dtype.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { relu } from '@attn/attention';
 * relu(tensor([-1, 0, 2])); // [0, 0, 2]
 */
export { relu } from '@attn/tensor';
