import type { Config } from 'vega-lite';
import type { Grid, NumericInput } from '../input/Grid.js';
import { toGrid } from '../input/toGrid.js';
import { toLabels } from '../input/toLabels.js';
import { colorScale } from '../theme/colorScale.js';
import { defaultCellSize, matrixLayer } from './matrixLayer.js';
import { rendererFor, topLevel } from './meta.js';
import type { LayerSpec, TopLevelSpec } from './vegaLiteTypes.js';

/** Options of {@link matrixProduct}. */
export interface MatrixProductOptions {
  /** The cell of C to explain: row i of A and column j of B are outlined with it (default `[0, 0]`). */
  highlight?: readonly [number, number];
  /** Names of the three matrices (default `A`, `B`, `C`). */
  names?: readonly [string, string, string];
  /** Labels of A's rows (and C's), e.g. tokens. */
  rowLabels?: readonly string[];
  /** The chart title. */
  title?: string;
  /** Pixels per cell (default: the largest matrix about 200 px). */
  cellSize?: number;
  /** A Vega-Lite config instead of the shared theme. */
  config?: Config;
}

const FN = 'matrixProduct';

/**
 * A x B = C side by side, with row i of A, column j of B and cell (i, j) of C outlined: C[i][j] is the dot product
 * of that row and that column. C is computed when not given, and checked against A x B when given.
 *
 * Shapes: `a` `[n, k]`, `b` `[k, m]`, `c` `[n, m]`.
 *
 * @example
 * import { matrixProduct } from '@attn/viz';
 * const spec = matrixProduct([[1, 2], [3, 4]], [[5, 6], [7, 8]], undefined, { highlight: [1, 0] });
 */
export function matrixProduct(
  a: NumericInput,
  b: NumericInput,
  c?: NumericInput,
  options: MatrixProductOptions = {},
): TopLevelSpec {
  const A = toGrid(FN, 'a', a, 2);
  const B = toGrid(FN, 'b', b, 2);
  const [n, k] = A.shape;
  const [k2, m] = B.shape;
  if (k !== k2) throw new RangeError(`${FN}: shapes [${n},${k}] and [${k2},${m}] do not align (${k} != ${k2})`);
  const product = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      for (let p = 0; p < k; p++) product[i * m + j] += A.values[i * k + p] * B.values[p * m + j];
  let C: Grid = { shape: [n, m], values: product };
  if (c !== undefined) {
    C = toGrid(FN, 'c', c, 2);
    if (C.shape[0] !== n || C.shape[1] !== m)
      throw new RangeError(`${FN}: c is [${C.shape.join(',')}] but a x b is [${n},${m}]`);
    for (let x = 0; x < n * m; x++) {
      const tol = 1e-3 * (1 + Math.abs(product[x]));
      if (Math.abs(C.values[x] - product[x]) > tol) {
        throw new RangeError(`${FN}: c[${Math.floor(x / m)}][${x % m}] = ${C.values[x]} but a x b gives ${product[x]}`);
      }
    }
  }
  const [hi, hj] = options.highlight ?? [0, 0];
  if (!(Number.isInteger(hi) && hi >= 0 && hi < n && Number.isInteger(hj) && hj >= 0 && hj < m)) {
    throw new RangeError(`${FN}: highlight [${hi}, ${hj}] is outside C's [${n},${m}]`);
  }
  const [na, nb, nc] = options.names ?? ['A', 'B', 'C'];
  const rows = toLabels(FN, 'rowLabels', options.rowLabels, n);
  const idx = (len: number) => toLabels(FN, 'labels', undefined, len);
  const cellSize = options.cellSize ?? Math.min(28, defaultCellSize(Math.max(n, k), Math.max(k, m), 200));
  const outline = (rowsFrom: number | null, colsFrom: number | null) => ({
    data: {
      values: [{ ...(rowsFrom === null ? {} : { row: rowsFrom }), ...(colsFrom === null ? {} : { col: colsFrom }) }],
    },
    mark: { type: 'rect' as const, filled: false, stroke: '#d62728', strokeWidth: 2.5 },
    encoding: {
      ...(rowsFrom === null ? {} : { y: { field: 'row', type: 'ordinal' as const } }),
      ...(colsFrom === null ? {} : { x: { field: 'col', type: 'ordinal' as const } }),
    },
  });
  const panel = (
    grid: Grid,
    name: string,
    rowLabels: string[],
    rowTitle: string,
    colTitle: string,
    mark: ReturnType<typeof outline>,
  ): LayerSpec<string> => {
    const base = matrixLayer({
      grid,
      rowLabels,
      colLabels: idx(grid.shape[1]),
      rowTitle,
      colTitle,
      valueTitle: name,
      scale: colorScale(grid.values),
      cellSize,
      image: false,
      title: name,
    });
    return { ...base, layer: [...base.layer, mark] };
  };
  const sign = (text: string) => ({
    data: { values: [{}] },
    width: 24,
    height: cellSize * n,
    mark: { type: 'text' as const, fontSize: 26, color: '#444' },
    encoding: { text: { value: text } },
  });
  const fmt = (x: number) => Number(x.toPrecision(4)).toString();
  return {
    ...topLevel(
      { builder: 'matrixProduct', renderer: rendererFor(n * k + k * m + n * m), drawing: 'cells' },
      options.config,
    ),
    title: {
      text: options.title ?? `${na} × ${nb} = ${nc}`,
      subtitle: `${nc}[${hi}][${hj}] = row ${hi} of ${na} · column ${hj} of ${nb} = ${fmt(C.values[hi * m + hj])}`,
    },
    hconcat: [
      panel(A, na, rows, 'row', 'column', outline(hi, null)),
      sign('×'),
      panel(B, nb, idx(k), 'row', 'column', outline(null, hj)),
      sign('='),
      panel(C, nc, rows, 'row', 'column', outline(hi, hj)),
    ],
    resolve: { scale: { color: 'independent', stroke: 'independent' } },
  };
}
