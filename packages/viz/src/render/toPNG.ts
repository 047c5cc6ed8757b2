import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { fontFiles } from './fontFiles.js';
import type { RenderOptions } from './RenderOptions.js';
import { toSVG } from './toSVG.js';

/** Options of {@link toPNG}. */
export interface PNGOptions extends RenderOptions {
  /** Pixel density: 2 gives a crisp image for slides and retina screens. Default 2. */
  scale?: number;
}

/**
 * Renders a Vega-Lite spec to PNG bytes in Node: Vega draws SVG, resvg rasterises it with the bundled DejaVu fonts
 * only (no system fonts), so the same spec gives the same pixels on every machine.
 *
 * @example
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('w.png', await toPNG(heatmap([[1, 2], [3, 4]]), { scale: 2 }));
 */
export async function toPNG(spec: TopLevelSpec, options: PNGOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 16)) {
    throw new RangeError(`toPNG: scale must be a number in (0, 16], got ${scale}`);
  }
  return svgToPNG(await toSVG(spec, options), { scale });
}

/**
 * Rasterises an SVG document (for example from {@link toSVG}) to PNG bytes with resvg and the bundled DejaVu fonts;
 * lets a caller who wants both files render the chart once.
 *
 * @example
 * const svg = await toSVG(spec);
 * writeFileSync('chart.svg', svg);
 * writeFileSync('chart.png', svgToPNG(svg, { scale: 2 }));
 */
export function svgToPNG(svg: string, options: { scale?: number } = {}): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 16)) {
    throw new RangeError(`svgToPNG: scale must be a number in (0, 16], got ${scale}`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fontFiles(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    imageRendering: 1, // optimizeSpeed: nearest-neighbour, so image-drawn matrices keep sharp cells
    background: 'white',
  });
  return new Uint8Array(resvg.render().asPng());
}
