import { type FloatDType, makeTensor, type Tensor } from '@attn/tensor';
import { readElements } from '../internal/readElements.js';
import { assertFloatTensor } from '../internal/validate.js';

/**
 * The Gaussian error linear unit, PyTorch's `nn.GELU()` (exact form, not the tanh approximation):
 * GELU(x) = x · Φ(x) = 0.5 · x · erfc(-x / sqrt(2)).
 *
 * erfc comes from a Chebyshev fit with relative error below 1.2e-7 (Numerical Recipes' `erfcc`): exact for
 * float32, about 7 digits for float64.
 *
 * Shapes: `[...]` -> `[...]`, a fresh tensor in x's dtype.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { gelu } from '@attn/attention';
 * gelu(tensor([-1, 0, 1])); // [-0.1587, 0, 0.8413]
 */
export function gelu(x: Tensor): Tensor<FloatDType> {
  assertFloatTensor('gelu', 'x', x);
  const out = readElements(x);
  geluInPlace(out);
  return makeTensor(x.dtype, out, x.shape);
}

/** GELU on every element of a plain array, in place. Internal (the feed-forward block's hidden layer). */
export function geluInPlace(a: Float32Array | Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    a[i] = 0.5 * x * erfc(-x * Math.SQRT1_2);
  }
}

/** The complementary error function, relative error < 1.2e-7 everywhere (Numerical Recipes, 2nd ed., 6.2). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
