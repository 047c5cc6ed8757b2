import { checkOut, type OutOptions } from '../core/checkOut.js';
import { describeValue } from '../core/describeValue.js';
import { allocate, type DataOf, type DType } from '../core/dtype.js';
import { forEachRow } from '../core/forEachRow.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';

/** The dtype of a floating-point unary op (`exp`, `log`, `gelu`, ...): float stays, int32 becomes float32. */
export type FloatDTypeOf<D extends DType> = D extends 'float64' ? 'float64' : 'float32';

/**
 * What a unary op accepts: `float` ops take float32/float64/int32 (int32 gives float32), `numeric` ops take
 * the same and keep the dtype, `logical` ops take bool only.
 */
export type UnaryKind = 'float' | 'numeric' | 'logical';

type AnyData = DataOf<DType>;

/** The inner loop of a unary op over one run: `z[iz + i*sz] = f(x[ix + i*sx])` for i < n. */
export type UnaryRow = (n: number, x: AnyData, ix: number, sx: number, z: AnyData, iz: number, sz: number) => void;

/**
 * Runs an elementwise unary op: validates the input and its dtype, allocates (or checks) the output and
 * walks both views with {@link forEachRow}. `intRow`, when given, replaces `row` for int32 results.
 *
 * Shapes: [...S] -> [...S].
 *
 * @example
 * const negRow: UnaryRow = (n, x, ix, sx, z, iz, sz) => {
 *   for (let i = 0; i < n; i++, ix += sx, iz += sz) z[iz] = -x[ix];
 * };
 * unaryOp('neg', 'numeric', tensor([1, -2]), negRow); // [-1, 2]
 */
export function unaryOp(
  fn: string,
  kind: UnaryKind,
  t: Tensor,
  row: UnaryRow,
  options: OutOptions | undefined,
  intRow?: UnaryRow,
): Tensor {
  if (!isTensor(t)) throw new TypeError(`${fn}: x must be a tensor, got ${describeValue(t)}`);
  let result: DType = t.dtype;
  if (kind === 'logical') {
    if (t.dtype !== 'bool') throw new TypeError(`${fn}: expects a bool tensor, got ${t.dtype}`);
  } else if (t.dtype === 'bool') {
    throw new TypeError(`${fn}: expects a float32, float64 or int32 tensor, got bool (convert with astype)`);
  } else if (kind === 'float' && t.dtype === 'int32') {
    result = 'float32';
  }
  const z =
    options?.out !== undefined
      ? checkOut(fn, options.out, t.shape, result)
      : makeTensor(result, allocate(result, sizeOf(t.shape)), t.shape);
  const f = result === 'int32' && intRow !== undefined ? intRow : row;
  const xd = t.data;
  const zd = z.data;
  forEachRow(t.shape, [t.strides, z.strides], [t.offset, z.offset], (n, o, s) => f(n, xd, o[0], s[0], zd, o[1], s[1]));
  return z;
}
