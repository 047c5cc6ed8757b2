import { describe } from '../internal/validate.js';

/**
 * RoPE's frequencies: how many radians pair m of a d-wide vector turns per position,
 * theta_m = base^(-2m/d) for m = 0 .. d/2 - 1 (1 for the first pair, slower and slower after).
 *
 * Shapes: -> `[d/2]` numbers.
 *
 * @example
 * import { ropeFrequencies } from '@attn/attention';
 * ropeFrequencies(4); // [1, 0.01]: 10000^0, 10000^(-2/4)
 */
export function ropeFrequencies(dim: number, options: { base?: number } = {}): number[] {
  const fn = 'ropeFrequencies';
  assertEvenDim(fn, dim);
  const base = options.base ?? 10000;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0) {
    throw new RangeError(`${fn}: base must be a positive number, got ${describe(base)}`);
  }
  return Array.from({ length: dim / 2 }, (_, m) => base ** (-(2 * m) / dim));
}

/** Throws unless `dim` is a positive even integer (RoPE rotates coordinates in pairs). Internal. */
export function assertEvenDim(fn: string, dim: unknown, what = 'dim'): asserts dim is number {
  if (typeof dim !== 'number' || !Number.isInteger(dim) || dim <= 0 || dim % 2 !== 0) {
    throw new RangeError(`${fn}: ${what} must be a positive even integer (RoPE rotates pairs), got ${describe(dim)}`);
  }
}
