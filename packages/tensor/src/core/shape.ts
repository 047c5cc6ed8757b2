import type { Shape } from './Tensor.js';

/**
 * The number of elements in a tensor of `shape` (1 for a scalar).
 *
 * @example
 * sizeOf([2, 3, 4]); // 24
 */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * The row-major (C-order) strides of a contiguous tensor of `shape`.
 *
 * @example
 * rowMajorStrides([2, 3, 4]); // [12, 4, 1]
 */
export function rowMajorStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/**
 * Formats a shape the way every error message in this project does: `[2,3]`.
 *
 * @example
 * import { showShape } from '@attn/tensor';
 * showShape([2, 3]); // '[2,3]'
 * showShape([]);     // '[]' (a scalar)
 */
export function showShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/**
 * Checks that `shape` is an array of non-negative integers; `fn` names the caller in the error.
 *
 * @example
 * assertShape('zeros', [2, -1]); // throws "zeros: shape [2,-1] must hold non-negative integers"
 */
export function assertShape(fn: string, shape: unknown): asserts shape is Shape {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    const shown = Array.isArray(shape) ? showShape(shape) : JSON.stringify(shape);
    throw new RangeError(`${fn}: shape ${shown} must hold non-negative integers`);
  }
}

/**
 * Normalises a possibly negative axis (`-1` is the last) against a rank, or throws.
 *
 * @example
 * normalizeAxis('softmax', -1, 3); // 2
 */
export function normalizeAxis(fn: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new RangeError(`${fn}: axis ${axis} is out of range for a tensor of rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}
