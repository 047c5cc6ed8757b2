import type { Matrix64 } from './reference';

/** How RoPE pairs the coordinates of a vector of width d: (2m, 2m+1), or (m, m + d/2). */
export type RopePairing = 'interleaved' | 'rotate-half';

/**
 * RoPE in float64, written from the formula alone: row t of `x` (`[T, d]`) has each pair m of its coordinates
 * rotated by the angle (offset + t) θ_m, θ_m = base^(−2m/d). The pages check `applyRope` against it.
 * @example
 * rope64(matrix64(toFlat(q), 8, 16), { layout: 'interleaved' }).data; // [8, 16], every pair turned
 */
export function rope64(
  x: Matrix64,
  { layout, base = 10000, offset = 0 }: { layout: RopePairing; base?: number; offset?: number },
): Matrix64 {
  const d = x.cols;
  const half = d / 2;
  const out = new Float64Array(x.rows * d);
  for (let t = 0; t < x.rows; t++)
    for (let m = 0; m < half; m++) {
      const angle = (offset + t) * base ** ((-2 * m) / d);
      const [a, b] = layout === 'interleaved' ? [2 * m, 2 * m + 1] : [m, m + half];
      const xa = x.data[t * d + a];
      const xb = x.data[t * d + b];
      out[t * d + a] = xa * Math.cos(angle) - xb * Math.sin(angle);
      out[t * d + b] = xa * Math.sin(angle) + xb * Math.cos(angle);
    }
  return { rows: x.rows, cols: d, data: out };
}
