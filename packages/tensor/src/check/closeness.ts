import { broadcastShapes } from '../core/broadcastShapes.js';
import { describeValue } from '../core/describeValue.js';
import { forEachRow } from '../core/forEachRow.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import type { NestedArray, Tensor } from '../core/Tensor.js';
import { tensor } from '../create/tensor.js';
import { broadcastStrides } from '../ops/binaryOp.js';

/** Tolerances of {@link allclose} and {@link assertClose}, as numpy defines them. */
export interface CloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Whether NaN matches NaN (default false). */
  equalNan?: boolean;
}

/** What {@link allclose} and {@link assertClose} compare: a tensor, a nested array, a TypedArray or a number. */
export type Comparable = Tensor | NestedArray | Float32Array | Float64Array | Int32Array | Uint8Array;

/** The outcome of comparing two arrays element by element (broadcast together). */
export interface Closeness {
  shape: number[];
  size: number;
  failures: number;
  /** Row-major flat index of the largest |a - b| (finite or not) among the failures, or -1. */
  worst: number;
  worstA: number;
  worstB: number;
  /** Largest |a - b| over all elements where both are finite. */
  maxAbs: number;
  maxAbsAt: number;
  /** Largest |a - b| / |b| over all elements where both are finite and b != 0. */
  maxRel: number;
  /** The first few failures: [flat index, a, b]. */
  first: [number, number, number][];
}

function asTensor(fn: string, name: string, v: Comparable): Tensor {
  if (isTensor(v)) return v;
  if (ArrayBuffer.isView(v)) return tensor(v as Float64Array);
  if (typeof v === 'number' || typeof v === 'boolean') return makeTensor('float64', Float64Array.of(Number(v)), []);
  if (Array.isArray(v)) return tensor(v, { dtype: 'float64' });
  throw new TypeError(`${fn}: ${name} must be a tensor, an array or a number, got ${describeValue(v)}`);
}

/**
 * Compares `a` and `b` element by element with numpy's rule `|a - b| <= atol + rtol * |b|` (asymmetric:
 * `b` is the reference), broadcasting them together. Infinities match only the same infinity; NaN matches NaN
 * only with `equalNan`. Validates the tolerances; `fn` names the caller in errors.
 *
 * Shapes: a [...A], b [...B] -> a summary over broadcast(A, B).
 *
 * @example
 * closeness('allclose', [1, 2], [1, 2.1], { rtol: 0, atol: 0.01 }).failures; // 1
 */
export function closeness(fn: string, a: Comparable, b: Comparable, options: CloseOptions = {}): Closeness {
  const { rtol = 1e-5, atol = 1e-8, equalNan = false } = options;
  if (!(rtol >= 0) || !(atol >= 0)) {
    throw new RangeError(`${fn}: rtol and atol must be non-negative numbers, got rtol ${rtol}, atol ${atol}`);
  }
  const x = asTensor(fn, 'actual', a);
  const y = asTensor(fn, 'expected', b);
  const shape = broadcastShapes(fn, x.shape, y.shape);
  const result: Closeness = {
    shape,
    size: shape.reduce((p, d) => p * d, 1),
    failures: 0,
    worst: -1,
    worstA: Number.NaN,
    worstB: Number.NaN,
    maxAbs: 0,
    maxAbsAt: -1,
    maxRel: 0,
    first: [],
  };
  let worstErr = -1;
  let k = 0;
  const xd = x.data;
  const yd = y.data;
  forEachRow(shape, [broadcastStrides(x, shape), broadcastStrides(y, shape)], [x.offset, y.offset], (n, o, s) => {
    for (let i = 0, p = o[0], q = o[1]; i < n; i++, p += s[0], q += s[1], k++) {
      const va = xd[p];
      const vb = yd[q];
      let ok: boolean;
      let err: number;
      if (Number.isNaN(va) || Number.isNaN(vb)) {
        ok = equalNan && Number.isNaN(va) && Number.isNaN(vb);
        err = ok ? 0 : Number.POSITIVE_INFINITY;
      } else if (!Number.isFinite(va) || !Number.isFinite(vb)) {
        ok = va === vb;
        err = ok ? 0 : Number.POSITIVE_INFINITY;
      } else {
        err = Math.abs(va - vb);
        ok = err <= atol + rtol * Math.abs(vb);
        if (err > result.maxAbs) {
          result.maxAbs = err;
          result.maxAbsAt = k;
        }
        if (vb !== 0 && err / Math.abs(vb) > result.maxRel) result.maxRel = err / Math.abs(vb);
      }
      if (!ok) {
        result.failures++;
        if (result.first.length < 5) result.first.push([k, va, vb]);
        if (err > worstErr) {
          worstErr = err;
          result.worst = k;
          result.worstA = va;
          result.worstB = vb;
        }
      }
    }
  });
  return result;
}
