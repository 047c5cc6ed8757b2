/**
 * @attn/viz: Vega-Lite specs for every matrix and stage of attention.
 * Builders return plain JSON specs (typed `TopLevelSpec`); rendering lives in `@attn/viz/render`.
 * @packageDocumentation
 */
export type { Grid, NestedNumbers, NumericInput } from './input/Grid.js';
export { toGrid } from './input/toGrid.js';
export { heatmap } from './specs/heatmap.js';
export { IMAGE_THRESHOLD, type MatrixOptions } from './specs/MatrixOptions.js';
export type { VizMeta } from './specs/meta.js';
export { type ColorScaleChoice, colorScale } from './theme/colorScale.js';
export {
  CATEGORY_COLORS,
  DIVERGING_SCHEME,
  FONT_FAMILY,
  MASKED_COLOR,
  MASKED_LABEL,
  SEQUENTIAL_SCHEME,
  theme,
} from './theme/theme.js';
export type { AttentionTrace, HeadStatRecord } from './trace/index.js';
