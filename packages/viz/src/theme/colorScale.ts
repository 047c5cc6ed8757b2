import { DIVERGING_SCHEME, SEQUENTIAL_SCHEME } from './theme.js';

/** A colour scale chosen from data: its scheme and the domain it spans. */
export interface ColorScaleChoice {
  /** `sequential` for non-negative data, `diverging` (centred on 0) for signed data. */
  kind: 'sequential' | 'diverging';
  /** The Vega scheme name. */
  scheme: typeof SEQUENTIAL_SCHEME | typeof DIVERGING_SCHEME;
  /** `[0, max]` for sequential, `[-a, a]` with `a = max |v|` for diverging, so equal colours mean equal magnitudes. */
  domain: [number, number];
}

/**
 * Picks the colour scale for a set of values: sequential when none is negative, diverging centred on 0 otherwise.
 * Non-finite values (masked -Infinity) are skipped; they are drawn in their own colour.
 *
 * @example
 * colorScale([0, 0.2, 0.8]);  // { kind: 'sequential', scheme: 'viridis', domain: [0, 0.8] }
 * colorScale([-2, 1]);        // { kind: 'diverging', scheme: 'blueorange', domain: [-2, 2] }
 */
export function colorScale(values: ArrayLike<number>, domain?: readonly [number, number]): ColorScaleChoice {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (domain !== undefined) {
    const [lo, hi] = domain;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
      throw new RangeError(`colorScale: domain must be two finite numbers, low < high, got [${lo}, ${hi}]`);
    }
    return lo < 0
      ? { kind: 'diverging', scheme: DIVERGING_SCHEME, domain: [lo, hi] }
      : { kind: 'sequential', scheme: SEQUENTIAL_SCHEME, domain: [lo, hi] };
  }
  if (min > max) return { kind: 'sequential', scheme: SEQUENTIAL_SCHEME, domain: [0, 1] };
  if (min < 0) {
    const a = Math.max(-min, max);
    return { kind: 'diverging', scheme: DIVERGING_SCHEME, domain: [-a, a] };
  }
  return { kind: 'sequential', scheme: SEQUENTIAL_SCHEME, domain: [0, max > 0 ? max : 1] };
}
