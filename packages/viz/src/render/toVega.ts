import type { Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger } from './collectingLogger.js';
import type { RenderOptions } from './RenderOptions.js';

/**
 * Compiles a Vega-Lite spec to a Vega spec (what the Vega runtime draws), reporting every warning.
 *
 * @example
 * import { heatmap } from '@attn/viz';
 * import { toVega } from '@attn/viz/render';
 * const vega = toVega(heatmap([[1, 2], [3, 4]]));
 */
export function toVega(spec: TopLevelSpec, options: RenderOptions = {}): VegaSpec {
  if (typeof spec !== 'object' || spec === null) {
    throw new TypeError(`toVega: spec must be a Vega-Lite spec object, got ${spec === null ? 'null' : typeof spec}`);
  }
  const onWarning = options.onWarning ?? ((m: string) => console.warn(`vega-lite: ${m}`));
  return compile(spec, { logger: collectingLogger(onWarning) as never }).spec;
}
