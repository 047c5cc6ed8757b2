import type { Config } from 'vega-lite';

/**
 * The font every chart asks for. DejaVu Sans is bundled for PNG export (so a PNG is the same on every machine);
 * pages without it fall back to Verdana, whose metrics are close, then to any sans-serif.
 */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, Geneva, sans-serif';

/** The colour of masked (-Infinity) cells: a neutral grey that neither colour scheme uses, named in a legend. */
export const MASKED_COLOR = '#9b9b9b';

/** The legend entry of masked cells. */
export const MASKED_LABEL = 'masked (−∞)';

/** Sequential scheme for non-negative values (weights, probabilities): perceptually uniform, colour-blind safe. */
export const SEQUENTIAL_SCHEME = 'viridis';

/** Diverging scheme for signed values (scores, projections), centred on 0: colour-blind safe blue to orange. */
export const DIVERGING_SCHEME = 'blueorange';

/**
 * Okabe and Ito's eight colours, distinguishable with every common colour-vision deficiency:
 * the palette for heads and other categories.
 */
export const CATEGORY_COLORS: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/**
 * The Vega-Lite config shared by every chart, so the site and exported figures look alike:
 * one font, readable sizes, quiet axes, the colour schemes above.
 *
 * @example
 * import { theme } from '@attn/viz';
 * const spec = { ...mySpec, config: theme };
 */
export const theme: Config = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 8,
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', offset: 10, subtitleFontSize: 12, subtitleColor: '#555' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: '#333',
    labelColor: '#333',
    domainColor: '#888',
    tickColor: '#888',
    gridColor: '#e6e6e6',
  },
  axisBand: { grid: false, tickBand: 'extent' },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    gradientLength: 160,
    gradientThickness: 12,
  },
  header: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal' },
  view: { stroke: null },
  scale: { bandPaddingInner: 0, bandPaddingOuter: 0 },
  range: {
    category: [...CATEGORY_COLORS],
    heatmap: { scheme: SEQUENTIAL_SCHEME },
    ramp: { scheme: SEQUENTIAL_SCHEME },
    diverging: { scheme: DIVERGING_SCHEME },
  },
  concat: { spacing: 28 },
  facet: { spacing: 14 },
};
