import { matrixImage } from '../image/matrixImage.js';
import type { Grid } from '../input/Grid.js';
import type { ColorScaleChoice } from '../theme/colorScale.js';
import { MASKED_COLOR, MASKED_LABEL } from '../theme/theme.js';
import type { LayerSpec } from './vegaLiteTypes.js';

/** Everything needed to draw one matrix: its values, labels, titles and colour scale. */
export interface MatrixLayerInput {
  grid: Grid;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  rowTitle: string;
  colTitle: string;
  valueTitle: string;
  scale: ColorScaleChoice;
  /** Pixels per cell side. */
  cellSize: number;
  /** Draw one image instead of one rect per cell. */
  image: boolean;
  /** A title over this matrix (for small multiples and side-by-side stages). */
  title?: string;
  /** Show the colour legend (default true). */
  legend?: boolean;
}

/** Default size of the longer side of a matrix chart, in pixels. */
export const MATRIX_EXTENT = 560;

/** The cell size that makes the longer side about {@link MATRIX_EXTENT} pixels, clamped to readable bounds. */
export function defaultCellSize(rows: number, cols: number, extent = MATRIX_EXTENT): number {
  return Math.max(1, Math.min(32, extent / Math.max(rows, cols)));
}

/** True when any element is -Infinity (a masked score). */
export function hasMasked(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === Number.NEGATIVE_INFINITY) return true;
  return false;
}

// A JSON array is also a Vega expression array literal, so `labels[datum.value]` maps an index to its token.
function labelLookup(labels: readonly string[]): string {
  return `${JSON.stringify(labels)}[datum.value]`;
}

/**
 * Only every k-th label fits when cells are smaller than a line of text. Index labels are read sideways as
 * numbers, so they step by round numbers and need room for a few digits; tokens need one line each.
 */
function labelStride(cellSize: number, index: boolean): number {
  const fit = Math.max(1, Math.ceil((index ? 28 : 13) / cellSize));
  return index && fit > 1 ? niceStep(fit) : fit;
}

function axisValues(n: number, stride: number): { values?: number[] } {
  return stride > 1 ? { values: Array.from({ length: Math.ceil(n / stride) }, (_, k) => k * stride) } : {};
}

function isIndexLabels(labels: readonly string[]): boolean {
  return labels.every((l, i) => l === String(i));
}

/**
 * One matrix as a Vega-Lite layer: a rect per cell (or one image for large matrices), masked cells in grey with
 * their own legend entry, token labels on the axes, tooltips with row, column and value.
 *
 * Shapes: a `[rows, cols]` grid -> a layer spec of `rows * cols` cells.
 */
export function matrixLayer(input: MatrixLayerInput): LayerSpec<string> {
  return input.image ? imageLayer(input) : cellLayer(input);
}

function cellLayer(input: MatrixLayerInput): LayerSpec<string> {
  const { grid, rowLabels, colLabels, scale, cellSize } = input;
  const [rows, cols] = grid.shape;
  const cells: { row: number; col: number; value: number }[] = [];
  const masked: { row: number; col: number }[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const value = grid.values[i * cols + j];
      if (value === Number.NEGATIVE_INFINITY) masked.push({ row: i, col: j });
      else cells.push({ row: i, col: j, value });
    }
  }
  const colIndex = isIndexLabels(colLabels);
  const rowIndex = isIndexLabels(rowLabels);
  const x = {
    field: 'col',
    type: 'ordinal' as const,
    scale: { domain: range(cols) },
    axis: {
      title: input.colTitle,
      orient: 'top' as const,
      labelAngle: colIndex ? 0 : -55,
      labelAlign: (colIndex ? 'center' : 'left') as 'center' | 'left',
      labelLimit: 90,
      ...(colIndex ? {} : { labelExpr: labelLookup(colLabels) }),
      ...axisValues(cols, labelStride(cellSize, colIndex)),
    },
  };
  const y = {
    field: 'row',
    type: 'ordinal' as const,
    scale: { domain: range(rows) },
    axis: {
      title: input.rowTitle,
      labelLimit: 90,
      ...(rowIndex ? {} : { labelExpr: labelLookup(rowLabels) }),
      ...axisValues(rows, labelStride(cellSize, rowIndex)),
    },
  };
  const labelTransforms = [
    { calculate: `${JSON.stringify(rowLabels)}[datum.row]`, as: 'rowLabel' },
    { calculate: `${JSON.stringify(colLabels)}[datum.col]`, as: 'colLabel' },
  ];
  const colorScale =
    scale.kind === 'diverging'
      ? { scheme: scale.scheme, domain: scale.domain, domainMid: 0 }
      : { scheme: scale.scheme, domain: scale.domain };
  const layer: LayerSpec<string>['layer'] = [
    {
      data: { values: cells },
      transform: labelTransforms,
      // A hairline stroke in the fill colour hides the anti-aliasing seams between cells at fractional sizes.
      mark: { type: 'rect', strokeWidth: 0.5 },
      encoding: {
        x,
        y,
        color: {
          field: 'value',
          type: 'quantitative',
          title: input.valueTitle,
          scale: colorScale,
          ...(input.legend === false ? { legend: null } : {}),
        },
        stroke: { field: 'value', type: 'quantitative', scale: colorScale, legend: null },
        tooltip: [
          { field: 'rowLabel', type: 'nominal', title: input.rowTitle },
          { field: 'colLabel', type: 'nominal', title: input.colTitle },
          { field: 'value', type: 'quantitative', title: input.valueTitle, format: '.4~g' },
        ],
      },
    },
  ];
  if (masked.length > 0) {
    layer.push({
      data: { values: masked },
      transform: [...labelTransforms, { calculate: JSON.stringify(MASKED_LABEL), as: 'value' }],
      mark: { type: 'rect', stroke: MASKED_COLOR, strokeWidth: 0.5 },
      encoding: {
        x,
        y,
        color: {
          field: 'value',
          type: 'nominal',
          scale: { domain: [MASKED_LABEL], range: [MASKED_COLOR] },
          legend: { title: null, symbolType: 'square' },
        },
        tooltip: [
          { field: 'rowLabel', type: 'nominal', title: input.rowTitle },
          { field: 'colLabel', type: 'nominal', title: input.colTitle },
          { field: 'value', type: 'nominal', title: input.valueTitle },
        ],
      },
    });
  }
  return {
    ...(input.title ? { title: input.title } : {}),
    width: { step: cellSize },
    height: { step: cellSize },
    layer,
    resolve: { scale: { color: 'independent' } },
  };
}

