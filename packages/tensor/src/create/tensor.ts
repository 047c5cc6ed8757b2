import { allocate, assertDType, type DataOf, DEFAULT_DTYPE, type DType, dtypeOfArray } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { assertShape, showShape, sizeOf } from '../core/shape.js';
import type { NestedArray, Shape, Tensor } from '../core/Tensor.js';

/** Options of {@link tensor}. */
export interface TensorOptions<D extends DType = DType> {
  /** The element type. Defaults to the TypedArray's own dtype, or `float32` for numbers, `bool` for booleans. */
  dtype?: D;
  /** The shape. Defaults to the nesting of the array, or `[length]` for a TypedArray. */
  shape?: Shape;
}

/** A (possibly nested) array of booleans: `tensor()` makes a `bool` tensor of it. */
export type NestedBool = boolean | readonly NestedBool[];

/** The dtype that stores a TypedArray type: `DTypeOfArray<Float64Array>` is `'float64'`. */
export type DTypeOfArray<A> = A extends Float32Array
  ? 'float32'
  : A extends Float64Array
    ? 'float64'
    : A extends Int32Array
      ? 'int32'
      : A extends Uint8Array
        ? 'bool'
        : DType;

/**
 * Makes a tensor from a (nested) array of numbers or booleans, or wraps a TypedArray without copying.
 *
 * Nested arrays must be rectangular. Booleans give a `bool` tensor; numbers give `float32` unless
 * `dtype` says otherwise. A TypedArray is wrapped as is (its dtype must match `dtype` when given),
 * so writes through the tensor are seen in the array.
 *
 * Shapes: any nesting depth `[d0][d1]...` -> a tensor of shape `[d0, d1, ...]`.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * const a = tensor([[1, 2], [3, 4]]);                          // float32, shape [2, 2]
 * const m = tensor([true, false]);                             // bool, shape [2]
 * const w = tensor(new Float64Array(6), { shape: [2, 3] });    // wraps, no copy
 */
export function tensor<D extends DType>(
  values: NestedArray | DataOf<DType>,
  options: TensorOptions<D> & { dtype: D },
): Tensor<D>;
export function tensor(values: NestedBool, options?: TensorOptions<'bool'>): Tensor<'bool'>;
export function tensor<A extends DataOf<DType>>(values: A, options?: TensorOptions): Tensor<DTypeOfArray<A>>;
export function tensor(values: NestedArray, options?: TensorOptions<'float32'>): Tensor<'float32'>;
export function tensor<D extends DType = 'float32'>(
  values: NestedArray | DataOf<DType>,
  options: TensorOptions<D> = {},
): Tensor<D> {
  if (options.dtype !== undefined) assertDType('tensor', options.dtype);
  if (options.shape !== undefined) assertShape('tensor', options.shape);

  if (ArrayBuffer.isView(values)) {
    const own = dtypeOfArray(values as DataOf<DType>);
    const dtype = (options.dtype ?? own) as D;
    if (dtype !== own) {
      throw new TypeError(
        `tensor: a ${values.constructor.name} stores ${own}, not ${dtype} (convert with astype, or pass the matching TypedArray)`,
      );
    }
    const shape = options.shape ?? [(values as DataOf<DType>).length];
    if (sizeOf(shape) !== (values as DataOf<DType>).length) {
      throw new RangeError(
        `tensor: shape ${showShape(shape)} holds ${sizeOf(shape)} elements but the ${values.constructor.name} has ${(values as DataOf<DType>).length}`,
      );
    }
    return makeTensor(dtype, values as DataOf<D>, shape);
  }

  const inferred = inferShape(values);
  const flat: (number | boolean)[] = [];
  flatten(values, inferred, 0, flat);
  const dtype = (options.dtype ?? (flat.length > 0 && typeof flat[0] === 'boolean' ? 'bool' : DEFAULT_DTYPE)) as D;
  const shape = options.shape ?? inferred;
  if (sizeOf(shape) !== flat.length) {
    throw new RangeError(
      `tensor: shape ${showShape(shape)} holds ${sizeOf(shape)} elements but the array has ${flat.length} (shape ${showShape(inferred)})`,
    );
  }
  const data = allocate(dtype, flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    const x = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (typeof x !== 'number') throw new TypeError(`tensor: element ${i} is ${typeof v}, not a number or boolean`);
    if (dtype === 'bool' && x !== 0 && x !== 1) {
      throw new TypeError(`tensor: a bool tensor holds true/false or 0/1, not ${x} (element ${i})`);
    }
    if (dtype === 'int32' && !Number.isInteger(x)) {
      throw new TypeError(
        `tensor: an int32 tensor holds integers, not ${x} (element ${i}); round first or use float32`,
      );
    }
    data[i] = x;
  }
  return makeTensor(dtype, data, shape);
}

function inferShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  return shape;
}

function flatten(values: NestedArray, shape: Shape, depth: number, out: (number | boolean)[]): void {
  if (depth === shape.length) {
    if (Array.isArray(values)) throw new RangeError('tensor: the nested array is ragged (deeper in some places)');
    out.push(values as number | boolean);
    return;
  }
  if (!Array.isArray(values) || values.length !== shape[depth]) {
    const got = Array.isArray(values) ? `length ${values.length}` : 'a scalar';
    throw new RangeError(
      `tensor: the nested array is ragged: expected length ${shape[depth]} at depth ${depth}, got ${got}`,
    );
  }
  for (const v of values) flatten(v, shape, depth + 1, out);
}
