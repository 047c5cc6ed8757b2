import type { Config } from 'vega-lite';
import { theme } from '../theme/theme.js';

/** The Vega-Lite schema every spec names (an identifier: nothing is fetched). */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** What a spec says about itself in `usermeta.attnViz`: which builder made it and which renderer suits it. */
export interface VizMeta {
  builder: string;
  /** `canvas` for specs with thousands of marks or a raster image; `svg` otherwise. */
  renderer: 'svg' | 'canvas';
  /** How the matrix is drawn, for matrix charts: one mark per cell or one image. */
  drawing?: 'cells' | 'image';
}

/** The top-level properties every builder's spec shares: schema, theme and metadata. */
export function topLevel(
  meta: VizMeta,
  config: Config | undefined,
): { $schema: string; config: Config; usermeta: { attnViz: VizMeta } } {
  return { $schema: SCHEMA, config: config ?? theme, usermeta: { attnViz: meta } };
}

/** Picks the renderer for a number of marks: SVG stays crisp, canvas stays fast past a few thousand marks. */
export function rendererFor(marks: number): 'svg' | 'canvas' {
  return marks > 4096 ? 'canvas' : 'svg';
}
