import type { Tensor } from '@attn/tensor';
import type { Grid, NestedNumbers, NumericInput } from './Grid.js';

/** Options of {@link toGrid}. */
export interface ToGridOptions {
  /** Accept `-Infinity` (a masked score). `NaN` and `+Infinity` are always refused. Default `false`. */
  allowNegativeInfinity?: boolean;
}

/**
 * Reads a tensor or nested arrays of a given rank into a dense row-major {@link Grid}, checking it on the way.
 *
 * Shapes: any input of rank `rank` -> `{ shape, values }` with `values.length` the product of `shape`.
 * Errors name the caller `fn` and the argument `arg`: ragged arrays, empty axes, wrong rank, NaN.
 *
 * @example
 * toGrid('heatmap', 'matrix', [[1, 2], [3, 4]], 2); // { shape: [2, 2], values: Float64Array [1, 2, 3, 4] }
 */
export function toGrid(fn: string, arg: string, input: NumericInput, rank: number, options: ToGridOptions = {}): Grid {
  const grid = isTensorLike(input) ? readTensor(fn, arg, input) : readNested(fn, arg, input);
  if (grid.shape.length !== rank) {
    throw new RangeError(
      `${fn}: ${arg} must have ${rank} axes, got shape [${grid.shape.join(',')}] (${grid.shape.length} axes)`,
    );
  }
  const empty = grid.shape.indexOf(0);
  if (empty >= 0) throw new RangeError(`${fn}: ${arg} is empty (shape [${grid.shape.join(',')}])`);
  const { values } = grid;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) continue;
    if (v === Number.NEGATIVE_INFINITY && options.allowNegativeInfinity) continue;
    throw new RangeError(
      `${fn}: ${arg} holds ${v} at [${unravel(i, grid.shape).join(',')}]` +
        (Number.isNaN(v) ? ' (NaN cannot be drawn; fix the computation that made it)' : ''),
    );
  }
  return grid;
}

function isTensorLike(x: unknown): x is Tensor {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    ArrayBuffer.isView((x as Tensor).data) &&
    Array.isArray((x as Tensor).shape) &&
    Array.isArray((x as Tensor).strides)
  );
}

// Walks the strides, so transposed, sliced and broadcast views read right without a copy first.
function readTensor(fn: string, arg: string, t: Tensor): Grid {
  const shape = [...t.shape];
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float64Array(size);
  const index = new Array<number>(shape.length).fill(0);
  const data = t.data as ArrayLike<number>;
  if (t.dtype === undefined) throw new TypeError(`${fn}: ${arg} looks like a tensor but has no dtype`);
  for (let n = 0; n < size; n++) {
    let at = t.offset;
    for (let a = 0; a < shape.length; a++) at += index[a] * t.strides[a];
    values[n] = data[at];
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  }
  return { shape, values };
}

function readNested(fn: string, arg: string, input: NestedNumbers): Grid {
  const shape: number[] = [];
  let probe: NestedNumbers = input;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const values = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let n = 0;
  const walk = (v: NestedNumbers, depth: number, path: number[]): void => {
    if (depth === shape.length) {
      if (typeof v === 'boolean') {
        values[n++] = v ? 1 : 0;
        return;
      }
      if (typeof v !== 'number') {
        const what = Array.isArray(v) ? 'an array' : typeof v;
        throw new TypeError(
          `${fn}: ${arg} is ragged or not numeric: element [${path.join(',')}] is ${what}, expected a number`,
        );
      }
      values[n++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      const got = Array.isArray(v) ? `length ${v.length}` : `a ${typeof v}`;
      throw new RangeError(
        `${fn}: ${arg} is ragged: [${path.join(',')}] has ${got}, expected length ${shape[depth]} like its first sibling`,
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, [...path, i]);
  };
  if (shape.length === 0 && typeof input !== 'number') {
    throw new TypeError(`${fn}: ${arg} must be a tensor or nested arrays of numbers, got ${describe(input)}`);
  }
  walk(input, 0, []);
  return { shape, values };
}

function describe(x: unknown): string {
  return x === null ? 'null' : typeof x;
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let a = shape.length - 1; a >= 0; a--) {
    index[a] = flat % shape[a];
    flat = Math.floor(flat / shape[a]);
  }
  return index;
}
