import type { Tensor } from './Tensor.js';

/**
 * True when `t` is laid out row-major with no gaps, so its elements are
 * `data[offset] .. data[offset + size - 1]` in order. Axes of length 1 may have any stride.
 *
 * @example
 * isContiguous(tensor([[1, 2], [3, 4]])); // true
 */
export function isContiguous(t: Tensor): boolean {
  let expected = 1;
  for (let i = t.shape.length - 1; i >= 0; i--) {
    const d = t.shape[i];
    if (d === 0) return true;
    if (d !== 1 && t.strides[i] !== expected) return false;
    expected *= d;
  }
  return true;
}
