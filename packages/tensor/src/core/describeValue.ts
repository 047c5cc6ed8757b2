import { isTensor } from './isTensor.js';
import { showShape } from './shape.js';

/**
 * A short description of any value for error messages: `a float32 tensor of shape [2,3]`, `an array`,
 * `the string "x"`, `undefined`.
 *
 * @example
 * describeValue([1, 2]); // 'an array'
 */
export function describeValue(x: unknown): string {
  if (isTensor(x)) return `a ${x.dtype} tensor of shape ${showShape(x.shape)}`;
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  if (typeof x === 'object') return 'an object';
  return typeof x === 'undefined' ? 'undefined' : `the ${typeof x} ${String(x)}`;
}
