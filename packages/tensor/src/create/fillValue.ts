import type { DType } from '../core/dtype.js';

/**
 * Checks that `value` can be stored in a `dtype` tensor without loss and returns it as a number
 * (internal helper of `full`, `fullLike` and `maskedFill`; `fn` names the caller in the error).
 *
 * `bool` takes true/false or 0/1; `int32` takes integers in its range; floats take any number
 * (NaN and infinities included). A boolean is stored as 0/1 whatever the dtype.
 */
export function fillValue(fn: string, dtype: DType, value: number | boolean): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number') throw new TypeError(`${fn}: value must be a number or a boolean, not ${typeof value}`);
  if (dtype === 'bool' && value !== 0 && value !== 1) {
    throw new TypeError(`${fn}: a bool tensor holds true/false or 0/1, not ${value}`);
  }
  if (dtype === 'int32' && !(Number.isInteger(value) && value >= -2147483648 && value <= 2147483647)) {
    throw new TypeError(`${fn}: an int32 tensor holds integers in [-2^31, 2^31), not ${value}`);
  }
  return value;
}
