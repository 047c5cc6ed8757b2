import { checkOut, type OutOptions } from '../core/checkOut.js';
import { describeValue } from '../core/describeValue.js';
import { allocate, type DType } from '../core/dtype.js';
import { forEachRow } from '../core/forEachRow.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { normalizeAxis, sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { getKernels } from '../kernels/dispatch.js';
import type { FloatDTypeOf } from '../ops/unaryOp.js';
import { astype } from '../view/astype.js';

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions<D extends DType = DType> extends OutOptions<D> {
  /** The axis whose entries sum to 1 (default -1, the last). */
  axis?: number;
}

/**
 * softmax(x)_i = exp(x_i - max(x)) / sum_j exp(x_j - max(x)) along `axis`: numerically stable (no overflow
 * for any finite input), and a row of all -Infinity (a fully masked attention row) gives zeros, never NaN.
 * A NaN in a row makes that row NaN; a +Infinity makes it NaN too (inf - inf).
 *
 * Runs on the row-softmax kernel of the active kernel set (`getKernels()`: plain TypeScript or WebAssembly SIMD),
 * one call per run of rows, with strides, so any view and any axis work without copying. Max and sum are kept
 * in float64 locals. Dtypes: float32 and float64 keep theirs; int32 gives float32; bool throws.
 *
 * Shapes: [...S] -> [...S]. Pass `{ out }` to write into an existing tensor of that shape and dtype (it may be `x`).
 *
 * @example
 * import { softmax, tensor } from '@attn/tensor';
 * softmax(tensor([[0, Math.log(3)], [-Infinity, -Infinity]])); // [[0.25, 0.75], [0, 0]]
 * softmax(tensor([[1, 2], [1, 2]]), { axis: 0 });              // [[0.5, 0.5], [0.5, 0.5]]
 */
export function softmax<D extends DType>(
  x: Tensor<D>,
  options: SoftmaxOptions<FloatDTypeOf<D>> = {},
): Tensor<FloatDTypeOf<D>> {
  if (!isTensor(x)) throw new TypeError(`softmax: x must be a tensor, got ${describeValue(x)}`);
  if (x.dtype === 'bool') throw new TypeError('softmax: expects a float32, float64 or int32 tensor, got bool');
  const xs: Tensor<'float32' | 'float64'> = x.dtype === 'int32' ? astype(x, 'float32') : (x as Tensor<'float32'>);
  const dtype = xs.dtype as FloatDTypeOf<D>;
  const y =
    options.out !== undefined
      ? checkOut('softmax', options.out, x.shape, dtype)
      : makeTensor(dtype, allocate(dtype, sizeOf(x.shape)), x.shape);
  // A scalar is a row of one.
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const xStrides = x.shape.length === 0 ? [0] : xs.strides;
  const yStrides = x.shape.length === 0 ? [0] : y.strides;
  const axis = normalizeAxis('softmax', options.axis ?? -1, shape.length);
  const cols = shape[axis];
  const outer = shape.filter((_, i) => i !== axis);
  const kernels = getKernels();
  const X = xs.data;
  const Y = y.data;
  forEachRow(
    outer,
    [xStrides.filter((_, i) => i !== axis), yStrides.filter((_, i) => i !== axis)],
    [xs.offset, y.offset],
    (rows, o, s) => {
      if (dtype === 'float32') {
        kernels.ssoftmaxRows(
          rows,
          cols,
          X as Float32Array,
          s[0],
          xStrides[axis],
          o[0],
          Y as Float32Array,
          s[1],
          yStrides[axis],
          o[1],
        );
      } else {
        kernels.dsoftmaxRows(
          rows,
          cols,
          X as Float64Array,
          s[0],
          xStrides[axis],
          o[0],
          Y as Float64Array,
          s[1],
          yStrides[axis],
          o[1],
        );
      }
    },
  );
  return y;
}
