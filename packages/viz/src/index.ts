/**
 * @attn/viz: Vega-Lite specs for every matrix and stage of attention.
 * Builders return plain JSON specs (typed `TopLevelSpec`); rendering lives in `@attn/viz/render`.
 * @packageDocumentation
 */
export { encodePNG, type PaletteImage } from './image/encodePNG.js';
export { matrixImage } from './image/matrixImage.js';
export { matrixPalette } from './image/matrixPalette.js';
export { matrixPixels, type RGBAImage } from './image/matrixPixels.js';
export { toDataURL } from './image/toDataURL.js';
export type { Grid, NestedNumbers, NumericInput } from './input/Grid.js';
export { toGrid } from './input/toGrid.js';
export { type AlibiBiasOptions, alibiBias } from './specs/alibiBias.js';
export { type AttentionStagesOptions, attentionStages } from './specs/attentionStages.js';
export { type AttentionWeightsOptions, attentionWeights, type TokenLabels } from './specs/attentionWeights.js';
export { type HeadGridOptions, headGrid } from './specs/headGrid.js';
export { type HeadStatsOptions, headStats } from './specs/headStats.js';
export { heatmap } from './specs/heatmap.js';
export { IMAGE_THRESHOLD, type MatrixOptions } from './specs/MatrixOptions.js';
export { type MatrixProductOptions, matrixProduct } from './specs/matrixProduct.js';
export type { VizMeta } from './specs/meta.js';
export { type PositionalEncodingOptions, positionalEncoding } from './specs/positionalEncoding.js';
export { type QueryKeyBreakdownOptions, queryKeyBreakdown } from './specs/queryKeyBreakdown.js';
export { type RopeRotationInput, type RopeRotationOptions, ropeRotation } from './specs/ropeRotation.js';
export { type ScoreDistributionOptions, scoreDistribution } from './specs/scoreDistribution.js';
export { type TokenLinksOptions, tokenLinks } from './specs/tokenLinks.js';
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
