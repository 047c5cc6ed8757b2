import { DIVERGING_SCHEME, SEQUENTIAL_SCHEME } from '../theme/theme.js';

// Vega's own colour stops for the two schemes (vega-scale), so an image drawn here matches the legend vega draws.
const STOPS: Record<string, string> = {
  [SEQUENTIAL_SCHEME]:
    '440154470e61481a6c482575472f7d443a834144873d4e8a39568c35608d31688e2d708e2a788e27818e23888e21918d1f988b1fa08822a8842ab07f35b77943bf7154c56866cc5d7ad1518fd744a5db36bcdf27d2e21be9e51afde725',
  [DIVERGING_SCHEME]: '134b852f78b35da2cb9dcae1d2e5eff2f0ebfce0bafbbf74e8932fc5690d994a07',
};

const cache = new Map<string, Uint8Array>();

/**
 * A 256-entry RGB lookup table for a scheme, interpolated piecewise-linearly in RGB between its stops as Vega does.
 *
 * Shapes: scheme name -> `Uint8Array` of length 768 (`[r0, g0, b0, r1, ...]`).
 *
 * @example
 * colormap('viridis').subarray(0, 3); // Uint8Array [68, 1, 84]
 */
export function colormap(scheme: string): Uint8Array {
  const hit = cache.get(scheme);
  if (hit) return hit;
  const hex = STOPS[scheme];
  if (hex === undefined) {
    throw new RangeError(
      `colormap: no stops for scheme ${JSON.stringify(scheme)} (have ${Object.keys(STOPS).join(', ')})`,
    );
  }
  const n = hex.length / 6;
  const stops = Array.from({ length: n }, (_, i) =>
    [0, 2, 4].map((k) => Number.parseInt(hex.slice(i * 6 + k, i * 6 + k + 2), 16)),
  );
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (n - 1);
    const k = Math.min(n - 2, Math.floor(t));
    const f = t - k;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(stops[k][c] + (stops[k + 1][c] - stops[k][c]) * f);
  }
  cache.set(scheme, lut);
  return lut;
}
