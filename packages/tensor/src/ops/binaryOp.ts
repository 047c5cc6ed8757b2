import { broadcastShapes } from '../core/broadcastShapes.js';
import { checkOut, type OutOptions } from '../core/checkOut.js';
import { describeValue } from '../core/describeValue.js';
import { allocate, type DataOf, type DType } from '../core/dtype.js';
import { forEachRow } from '../core/forEachRow.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import type { Shape, Tensor } from '../core/Tensor.js';

/** An operand of a binary op: a tensor, or a plain number (or boolean, for bool tensors) that adopts its dtype. */
export type Operand = Tensor | number | boolean;

type DTypeOf<X> = X extends Tensor<infer D> ? D : never;

/** Two different dtypes mix only where the wider one holds every value of the other exactly. */
type Widen<A extends DType, B extends DType> = [A] extends [B] ? ([B] extends [A] ? A : Mixed<A, B>) : Mixed<A, B>;
type Mixed<A extends DType, B extends DType> = [A | B] extends ['float32' | 'float64']
  ? 'float64'
  : [A | B] extends ['int32' | 'float64']
    ? 'float64'
    : never;

/** The dtype of `add`/`sub`/`mul`/`pow`/`maximum`/`minimum` on operands `A` and `B` (see docs/dtypes.md). */
export type ArithmeticDType<A, B> = A extends Tensor
  ? B extends Tensor
    ? Widen<DTypeOf<A>, DTypeOf<B>>
    : DTypeOf<A>
  : DTypeOf<B>;

/** The dtype of `div`: as {@link ArithmeticDType}, except that int32 / int32 gives float32 (as in PyTorch). */
export type DivideDType<A, B> = IntToFloat<ArithmeticDType<A, B>>;
type IntToFloat<D extends DType> = D extends 'int32' ? 'float32' : D;

/** What a binary op does with dtypes: arithmetic keeps them, divide makes int32 float32, the others give bool. */
export type BinaryKind = 'arithmetic' | 'divide' | 'compare' | 'logical';

type AnyData = DataOf<DType>;

/**
 * The inner loop of a binary op over one run: `z[iz + i*sz] = f(x[ix + i*sx], y[iy + i*sy])` for i < n.
 * Each op writes its own, so V8 compiles a tight loop per op instead of calling a function per element.
 */
export type BinaryRow = (
  n: number,
  x: AnyData,
  ix: number,
  sx: number,
  y: AnyData,
  iy: number,
  sy: number,
  z: AnyData,
  iz: number,
  sz: number,
) => void;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A plain number or boolean as a one-element array of `dtype`, or an error saying why it does not fit. */
function scalarData(fn: string, name: string, value: number | boolean, dtype: DType): AnyData {
  if (dtype === 'bool') {
    if (value === true || value === 1) return Uint8Array.of(1);
    if (value === false || value === 0) return Uint8Array.of(0);
    throw new TypeError(`${fn}: ${name} = ${value} is not a bool (the other operand is a bool tensor); use true/false`);
  }
  if (typeof value === 'boolean') {
    throw new TypeError(`${fn}: ${name} = ${value} is a boolean but the other operand is a ${dtype} tensor`);
  }
  if (dtype === 'int32') {
    if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
      throw new TypeError(
        `${fn}: ${name} = ${value} is not an int32 (the other operand is an int32 tensor); convert the tensor with astype`,
      );
    }
    return Int32Array.of(value);
  }
  return dtype === 'float32' ? Float32Array.of(value) : Float64Array.of(value);
}

/** The common dtype two tensors compute in, or an error: equal dtypes, or a lossless widening to float64. */
function commonDType(fn: string, a: DType, b: DType): DType {
  if (a === b) return a;
  const pair = a < b ? `${a}+${b}` : `${b}+${a}`;
  if (pair === 'float32+float64' || pair === 'float64+int32') return 'float64';
  throw new TypeError(
    `${fn}: dtypes ${a} and ${b} do not mix (convert one with astype; float64 mixes with float32 and int32)`,
  );
}