function imageLayer(input: MatrixLayerInput): LayerSpec<string> {
  const { grid, rowLabels, colLabels, scale, cellSize } = input;
  const [rows, cols] = grid.shape;
  const stride = labelStride(cellSize, true);
  const ticks = (n: number) => {
    const want = Math.max(2, Math.min(12, Math.floor((n * cellSize) / 36)));
    const step = Math.max(stride, niceStep(n / want));
    return Array.from({ length: Math.ceil(n / step) }, (_, k) => k * step + 0.5);
  };
  const label = (labels: readonly string[]) =>
    isIndexLabels(labels) ? 'format(floor(datum.value), "d")' : `${JSON.stringify(labels)}[floor(datum.value)]`;
  const x = {
    field: 'x0',
    type: 'quantitative' as const,
    scale: { domain: [0, cols], nice: false, zero: false },
    axis: {
      title: input.colTitle,
      orient: 'top' as const,
      values: ticks(cols),
      labelExpr: label(colLabels),
      grid: false,
      labelAngle: isIndexLabels(colLabels) ? 0 : -55,
      labelAlign: (isIndexLabels(colLabels) ? 'center' : 'left') as 'center' | 'left',
    },
  };
  const y = {
    field: 'y0',
    type: 'quantitative' as const,
    scale: { domain: [0, rows], nice: false, zero: false, reverse: true },
    axis: { title: input.rowTitle, values: ticks(rows), labelExpr: label(rowLabels), grid: false },
  };
  const colorScale =
    scale.kind === 'diverging'
      ? { scheme: scale.scheme, domain: scale.domain, domainMid: 0 }
      : { scheme: scale.scheme, domain: scale.domain };
  const layer: LayerSpec<string>['layer'] = [
    {
      data: { values: [{ url: matrixImage(grid, scale), x0: 0, x1: cols, y0: 0, y1: rows }] },
      // aria off: the mark's description would repeat the whole data URL in the SVG.
      mark: { type: 'image', aspect: false, smooth: false, aria: false },
      encoding: { x, x2: { field: 'x1' }, y, y2: { field: 'y1' }, url: { field: 'url', type: 'nominal' } },
    },
    {
      // An invisible mark whose only job is the colour legend of the image.
      data: { values: [{ value: scale.domain[0] }, { value: scale.domain[1] }] },
      mark: { type: 'rect', opacity: 0 },
      encoding: {
        color: {
          field: 'value',
          type: 'quantitative',
          title: input.valueTitle,
          scale: colorScale,
          ...(input.legend === false ? { legend: null } : {}),
        },
      },
    },
  ];
  if (hasMasked(grid.values)) {
    layer.push({
      data: { values: [{ label: MASKED_LABEL }] },
      mark: { type: 'rect', opacity: 0 },
      encoding: {
        color: {
          field: 'label',
          type: 'nominal',
          scale: { domain: [MASKED_LABEL], range: [MASKED_COLOR] },
          legend: { title: null, symbolType: 'square', symbolOpacity: 1 },
        },
      },
    });
  }
  return {
    ...(input.title ? { title: input.title } : {}),
    width: cols * cellSize,
    height: rows * cellSize,
    layer,
    resolve: { scale: { color: 'independent' } },
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
