import { showShape } from '../core/shape.js';
import { type CloseOptions, type Comparable, closeness } from './closeness.js';

/** Options of {@link assertClose}: the tolerances, and a label for the message. */
export interface AssertCloseOptions extends CloseOptions {
  /** Put at the start of the error message, e.g. the name of the quantity being checked. */
  message?: string;
}

/** An error or a tolerance, to 4 significant digits (the values themselves are shown in full). */
const short = (x: number): string => String(Number(x.toPrecision(4)));

function indexOf(flat: number, shape: readonly number[]): string {
  const index = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    index[i] = flat % shape[i];
    flat = Math.floor(flat / shape[i]);
  }
  return showShape(index);
}

/**
 * Throws unless `actual` is close to `expected` by numpy's rule `|actual - expected| <= atol + rtol * |expected|`
 * (defaults rtol = 1e-5, atol = 1e-8), broadcasting them together; NaN matches NaN only with `equalNan`.
 *
 * The error says how many elements fail, the worst one (its index, both values, its error and the tolerance
 * there), the largest absolute and relative errors anywhere, and the first few failures, e.g.
 * `assertClose: 1 of 4 elements differ (rtol 1e-5, atol 1e-8, shape [2,2])
 *    worst at [1,0]: actual 3.1, expected 3, |diff| 0.1 > tolerance 0.00003001
 *    max abs error 0.1 at [1,0]; max rel error 0.0333...`.
 *
 * Shapes: actual [...A] and expected [...E] must broadcast together (else it throws the shapes).
 *
 * @example
 * import { assertClose, softmax, tensor } from '@attn/tensor';
 * assertClose(softmax(tensor([0, 0])), [0.5, 0.5]);                // passes
 * assertClose(tensor([1, 2]), [1, 2.5], { message: 'logits' }); // throws, naming [1] and both values
 */
export function assertClose(actual: Comparable, expected: Comparable, options: AssertCloseOptions = {}): void {
  const { rtol = 1e-5, atol = 1e-8, equalNan = false, message } = options;
  const c = closeness('assertClose', actual, expected, { rtol, atol, equalNan });
  if (c.failures === 0) return;
  const at = (k: number) => indexOf(k, c.shape);
  const tolerance = atol + rtol * Math.abs(c.worstB);
  const lines = [
    `${message ? `${message}: ` : ''}assertClose: ${c.failures} of ${c.size} elements differ ` +
      `(rtol ${rtol}, atol ${atol}${equalNan ? ', equalNan' : ''}, shape ${showShape(c.shape)})`,
    `  worst at ${at(c.worst)}: actual ${c.worstA}, expected ${c.worstB}, |diff| ${short(Math.abs(c.worstA - c.worstB))}` +
      (Number.isFinite(tolerance) ? ` > tolerance ${short(tolerance)}` : ''),
    c.maxAbsAt >= 0
      ? `  max abs error ${short(c.maxAbs)} at ${at(c.maxAbsAt)}; max rel error ${short(c.maxRel)}`
      : '  no finite pair differs (the failures are NaN or infinities)',
  ];
  if (c.failures > 1) {
    lines.push(
      `  first failures: ${c.first.map(([k, a, b]) => `${at(k)} actual ${a} expected ${b}`).join('; ')}` +
        (c.failures > c.first.length ? '; ...' : ''),
    );
  }
  throw new Error(lines.join('\n'));
}
