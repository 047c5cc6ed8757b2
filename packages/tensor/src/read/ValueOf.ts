import type { DType } from '../core/dtype.js';

/** What one element of a `D` tensor reads as in JavaScript: `boolean` for `bool`, else `number`. */
export type ValueOf<D extends DType> = D extends 'bool' ? boolean : number;

/** A scalar or arbitrarily nested arrays of `T`, as {@link toNested} returns. */
export type Nested<T> = T | Nested<T>[];
