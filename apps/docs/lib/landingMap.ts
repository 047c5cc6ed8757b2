import { type SeedWalkthrough, seedWalkthrough } from '@attn/attention';
import { select, toFlat } from '@attn/tensor';
import { colorScale, matrixPixels, type RGBAImage } from '@attn/viz';

/**
 * The landing page's problem: a small version of the seed's example (12 tokens, d_model 32, 4 heads), so the
 * first picture arrives at once; drawn `cell` pixels per weight. Read by the page's component and by the script
 * that paints the first map before the app starts (entries/landingFirstPaint.ts): both must show the same numbers.
 */
export const LANDING_MAP = { tokens: 12, dModel: 32, numHeads: 4, seed: 42, head: 0, cell: 24 } as const;

/** Marks the canvas the server renders for the first map, for the first-paint script (entries/landingFirstPaint.ts). */
export const FIRST_PAINT_ATTRIBUTE = 'data-attn-first-paint';

/** The subtitle of the landing page's chart (and of its preview). */
export const LANDING_SUBTITLE = 'row i: how much token i attends to itself and each earlier token';

/**
 * The title of the landing page's chart for a head (0-based), as the chart and its preview show it.
 * @example
 * landingTitle(0); // 'Causal self-attention, head 1 of 4'
 */
export function landingTitle(head: number): string {
  return `Causal self-attention, head ${head + 1} of ${LANDING_MAP.numHeads}`;
}

/**
 * The landing page's walkthrough for a seed: causal multi-head self-attention on 12 seeded toy tokens.
 * @example
 * landingWalkthrough(42).weights.shape; // [4, 12, 12]: head, query, key
 */
export function landingWalkthrough(seed: number): SeedWalkthrough {
  const { tokens, dModel, numHeads } = LANDING_MAP;
  return seedWalkthrough({ seed, tokens, dModel, numHeads });
}

/** One head's weights as the preview paints them. */
export interface LandingPreview {
  /** The seed and the head (0-based) they are of. */
  seed: number;
  head: number;
  /** One pixel per weight in the chart's colours (its scale, on the unmasked weights), masked cells grey. */
  pixels: RGBAImage;
  /** The weights as rows, masked cells `null`: what the page reports it painted. */
  rows: (number | null)[][];
}

/**
 * One head's weights from a landing walkthrough, ready to paint before the chart libraries have loaded.
 * Shapes: walkthrough weights `[H, T, T]` -> pixels `T x T`.
 * @example
 * landingPreview(landingWalkthrough(42), 42, 0).rows[0]; // [1, null, null, ...]: token 0 sees only itself
 */
export function landingPreview(walk: SeedWalkthrough, seed: number, head: number): LandingPreview {
  const { tokens } = LANDING_MAP;
  const values = Float64Array.from(toFlat(select(walk.weights, 0, head)));
  const scale = colorScale(values);
  const allowed = toFlat(walk.causalMask);
  for (let i = 0; i < values.length; i++) if (!allowed[i]) values[i] = Number.NEGATIVE_INFINITY;
  const pixels = matrixPixels({ shape: [tokens, tokens], values }, scale);
  const rows = Array.from({ length: tokens }, (_, i) =>
    Array.from(values.subarray(i * tokens, (i + 1) * tokens), (v) => (Number.isFinite(v) ? v : null)),
  );
  return { seed, head, pixels, rows };
}
