import type { DataOf, DType } from './dtype.js';

/** A shape: the length of each axis, outermost first. `[]` is a scalar. */
export type Shape = readonly number[];

/**
 * A tensor is a strided view of a TypedArray: plain data, no methods.
 *
 * The element at index `[i0, i1, ...]` lives at `data[offset + i0*strides[0] + i1*strides[1] + ...]`.
 * Strides count elements (not bytes) and may be negative (a flipped view) or 0 (a broadcast view),
 * so transposes, slices and broadcasts share memory with the tensor they came from.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * const t = tensor([[1, 2, 3], [4, 5, 6]]);
 * t.shape;   // [2, 3]
 * t.strides; // [3, 1]
 * t.dtype;   // 'float32'
 */
export interface Tensor<D extends DType = DType> {
  /** The element type; decides the type of `data`. */
  readonly dtype: D;
  /** The storage, shared by every view of it. */
  readonly data: DataOf<D>;
  /** The length of each axis. */
  readonly shape: Shape;
  /** How far (in elements) to move in `data` for one step along each axis. */
  readonly strides: readonly number[];
  /** Where element `[0, 0, ...]` lives in `data`. */
  readonly offset: number;
}

/** A tensor of `float32` or `float64`. */
export type FloatTensor = Tensor<'float32'> | Tensor<'float64'>;

/** A (possibly nested) array of numbers or booleans, as accepted by `tensor()`. */
export type NestedArray = number | boolean | readonly NestedArray[];
