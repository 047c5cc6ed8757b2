/**
 * The oracle: naive float64 helpers written index by index, on purpose independent of the library's
 * own indexing code (they read `shape`, `strides`, `offset` and `data` and nothing else), so a bug in
 * the library cannot hide by being repeated here.
 */
import type { Shape, Tensor } from '../../src/core/index.js';

/**
 * Calls `fn(index, flat)` for every index of `shape` in row-major order (last axis fastest).
 * A scalar shape `[]` visits `[]` once; a shape holding a 0 visits nothing.
 * The `index` array is reused between calls: copy it if you keep it.
 */
export function forEachIndex(shape: Shape, fn: (index: number[], flat: number) => void): void {
  for (const d of shape) if (d === 0) return;
  const index = new Array<number>(shape.length).fill(0);
  let flat = 0;
  for (;;) {
    fn(index, flat++);
    let axis = shape.length - 1;
    while (axis >= 0) {
      index[axis]++;
      if (index[axis] < shape[axis]) break;
      index[axis] = 0;
      axis--;
    }
    if (axis < 0) return;
  }
}

/** The position in `t.data` of the element at `index`: `offset + sum(index[i] * strides[i])`. */
export function refPosition(t: Tensor, index: readonly number[]): number {
  let pos = t.offset;
  for (let i = 0; i < index.length; i++) pos += index[i] * t.strides[i];
  return pos;
}

/** The element at `index` as a float64 number, read through shape/strides/offset. */
export function refGet(t: Tensor, index: readonly number[]): number {
  if (index.length !== t.shape.length)
    throw new Error(`refGet: index of rank ${index.length} for rank ${t.shape.length}`);
  for (let i = 0; i < index.length; i++) {
    if (index[i] < 0 || index[i] >= t.shape[i]) throw new Error(`refGet: index [${index}] outside [${t.shape}]`);
  }
  const pos = refPosition(t, index);
  if (pos < 0 || pos >= t.data.length)
    throw new Error(`refGet: position ${pos} outside data of length ${t.data.length}`);
  return Number(t.data[pos]);
}

/** Every element of `t` in row-major logical order, as float64 numbers (bool gives 0/1). */
export function refElements(t: Tensor): number[] {
  const out: number[] = [];
  forEachIndex(t.shape, (index) => {
    out.push(refGet(t, index));
  });
  return out;
}

/** The nested-array form of `t`'s logical content: numbers, or booleans for a `bool` tensor; a scalar gives a bare value. */
export type RefNested = number | boolean | RefNested[];

/** `t` as nested arrays, built by explicit recursion over the axes. */
export function refNested(t: Tensor): RefNested {
  const index: number[] = [];
  const build = (axis: number): RefNested => {
    if (axis === t.shape.length) {
      const v = refGet(t, index);
      return t.dtype === 'bool' ? v !== 0 : v;
    }
    const row: RefNested[] = [];
    for (let i = 0; i < t.shape[axis]; i++) {
      index[axis] = i;
      row.push(build(axis + 1));
    }
    index.length = axis;
    return row;
  };
  return build(0);
}

/**
 * The index into an input of shape `inShape` that numpy broadcasting reads for output index `outIndex`:
 * axes are aligned at the right, and an input axis of length 1 always reads its element 0.
 */
export function refBroadcastIndex(outIndex: readonly number[], inShape: Shape): number[] {
  const lead = outIndex.length - inShape.length;
  if (lead < 0)
    throw new Error(`refBroadcastIndex: input rank ${inShape.length} exceeds output rank ${outIndex.length}`);
  const index = new Array<number>(inShape.length);
  for (let i = 0; i < inShape.length; i++) index[i] = inShape[i] === 1 ? 0 : outIndex[lead + i];
  return index;
}

