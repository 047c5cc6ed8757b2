import { checkOut } from '../core/checkOut.js';
import { describeValue } from '../core/describeValue.js';
import { allocate, type DType } from '../core/dtype.js';
import { forEachRow } from '../core/forEachRow.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { normalizeAxis, sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import type { FloatDTypeOf } from '../ops/unaryOp.js';
import type { SoftmaxOptions } from './softmax.js';

/**
 * log(softmax(x)) along `axis`, computed stably as `x_i - max - log(sum_j exp(x_j - max))` (never as the log of
 * a rounded softmax, so tiny probabilities keep their logs instead of becoming -Infinity).
 *
 * A row of all -Infinity gives -Infinity everywhere (the log of the zeros {@link softmax} gives), never NaN;
 * a NaN in a row makes the row NaN. Sums in float64. Dtypes: float32 and float64 keep theirs; int32 gives
 * float32; bool throws.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { logSoftmax, tensor } from '@attn/tensor';
 * logSoftmax(tensor([0, Math.log(3)])); // [-1.3862944, -0.2876821] (= log [0.25, 0.75])
 */
export function logSoftmax<D extends DType>(
  x: Tensor<D>,
  options: SoftmaxOptions<FloatDTypeOf<D>> = {},
): Tensor<FloatDTypeOf<D>> {
  if (!isTensor(x)) throw new TypeError(`logSoftmax: x must be a tensor, got ${describeValue(x)}`);
  if (x.dtype === 'bool') throw new TypeError('logSoftmax: expects a float32, float64 or int32 tensor, got bool');
  const dtype = (x.dtype === 'float64' ? 'float64' : 'float32') as FloatDTypeOf<D>;
  const y =
    options.out !== undefined
      ? checkOut('logSoftmax', options.out, x.shape, dtype)
      : makeTensor(dtype, allocate(dtype, sizeOf(x.shape)), x.shape);
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const xStrides = x.shape.length === 0 ? [0] : x.strides;
  const yStrides = x.shape.length === 0 ? [0] : y.strides;
  const axis = normalizeAxis('logSoftmax', options.axis ?? -1, shape.length);
  const n = shape[axis];
  const sx = xStrides[axis];
  const sy = yStrides[axis];
  const X = x.data;
  const Y = y.data;
  const row = (ix: number, iy: number): void => {
    let max = Number.NEGATIVE_INFINITY;
    let nan = false;
    for (let c = 0, p = ix; c < n; c++, p += sx) {
      const v = X[p];
      if (v > max) max = v;
      else if (Number.isNaN(v)) nan = true;
    }
    if (nan || max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) {
      // NaN rows stay NaN; all -Infinity gives log(0) = -Infinity; +Infinity gives NaN as softmax does.
      const fill = max === Number.NEGATIVE_INFINITY && !nan ? max : Number.NaN;
      for (let c = 0, q = iy; c < n; c++, q += sy) Y[q] = fill;
      return;
    }
    let sum = 0;
    for (let c = 0, p = ix; c < n; c++, p += sx) sum += Math.exp(X[p] - max);
    const shift = max + Math.log(sum);
    for (let c = 0, p = ix, q = iy; c < n; c++, p += sx, q += sy) Y[q] = X[p] - shift;
  };
  forEachRow(
    shape.filter((_, i) => i !== axis),
    [xStrides.filter((_, i) => i !== axis), yStrides.filter((_, i) => i !== axis)],
    [x.offset, y.offset],
    (rows, o, s) => {
      for (let r = 0, ix = o[0], iy = o[1]; r < rows; r++, ix += s[0], iy += s[1]) row(ix, iy);
    },
  );
  return y;
}
