import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from '../view/assertTensor.js';
import { toFlat } from './toFlat.js';

/** Options of {@link format}. */
export interface FormatOptions {
  /** Digits after the decimal point for floats (default 4, as PyTorch). */
  precision?: number;
  /** Summarise with `...` when the tensor has more elements than this (default 1000, as numpy). */
  threshold?: number;
  /** How many entries to keep at each end of a summarised axis (default 3). */
  edgeItems?: number;
  /** Wrap a row of numbers onto the next line past this many characters (default 80). */
  lineWidth?: number;
}

/**
 * A human-readable text of `t` in PyTorch's style, always naming the dtype:
 *
 * ```text
 * tensor([[ 1.0000, -2.5000],
 *         [ 3.0000,  4.0000]], dtype=float32)
 * ```
 *
 * Rules (numpy's and torch's): every element is padded to one width so columns align; floats print
 * with `precision` decimals, switching to scientific notation (`1.0000e-05`) for all elements when the
 * largest finite magnitude is `>= 1e8`, the smallest nonzero one `< 1e-4`, or their ratio `> 1000`;
 * NaN and infinities print `nan`, `inf`, `-inf`; `int32` prints integers and `bool` `true`/`false`.
 * Tensors with more than `threshold` elements show only `edgeItems` entries at each end of every long
 * axis, with `...` between. Rows of the last axis wrap at `lineWidth`; blank lines separate blocks of
 * rank 3 and up. An empty tensor prints its shape: `tensor([], shape=[0,3], dtype=float32)`.
 *
 * Shapes: any tensor -> a string.
 *
 * @example
 * import { format, tensor } from '@attn/tensor';
 * format(tensor([[1, 2], [3, 4]]));
 * // 'tensor([[1.0000, 2.0000],\n        [3.0000, 4.0000]], dtype=float32)'
 * format(tensor([true, false])); // 'tensor([ true, false], dtype=bool)'
 */
export function format(t: Tensor, options: FormatOptions = {}): string {
  assertTensor('format', 't', t);
  const { precision = 4, threshold = 1000, edgeItems = 3, lineWidth = 80 } = options;
  for (const [name, v] of [
    ['precision', precision],
    ['threshold', threshold],
    ['edgeItems', edgeItems],
    ['lineWidth', lineWidth],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || (name === 'precision' && v > 20)) {
      throw new RangeError(
        `format: ${name} must be a non-negative integer${name === 'precision' ? ' up to 20' : ''}, not ${v}`,
      );
    }
  }
  const prefix = 'tensor(';
  const suffix = `, dtype=${t.dtype})`;
  const shape = t.shape;
  const size = sizeOf(shape);
  if (size === 0) return `${prefix}[], shape=[${shape.join(',')}]${suffix}`;

  const flat = toFlat(t);
  const summarise = size > threshold;
  // The positions kept along each axis (with -1 standing for the `...` gap).
  const kept = shape.map((d) =>
    summarise && d > 2 * edgeItems ? [...range(0, edgeItems), -1, ...range(d - edgeItems, d)] : range(0, d),
  );
  const strides = shape.map((_, a) => sizeOf(shape.slice(a + 1)));

  // Collect the shown elements first: the float style and the column width depend on all of them.
  const shown: number[] = [];
  const visit = (axis: number, base: number) => {
    if (axis === shape.length) {
      shown.push(flat[base]);
      return;
    }
    for (const i of kept[axis]) if (i >= 0) visit(axis + 1, base + i * strides[axis]);
  };
  visit(0, 0);
  const show = elementFormatter(t.dtype, shown, precision);
  const width = Math.max(...shown.map((v) => show(v).length));
  const cell = (v: number) => show(v).padStart(width);

  const render = (axis: number, base: number, indent: number): string => {
    if (axis === shape.length) return cell(flat[base]);
    const parts = kept[axis].map((i) => (i < 0 ? '...' : render(axis + 1, base + i * strides[axis], indent + 1)));
    if (axis === shape.length - 1) return `[${wrap(parts, indent + 1, lineWidth)}]`;
    const sep = `,${'\n'.repeat(shape.length - axis - 1)}${' '.repeat(indent + 1)}`;
    return `[${parts.join(sep)}]`;
  };
  return `${prefix}${render(0, 0, prefix.length)}${suffix}`;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** Joins the cells of one row with ', ', starting a new line (indented to `indent`) before passing `lineWidth`. */
function wrap(cells: string[], indent: number, lineWidth: number): string {
  let out = '';
  let col = indent;
  cells.forEach((c, i) => {
    if (i > 0) {
      if (col + 2 + c.length + 1 > lineWidth) {
        out += `,\n${' '.repeat(indent)}`;
        col = indent;
      } else {
        out += ', ';
        col += 2;
      }
    }
    out += c;
    col += c.length;
  });
  return out;
}

/** How one element prints, chosen once for the whole tensor. */
function elementFormatter(dtype: Tensor['dtype'], shown: number[], precision: number): (v: number) => string {
  if (dtype === 'bool') return (v) => (v !== 0 ? 'true' : 'false');
  if (dtype === 'int32') return (v) => String(v);
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const v of shown) {
    const a = Math.abs(v);
    if (Number.isFinite(a) && a > 0) {
      if (a > max) max = a;
      if (a < min) min = a;
    }
  }
  const scientific = max > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1000);
  return (v) => {
    if (Number.isNaN(v)) return 'nan';
    if (v === Number.POSITIVE_INFINITY) return 'inf';
    if (v === Number.NEGATIVE_INFINITY) return '-inf';
    if (!scientific) return v.toFixed(precision);
    // JavaScript writes e+5; numpy and torch write e+05.
    return v.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
  };
}
