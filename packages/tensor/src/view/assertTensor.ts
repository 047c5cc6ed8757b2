import { describeValue } from '../core/describeValue.js';
import { isTensor } from '../core/isTensor.js';
import type { Tensor } from '../core/Tensor.js';

/**
 * Checks at a public entry point that argument `name` of function `fn` is a tensor (internal helper of
 * the creating, viewing and reading functions), so a wrong argument fails with a sentence, not with a
 * TypeError from deep inside a loop.
 */
export function assertTensor(fn: string, name: string, x: unknown): asserts x is Tensor {
  if (!isTensor(x)) throw new TypeError(`${fn}: ${name} must be a tensor, got ${describeValue(x)}`);
}