/** The broadcast shape of several shapes by numpy's rules, or `undefined` when they do not broadcast. */
export function refBroadcastShape(...shapes: Shape[]): number[] | undefined {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    let d = 1;
    for (const s of shapes) {
      const k = s.length - rank + axis;
      if (k < 0 || s[k] === 1) continue;
      if (d !== 1 && d !== s[k]) return undefined;
      d = s[k];
    }
    out.push(d);
  }
  return out;
}

/** The elements of `t` broadcast to `outShape`, row-major, as float64 numbers. */
export function refBroadcastElements(t: Tensor, outShape: Shape): number[] {
  const out: number[] = [];
  forEachIndex(outShape, (index) => {
    out.push(refGet(t, refBroadcastIndex(index, t.shape)));
  });
  return out;
}

/** Unflattens a row-major flat position into an index of `shape`. */
export function refUnravel(flat: number, shape: Shape): number[] {
  const index = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    index[i] = flat % shape[i];
    flat = Math.floor(flat / shape[i]);
  }
  return index;
}

/** Tolerances of {@link expectClose}, as numpy's `allclose` defines them: `|a - e| <= atol + rtol * |e|`. */
export interface CloseOptions {
  rtol?: number;
  atol?: number;
  /** When set, a Tensor `actual` must have exactly this shape. */
  shape?: Shape;
  /** Prefixed to the error message. */
  label?: string;
}

const isTensorLike = (x: unknown): x is Tensor =>
  typeof x === 'object' && x !== null && 'shape' in x && 'strides' in x && 'data' in x && 'offset' in x;

/**
 * Throws unless `actual` matches `expected` element by element within `atol + rtol * |expected|`.
 * NaN matches NaN only; an infinity matches only the same infinity. The message reports how many elements
 * failed, the largest error and where (flat position and index), and the first few mismatches.
 * Defaults: `rtol = 1e-5`, `atol = 1e-6`.
 */
export function expectClose(
  actual: Tensor | ArrayLike<number>,
  expected: ArrayLike<number>,
  options: CloseOptions = {},
): void {
  const { rtol = 1e-5, atol = 1e-6, label } = options;
  const prefix = label ? `${label}: ` : '';
  let shape: Shape | undefined;
  let values: ArrayLike<number>;
  if (isTensorLike(actual)) {
    shape = actual.shape;
    if (options.shape && (options.shape.length !== shape.length || options.shape.some((d, i) => d !== shape![i]))) {
      throw new Error(`${prefix}expectClose: shape [${shape}] but expected [${options.shape}]`);
    }
    values = refElements(actual);
  } else {
    values = actual;
    shape = options.shape;
  }
  if (values.length !== expected.length) {
    throw new Error(`${prefix}expectClose: ${values.length} elements but expected ${expected.length}`);
  }
  const where = (i: number) => (shape && shape.length > 0 ? `[${i}] (index [${refUnravel(i, shape)}])` : `[${i}]`);
  let failures = 0;
  let worst = -1;
  let worstErr = -1;
  const shown: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const a = Number(values[i]);
    const e = Number(expected[i]);
    let ok: boolean;
    let err: number;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      ok = Number.isNaN(e) && Number.isNaN(a);
      err = ok ? 0 : Number.POSITIVE_INFINITY;
    } else if (!Number.isFinite(e) || !Number.isFinite(a)) {
      ok = a === e;
      err = ok ? 0 : Number.POSITIVE_INFINITY;
    } else {
      err = Math.abs(a - e);
      ok = err <= atol + rtol * Math.abs(e);
    }
    if (!ok) {
      failures++;
      if (shown.length < 5) shown.push(`  at ${where(i)}: got ${a}, expected ${e} (error ${err})`);
      if (err > worstErr) {
        worstErr = err;
        worst = i;
      }
    }
  }
  if (failures > 0) {
    throw new Error(
      `${prefix}expectClose: ${failures} of ${values.length} elements differ beyond rtol=${rtol}, atol=${atol}; ` +
        `max error ${worstErr} at ${where(worst)}: got ${Number(values[worst])}, expected ${Number(expected[worst])}\n` +
        shown.join('\n'),
    );
  }
}
