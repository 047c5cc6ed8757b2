import { assertPositiveInteger } from '../internal/validate.js';

/**
 * ALiBi's head slopes (Press et al. 2022, "Train Short, Test Long"): head h adds -m_h * distance to its scores.
 * For H a power of two they are the geometric sequence m_h = 2^(-8h/H), h = 1..H (8 heads: 1/2, 1/4, ..., 1/256).
 * Otherwise the paper's rule: the slopes of the largest power of two n below H, then the odd-numbered slopes of
 * 2n (2^(-8(2h-1)/(2n)), which fall between them) until there are H.
 *
 * Shapes: -> `[heads]` numbers.
 *
 * @example
 * import { alibiSlopes } from '@attn/attention';
 * alibiSlopes(4);  // [0.25, 0.0625, 0.015625, 0.00390625]
 * alibiSlopes(12); // [1/2, ..., 1/256, 2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5]
 */
export function alibiSlopes(heads: number): number[] {
  assertPositiveInteger('alibiSlopes', 'heads', heads);
  return slopes(heads);
}

/** The paper's get_slopes, recursion included. */
function slopes(n: number): number[] {
  const powerOfTwo = (count: number) => Array.from({ length: count }, (_, i) => 2 ** ((-8 * (i + 1)) / count));
  const lower = 2 ** Math.floor(Math.log2(n));
  if (lower === n) return powerOfTwo(n);
  const between = slopes(2 * lower).filter((_, i) => i % 2 === 0);
  return [...powerOfTwo(lower), ...between.slice(0, n - lower)];
}
