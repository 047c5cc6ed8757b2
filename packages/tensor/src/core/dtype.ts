/**
 * The element types a tensor can hold, and the TypedArray that stores each.
 *
 * `bool` is stored as a `Uint8Array` of 0/1 and is the only dtype taken for a mask; there is
 * deliberately no `uint8` dtype, so raw bytes are never mistaken for a mask.
 */
export type DType = 'float32' | 'float64' | 'int32' | 'bool';

/** Maps each dtype to the TypedArray that stores it: `DataOf<'float32'>` is `Float32Array`. */
export interface DataTypeMap {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  bool: Uint8Array;
}

/** The TypedArray type that stores elements of dtype `D`. */
export type DataOf<D extends DType> = DataTypeMap[D];

/** The dtypes whose elements are real numbers with a fractional part. */
export type FloatDType = 'float32' | 'float64';

/** Every dtype, in a fixed order (useful for tests and validation). */
export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'bool'];

/** The dtype a plain JavaScript number becomes when none is given, as in PyTorch and tfjs. */
export const DEFAULT_DTYPE: DType = 'float32';

/**
 * Allocates a zero-filled TypedArray of `length` elements for `dtype`.
 *
 * @example
 * allocate('int32', 3); // Int32Array [0, 0, 0]
 */
export function allocate<D extends DType>(dtype: D, length: number): DataOf<D> {
  switch (dtype) {
    case 'float32':
      return new Float32Array(length) as DataOf<D>;
    case 'float64':
      return new Float64Array(length) as DataOf<D>;
    case 'int32':
      return new Int32Array(length) as DataOf<D>;
    case 'bool':
      return new Uint8Array(length) as DataOf<D>;
    default:
      throw new TypeError(`allocate: unknown dtype ${JSON.stringify(dtype)} (expected one of ${DTYPES.join(', ')})`);
  }
}

/**
 * Returns the dtype that stores a given TypedArray, or throws for arrays no dtype uses.
 *
 * @example
 * dtypeOfArray(new Float64Array(2)); // 'float64'
 */
export function dtypeOfArray(data: ArrayLike<number>): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Uint8Array) return 'bool';
  throw new TypeError(
    `dtypeOfArray: ${Object.prototype.toString.call(data)} is not a Float32Array, Float64Array, Int32Array or Uint8Array`,
  );
}

/**
 * True for `float32` and `float64`: the dtypes softmax, matmul and the other float-only operations accept.
 *
 * @example
 * import { isFloatDType } from '@attn/tensor';
 * isFloatDType('float64'); // true
 * isFloatDType('int32');   // false
 */
export function isFloatDType(dtype: DType): dtype is FloatDType {
  return dtype === 'float32' || dtype === 'float64';
}

/**
 * Checks that `dtype` is a known dtype, throwing a TypeError that names the caller `fn` otherwise.
 *
 * @example
 * import { assertDType } from '@attn/tensor';
 * assertDType('myOp', 'float32'); // passes, and narrows the type to DType
 * assertDType('myOp', 'float16'); // throws a TypeError naming myOp and 'float16'
 */
export function assertDType(fn: string, dtype: unknown): asserts dtype is DType {
  if (!DTYPES.includes(dtype as DType)) {
    throw new TypeError(`${fn}: unknown dtype ${JSON.stringify(dtype)} (expected one of ${DTYPES.join(', ')})`);
  }
}
