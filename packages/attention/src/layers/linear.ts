import { type DataOf, type FloatDType, getKernels, makeTensor, showShape, type Tensor } from '@attn/tensor';
import { sliceOffsets } from '../internal/sliceOffsets.js';
import { assertFloatTensor, assertRank, assertSameDType } from '../internal/validate.js';

/**
 * A linear (affine) map as PyTorch's `nn.Linear` computes it: y = x W^T + b, applied to the last axis.
 *
 * The weight is stored `[out, in]` as PyTorch stores it, so weights loaded from PyTorch (e.g. through `.npy`)
 * work unchanged; W^T is read as a view, never copied. x may be any strided view.
 *
 * Shapes: x `[..., in]`, weight `[out, in]`, bias `[out]` -> `[..., out]`, in x's dtype.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { linear } from '@attn/attention';
 * const x = tensor([[1, 2]]);
 * const w = tensor([[1, 0], [0, 1], [1, 1]]);  // [out 3, in 2]
 * linear(x, w, tensor([0, 0, 10]));             // [[1, 2, 13]]
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  const fn = 'linear';
  assertFloatTensor(fn, 'x', x);
  assertFloatTensor(fn, 'weight', weight);
  assertSameDType(fn, 'weight', weight, 'x', x);
  assertRank(fn, 'weight', weight, [2]);
  if (x.shape.length < 1) throw new RangeError(`${fn}: x must have at least one axis, got ${showShape(x.shape)}`);
  const [out, inn] = weight.shape;
  const xIn = x.shape[x.shape.length - 1];
  if (xIn !== inn) {
    throw new RangeError(
      `${fn}: x ${showShape(x.shape)} and weight ${showShape(weight.shape)} do not align (x's last axis ${xIn} != weight's in ${inn})`,
    );
  }
  if (bias !== undefined) {
    assertFloatTensor(fn, 'bias', bias);
    assertSameDType(fn, 'bias', bias, 'x', x);
    if (bias.shape.length !== 1 || bias.shape[0] !== out) {
      throw new RangeError(
        `${fn}: bias must be [${out}] for weight ${showShape(weight.shape)}, got ${showShape(bias.shape)}`,
      );
    }
  }
  return linearUnchecked(x, weight, bias);
}

/** {@link linear} without validation, for callers inside the package that have checked already. Internal. */
export function linearUnchecked(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  const [out, inn] = weight.shape;
  const rank = x.shape.length;
  // x is a stack of [rows, in] matrices: its last-but-one axis gives the rows, the axes before it the stack.
  const rows = rank >= 2 ? x.shape[rank - 2] : 1;
  const rowStride = rank >= 2 ? x.strides[rank - 2] : 0;
  const stack = x.shape.slice(0, Math.max(0, rank - 2));
  const offsets = sliceOffsets(stack, x.strides.slice(0, Math.max(0, rank - 2)), x.offset, stack);
  const kernels = getKernels();
  const f32 = x.dtype === 'float32';
  const gemm = (f32 ? kernels.sgemm : kernels.dgemm) as typeof kernels.dgemm;
  const size = offsets.length * rows * out;
  const Y: DataOf<FloatDType> = f32 ? new Float32Array(size) : new Float64Array(size);
  if (bias) {
    // Start every row from the bias, then let the gemm add x W^T on top (beta = 1): the first row read through
    // the bias's stride, the others copied from it (a memmove each, not a strided read per element).
    const b = bias.data;
    const stride = bias.strides[0];
    for (let o = 0, p = bias.offset; o < out; o++, p += stride) Y[o] = b[p];
    for (let r = 1; r < offsets.length * rows; r++) Y.copyWithin(r * out, 0, out);
  }
  for (let n = 0; n < offsets.length; n++) {
    gemm(
      'no-transpose',
      'transpose',
      rows,
      out,
      inn,
      1,
      x.data as Float64Array,
      rowStride,
      x.strides[rank - 1],
      offsets[n],
      weight.data as Float64Array,
      weight.strides[0],
      weight.strides[1],
      weight.offset,
      bias ? 1 : 0,
      Y as Float64Array,
      out,
      1,
      n * rows * out,
    );
  }
  return makeTensor(x.dtype, Y, [...x.shape.slice(0, -1), out]);
}
