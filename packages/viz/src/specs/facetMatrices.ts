import type { Grid } from '../input/Grid.js';
import type { ColorScaleChoice } from '../theme/colorScale.js';
import { MASKED_COLOR, MASKED_LABEL } from '../theme/theme.js';
import { hasMasked } from './matrixLayer.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Everything needed to draw a stack of matrices `[layer, head, row, col]` as small multiples. */
export interface FacetMatricesInput {
  /** `[layers, heads, rows, cols]`. */
  grid: Grid;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  rowTitle: string;
  colTitle: string;
  valueTitle: string;
  scale: ColorScaleChoice;
  cellSize: number;
  /** Heads per row of the grid when there is one layer. */
  columns: number;
  /** Whether the input had a layer axis (then layers are rows of the grid). */
  layered: boolean;
  /** Let a click pick one head (others fade). */
  pickable: boolean;
}

type Faceted = Omit<Extract<TopLevelSpec, { facet: unknown }>, '$schema' | 'config' | 'usermeta'>;

/**
 * Small multiples of matrices sharing one colour scale: a facet over heads (and layers), hover shows a cell's
 * head, query, key and value, a click picks a head and fades the others. Masked cells are grey with a legend entry.
 *
 * Shapes: a `[layers, heads, rows, cols]` grid -> a faceted spec with `layers * heads` panels.
 */
export function facetMatrices(input: FacetMatricesInput): Faceted {
  const { grid, rowLabels, colLabels, scale, cellSize } = input;
  const [layers, heads, rows, cols] = grid.shape;
  const values: { layer: number; head: number; row: number; col: number; value?: number; masked?: true }[] = [];
  let n = 0;
  for (let l = 0; l < layers; l++)
    for (let h = 0; h < heads; h++)
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const v = grid.values[n++];
          values.push(
            v === Number.NEGATIVE_INFINITY
              ? { layer: l, head: h, row: i, col: j, masked: true }
              : { layer: l, head: h, row: i, col: j, value: v },
          );
        }
  const index = (labels: readonly string[]) => labels.every((s, i) => s === String(i));
  const ticks = (labels: readonly string[], n: number) => {
    const stride = Math.max(1, Math.ceil((index(labels) ? 24 : 12) / cellSize));
    return stride > 1 ? { values: Array.from({ length: Math.ceil(n / stride) }, (_, k) => k * stride) } : {};
  };
  const x = {
    field: 'col',
    type: 'ordinal' as const,
    scale: { domain: Array.from({ length: cols }, (_, i) => i) },
    axis: {
      title: input.colTitle,
      labelAngle: index(colLabels) ? 0 : -55,
      ...(index(colLabels)
        ? {}
        : { labelExpr: `${JSON.stringify(colLabels)}[datum.value]`, labelAlign: 'right' as const }),
      ...ticks(colLabels, cols),
    },
  };
  const y = {
    field: 'row',
    type: 'ordinal' as const,
    scale: { domain: Array.from({ length: rows }, (_, i) => i) },
    axis: {
      title: input.rowTitle,
      ...(index(rowLabels) ? {} : { labelExpr: `${JSON.stringify(rowLabels)}[datum.value]` }),
      ...ticks(rowLabels, rows),
    },
  };
  const colorScale =
    scale.kind === 'diverging'
      ? { scheme: scale.scheme, domain: scale.domain, domainMid: 0 }
      : { scheme: scale.scheme, domain: scale.domain };
  const tooltip = [
    ...(input.layered ? [{ field: 'layer', type: 'ordinal' as const }] : []),
    { field: 'head', type: 'ordinal' as const },
    { field: 'rowLabel', type: 'nominal' as const, title: input.rowTitle },
    { field: 'colLabel', type: 'nominal' as const, title: input.colTitle },
  ];
  const opacity = input.pickable ? { opacity: { condition: { param: 'pick', value: 1 }, value: 0.25 } } : {};
  const masked = hasMasked(grid.values);
  return {
    data: { values },
    transform: [
      { calculate: `${JSON.stringify(rowLabels)}[datum.row]`, as: 'rowLabel' },
      { calculate: `${JSON.stringify(colLabels)}[datum.col]`, as: 'colLabel' },
    ],
    facet: input.layered
      ? {
          row: { field: 'layer', type: 'ordinal', title: 'layer' },
          column: { field: 'head', type: 'ordinal', title: 'head' },
        }
      : { field: 'head', type: 'ordinal', title: 'head', header: { labelExpr: "'head ' + datum.value", title: null } },
    ...(input.layered ? {} : { columns: input.columns }),
    spec: {
      width: { step: cellSize },
      height: { step: cellSize },
      layer: [
        {
          ...(input.pickable
            ? {
                params: [
                  {
                    name: 'pick',
                    select: { type: 'point', fields: ['layer', 'head'], on: 'click', clear: 'dblclick' },
                  },
                ],
              }
            : {}),
          transform: [{ filter: '!datum.masked' }],
          mark: { type: 'rect' },
          encoding: {
            x,
            y,
            color: { field: 'value', type: 'quantitative', title: input.valueTitle, scale: colorScale },
            ...opacity,
            tooltip: [...tooltip, { field: 'value', type: 'quantitative', title: input.valueTitle, format: '.4~g' }],
          },
        },
        ...(masked
          ? [
              {
                transform: [
                  { filter: 'datum.masked === true' },
                  { calculate: JSON.stringify(MASKED_LABEL), as: 'status' },
                ],
                mark: { type: 'rect' as const, fill: MASKED_COLOR, stroke: MASKED_COLOR, strokeWidth: 0.5 },
                encoding: {
                  x,
                  y,
                  // The masked entry's legend rides on the opacity channel, so the panels keep one colour scale
                  // (and one legend) between them.
                  opacity: {
                    field: 'status',
                    type: 'ordinal' as const,
                    scale: { domain: [MASKED_LABEL], range: [1] },
                    legend: {
                      title: null,
                      symbolType: 'square',
                      symbolFillColor: MASKED_COLOR,
                      symbolStrokeColor: MASKED_COLOR,
                    },
                  },
                  tooltip,
                },
              },
            ]
          : []),
      ],
    },
  };
}
