import { type CloseOptions, type Comparable, closeness } from './closeness.js';

/**
 * True when every element of `a` is close to `b` by numpy's rule `|a - b| <= atol + rtol * |b|`
 * (defaults rtol = 1e-5, atol = 1e-8, as numpy.allclose), with broadcasting. Infinities match only the
 * same infinity; NaN matches NaN only with `equalNan: true`. Any dtypes may be compared.
 *
 * Shapes: a [...A] and b [...B] must broadcast together (else it throws: a shape mismatch is not "not close").
 *
 * @example
 * import { allclose, tensor } from '@attn/tensor';
 * allclose(tensor([1, 2]), [1, 2 + 1e-6]);  // true
 * allclose(tensor([1, NaN]), [1, NaN]);      // false
 * allclose(tensor([1, NaN]), [1, NaN], { equalNan: true }); // true
 */
export function allclose(a: Comparable, b: Comparable, options: CloseOptions = {}): boolean {
  return closeness('allclose', a, b, options).failures === 0;
}
