import { DTYPES } from './dtype.js';
import type { Tensor } from './Tensor.js';

/**
 * True when `x` has the parts of a tensor (`dtype`, `data`, `shape`, `strides`, `offset`).
 *
 * @example
 * isTensor(tensor([1, 2])); // true
 * isTensor([1, 2]);         // false
 */
export function isTensor(x: unknown): x is Tensor {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Partial<Tensor>;
  return (
    DTYPES.includes(t.dtype as never) &&
    ArrayBuffer.isView(t.data) &&
    Array.isArray(t.shape) &&
    Array.isArray(t.strides) &&
    typeof t.offset === 'number'
  );
}
