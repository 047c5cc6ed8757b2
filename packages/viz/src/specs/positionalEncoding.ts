import type { Config } from 'vega-lite';
import type { NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { colorScale } from '../theme/colorScale.js';
import { CATEGORY_COLORS } from '../theme/theme.js';
import { IMAGE_THRESHOLD } from './MatrixOptions.js';
import { defaultCellSize, matrixLayer } from './matrixLayer.js';
import { rendererFor, topLevel } from './meta.js';
import type { TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link positionalEncoding}. */
export interface PositionalEncodingOptions {
  /** Which dimensions to draw as lines (default four: 0, 1 and two slower ones). */
  dims?: readonly number[];
  /** The chart title. */
  title?: string;
  /** From how many cells on the heatmap is drawn as one image (default 512 x 512). */
  imageThreshold?: number;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'positionalEncoding';

/**
 * A positional encoding: the whole matrix as a heatmap (position down, dimension across, diverging around 0),
 * and a few dimensions as curves over position, which for the sinusoidal encoding shows the wavelengths growing
 * geometrically from 2π to 10000·2π across the dimensions.
 *
 * Shapes: `pe` `[position, d_model]`.
 *
 * @example
 * import { positionalEncoding } from '@attn/viz';
 * const spec = positionalEncoding(pe, { dims: [0, 1, 8, 32] }); // pe: [128, 64]
 */
export function positionalEncoding(pe: NumericInput, options: PositionalEncodingOptions = {}): TopLevelSpec {
  const grid = toGrid(FN, 'pe', pe, 2);
  const [n, d] = grid.shape;
  const dims = options.dims ?? [
    ...new Set([0, 1, 2 * Math.floor(d / 8), 2 * Math.floor(d / 4) + 1].filter((x) => x < d)),
  ];
  for (const x of dims) {
    if (!(Number.isInteger(x) && x >= 0 && x < d)) throw new RangeError(`${FN}: dims holds ${x}, outside [0, ${d})`);
  }
  const lines = dims.flatMap((dim) =>
    Array.from({ length: n }, (_, p) => ({ position: p, dimension: `dim ${dim}`, value: grid.values[p * d + dim] })),
  );
  const cell = defaultCellSize(n, d, 480);
  const pos = (title: string) => ({
    field: 'position',
    type: 'quantitative' as const,
    title,
    scale: { domain: [0, n - 1], nice: false },
  });
  return {
    ...topLevel({ builder: 'positionalEncoding', renderer: rendererFor(n * d), drawing: 'cells' }, options.config),
    title: {
      text: options.title ?? `Positional encoding (${n} positions × ${d} dimensions)`,
      subtitle: 'each dimension is a sinusoid over positions; lower dimensions turn faster',
    },
    hconcat: [
      matrixLayer({
        grid,
        rowLabels: Array.from({ length: n }, (_, i) => String(i)),
        colLabels: Array.from({ length: d }, (_, i) => String(i)),
        rowTitle: 'position',
        colTitle: 'dimension',
        valueTitle: 'PE',
        scale: colorScale(grid.values),
        cellSize: cell,
        image: n * d >= (options.imageThreshold ?? IMAGE_THRESHOLD),
      }),
      {
        width: 360,
        height: Math.max(200, Math.min(480, cell * n)),
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 1.8, interpolate: 'monotone' },
        encoding: {
          x: pos('position'),
          y: { field: 'value', type: 'quantitative', title: 'PE(position, dimension)' },
          color: {
            field: 'dimension',
            type: 'nominal',
            title: 'dimension',
            sort: dims.map((x) => `dim ${x}`),
            scale: { range: [...CATEGORY_COLORS] },
          },
          tooltip: [
            { field: 'dimension', type: 'nominal' },
            { field: 'position', type: 'quantitative' },
            { field: 'value', type: 'quantitative', format: '.3f' },
          ],
        },
      },
    ],
    resolve: { scale: { color: 'independent', stroke: 'independent' } },
  };
}
