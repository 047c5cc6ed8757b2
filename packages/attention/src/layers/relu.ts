import { type FloatDType, makeTensor, type Tensor } from '@attn/tensor';
import { readElements } from '../internal/readElements.js';
import { assertFloatTensor } from '../internal/validate.js';

/**
 * The rectified linear unit, max(0, x), as the paper's feed-forward block uses (NaN stays NaN).
 *
 * Shapes: `[...]` -> `[...]`, a fresh tensor in x's dtype.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { relu } from '@attn/attention';
 * relu(tensor([-1, 0, 2])); // [0, 0, 2]
 */
export function relu(x: Tensor): Tensor<FloatDType> {
  assertFloatTensor('relu', 'x', x);
  const out = readElements(x);
  reluInPlace(out);
  return makeTensor(x.dtype, out, x.shape);
}

/** ReLU on every element of a plain array, in place. Internal. */
export function reluInPlace(a: Float32Array | Float64Array): void {
  for (let i = 0; i < a.length; i++) if (a[i] < 0) a[i] = 0;
}
