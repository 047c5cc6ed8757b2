import type { Config } from 'vega-lite';

/** Options every matrix chart shares. */
export interface MatrixOptions {
  /** The chart's title. */
  title?: string;
  /** A line under the title. */
  subtitle?: string;
  /** Labels of the rows (tokens, or anything); indices when absent. Must match the number of rows. */
  rowLabels?: readonly (string | number)[];
  /** Labels of the columns; indices when absent. Must match the number of columns. */
  colLabels?: readonly (string | number)[];
  /** The y axis title. */
  rowTitle?: string;
  /** The x axis title. */
  colTitle?: string;
  /** The legend title (what a value means). */
  valueTitle?: string;
  /** A fixed colour domain `[low, high]`; by default `[0, max]` for non-negative data, `[-a, a]` for signed. */
  domain?: readonly [number, number];
  /** Pixels per cell side; by default the longer side is about 560 px. */
  cellSize?: number;
  /**
   * From how many cells on the matrix is drawn as one image rather than one mark per cell.
   * Default `512 * 512`; `Infinity` never, `0` always.
   */
  imageThreshold?: number;
  /** A Vega-Lite config to use instead of the shared {@link theme}. */
  config?: Config;
}

/** The default {@link MatrixOptions.imageThreshold}: 512 x 512 cells. */
export const IMAGE_THRESHOLD = 512 * 512;
