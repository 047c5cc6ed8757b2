import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { rowMajorStrides, showShape, sizeOf } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';
import { clone } from './clone.js';

/** Options of {@link reshape}. */
export interface ReshapeOptions {
  /**
   * Allow a copy when the strides of `t` admit no view of the new shape (default false: throw instead).
   * With `copy: true` you still get a view whenever one exists; the copy happens only when it must.
   */
  copy?: boolean;
}

/**
 * Gives `t` a new shape with the same elements in row-major order, as a VIEW sharing `t.data`.
 * One entry of `shape` may be `-1`: it is inferred from the others.
 *
 * A view exists whenever each group of old axes that merges or splits into new axes is laid out
 * contiguously within itself (numpy's rule): always for a contiguous tensor, often for slices, not for a
 * transpose flattened across its swapped axes. Then `reshape` throws, telling you to call
 * `contiguous(t)` first or to pass `{ copy: true }`; it never copies behind your back.
 *
 * Shapes: `[d_0, ...]` -> `shape`, with the same number of elements.
 *
 * @example
 * import { arange, reshape } from '@attn/tensor';
 * const x = reshape(arange(24), [2, 3, 4]);
 * reshape(x, [2, 3, 2, 2]).shape; // split the last axis into heads: [2, 3, 2, 2]
 * reshape(x, [-1, 4]).shape;      // [6, 4]
 */
export function reshape<D extends DType>(t: Tensor<D>, shape: Shape, options: ReshapeOptions = {}): Tensor<D> {
  assertTensor('reshape', 't', t);
  const target = resolveShape(t, shape);
  const strides = viewStrides(t.shape, t.strides, target);
  if (strides) return makeTensor(t.dtype, t.data, target, strides, t.offset);
  if (options.copy) return makeTensor(t.dtype, clone(t).data, target);
  throw new RangeError(
    `reshape: cannot view shape ${showShape(t.shape)} with strides ${showShape(t.strides)} as ${showShape(target)} ` +
      'without copying; call contiguous(t) first or pass { copy: true }',
  );
}

/** Replaces a `-1` by the inferred length and checks that the element counts agree. */
function resolveShape(t: Tensor, shape: Shape): number[] {
  const bad = () =>
    new RangeError(
      `reshape: shape ${Array.isArray(shape) ? showShape(shape) : String(shape)} is not valid for a tensor of shape ${showShape(t.shape)}`,
    );
  if (!Array.isArray(shape)) throw bad();
  const size = sizeOf(t.shape);
  const out = [...shape];
  let infer = -1;
  let known = 1;
  for (let i = 0; i < out.length; i++) {
    const d = out[i];
    if (d === -1 && infer < 0) infer = i;
    else if (Number.isInteger(d) && d >= 0) known *= d;
    else throw bad();
  }
  if (infer >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new RangeError(
        `reshape: cannot infer the -1 in ${showShape(shape)} for ${size} elements (shape ${showShape(t.shape)})`,
      );
    }
    out[infer] = size / known;
  }
  if (sizeOf(out) !== size) {
    throw new RangeError(
      `reshape: shape ${showShape(t.shape)} (${size} elements) cannot become ${showShape(shape)} (${sizeOf(out)} elements)`,
    );
  }
  return out;
}

/**
 * The strides that view `oldShape`/`oldStrides` as `newShape`, or undefined when none exist
 * (numpy's `_attempt_nocopy_reshape`): match groups of old and new axes with equal products, and
 * require each old group to be contiguous within itself.
 */
function viewStrides(oldShape: Shape, oldStrides: readonly number[], newShape: Shape): number[] | undefined {
  if (sizeOf(newShape) === 0) return rowMajorStrides(newShape);
  const oldDims: number[] = [];
  const olds: number[] = [];
  for (let i = 0; i < oldShape.length; i++) {
    if (oldShape[i] !== 1) {
      oldDims.push(oldShape[i]);
      olds.push(oldStrides[i]);
    }
  }
  const strides = new Array<number>(newShape.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newShape.length && oi < oldDims.length) {
    let np = newShape[ni];
    let op = oldDims[oi];
    while (np !== op) {
      if (np < op) np *= newShape[nj++];
      else op *= oldDims[oj++];
    }
    for (let k = oi; k < oj - 1; k++) if (olds[k] !== oldDims[k + 1] * olds[k + 1]) return undefined;
    strides[nj - 1] = olds[oj - 1];
    for (let k = nj - 1; k > ni; k--) strides[k - 1] = strides[k] * newShape[k];
    ni = nj++;
    oi = oj++;
  }
  // Trailing new axes of length 1: any stride will do.
  for (let k = ni; k < newShape.length; k++) strides[k] = 1;
  return strides;
}
