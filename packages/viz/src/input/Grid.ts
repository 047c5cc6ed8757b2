import type { Tensor } from '@attn/tensor';

/** Numbers (or booleans, read as 1 and 0, for masks) nested to any depth: `number[][]` for a matrix. */
export type NestedNumbers = number | boolean | readonly NestedNumbers[];

/** What every builder takes for a matrix (or a stack of them): a tensor from `@attn/tensor` or nested arrays. */
export type NumericInput = Tensor | NestedNumbers;

/**
 * A dense row-major block of numbers with its shape: the one form every builder works on inside.
 * `values[i * shape[1] + j]` is element `[i, j]` of a matrix.
 */
export interface Grid {
  /** The length of each axis, outermost first. */
  readonly shape: readonly number[];
  /** The elements in row-major order; masked scores may be `-Infinity`. */
  readonly values: Float64Array;
}