/** The strides that read `t` as if broadcast to `shape` (aligned at the right; stride 0 on stretched axes). */
export function broadcastStrides(t: Tensor, shape: Shape): number[] {
  const lead = shape.length - t.shape.length;
  const strides = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < t.shape.length; i++) strides[lead + i] = t.shape[i] === 1 ? 0 : t.strides[i];
  return strides;
}

/**
 * Runs an elementwise binary op with numpy broadcasting: validates operands and dtypes, turns plain numbers
 * into stride-0 operands of the tensor's dtype, allocates (or checks) the output and walks all three views
 * together with {@link forEachRow}. `intRow`, when given, replaces `row` for int32 results (overflow checks).
 *
 * Shapes: `a` [...A], `b` [...B] -> [...broadcastShapes(A, B)].
 *
 * @example
 * const addRow: BinaryRow = (n, x, ix, sx, y, iy, sy, z, iz, sz) => {
 *   for (let i = 0; i < n; i++, ix += sx, iy += sy, iz += sz) z[iz] = x[ix] + y[iy];
 * };
 * binaryOp('add', 'arithmetic', tensor([1, 2]), 10, addRow); // [11, 12]
 */
export function binaryOp(
  fn: string,
  kind: BinaryKind,
  a: Operand,
  b: Operand,
  row: BinaryRow,
  options: OutOptions | undefined,
  intRow?: BinaryRow,
): Tensor {
  const aIsTensor = isTensor(a);
  const bIsTensor = isTensor(b);
  for (const [name, v, ok] of [
    ['a', a, aIsTensor],
    ['b', b, bIsTensor],
  ] as const) {
    if (!ok && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new TypeError(`${fn}: ${name} must be a tensor or a number, got ${describeValue(v)}`);
    }
  }
  if (!aIsTensor && !bIsTensor) throw new TypeError(`${fn}: expects at least one tensor, got two plain values`);

  let dtype: DType;
  let x: Tensor;
  let y: Tensor;
  if (aIsTensor && bIsTensor) {
    dtype = commonDType(fn, a.dtype, b.dtype);
    x = a;
    y = b;
  } else if (aIsTensor) {
    dtype = a.dtype;
    x = a;
    y = makeTensor(dtype, scalarData(fn, 'b', b as number | boolean, dtype), []);
  } else {
    dtype = (b as Tensor).dtype;
    x = makeTensor(dtype, scalarData(fn, 'a', a as number | boolean, dtype), []);
    y = b as Tensor;
  }
  if ((kind === 'arithmetic' || kind === 'divide') && dtype === 'bool') {
    throw new TypeError(`${fn}: bool tensors do not do arithmetic (convert with astype, or use the logical ops)`);
  }
  if (kind === 'logical' && dtype !== 'bool') {
    throw new TypeError(`${fn}: expects bool tensors, got ${dtype} (compare first, e.g. notEqual(x, 0))`);
  }
  let result: DType = dtype;
  if (kind === 'divide' && dtype === 'int32') result = 'float32';
  else if (kind === 'compare' || kind === 'logical') result = 'bool';

  const shape = broadcastShapes(fn, x.shape, y.shape);
  const z =
    options?.out !== undefined
      ? checkOut(fn, options.out, shape, result)
      : makeTensor(
          result,
          allocate(
            result,
            shape.reduce((p, d) => p * d, 1),
          ),
          shape,
        );
  const f = result === 'int32' && intRow !== undefined ? intRow : row;
  const xd = x.data;
  const yd = y.data;
  const zd = z.data;
  forEachRow(
    shape,
    [broadcastStrides(x, shape), broadcastStrides(y, shape), z.strides],
    [x.offset, y.offset, z.offset],
    (n, o, s) => f(n, xd, o[0], s[0], yd, o[1], s[1], zd, o[2], s[2]),
  );
  return z;
}
