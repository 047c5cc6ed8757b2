import type { TopLevelSpec } from 'vega-lite';
import type { RenderOptions } from './RenderOptions.js';
import { toView } from './toView.js';

/**
 * Renders a Vega-Lite spec to an SVG document string, in Node, with no browser.
 *
 * @example
 * import { heatmap } from '@attn/viz';
 * import { toSVG } from '@attn/viz/render';
 * const svg = await toSVG(heatmap([[1, 2], [3, 4]]));
 */
export async function toSVG(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const view = await toView(spec, options);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
