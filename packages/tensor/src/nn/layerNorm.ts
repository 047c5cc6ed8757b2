import { checkOut, type OutOptions } from '../core/checkOut.js';
import { describeValue } from '../core/describeValue.js';
import { allocate, type DType } from '../core/dtype.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { reductionPlan } from '../core/reductionPlan.js';
import { showShape, sizeOf } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import type { FloatDTypeOf } from '../ops/unaryOp.js';
import { toFlat } from '../read/toFlat.js';

/** Options of {@link layerNorm}. */
export interface LayerNormOptions<D extends DType = DType> extends OutOptions<D> {
  /** The scale gamma, of the normalised axes' shape (default: none, i.e. 1). */
  weight?: Tensor<D>;
  /** The shift beta, of the normalised axes' shape (default: none, i.e. 0). */
  bias?: Tensor<D>;
  /** Added to the variance before the square root (default 1e-5, as PyTorch). */
  eps?: number;
  /** The trailing shape to normalise over, as PyTorch's `normalized_shape` (e.g. `[d_model]`). */
  normalizedShape?: Shape;
  /** Or: the axis or axes to normalise over (default -1). Give this or `normalizedShape`, not both. */
  axis?: number | readonly number[];
}

/**
 * Layer normalisation (Ba et al. 2016) as `torch.nn.functional.layer_norm`: over the normalised axes,
 * `y = (x - mean) / sqrt(var + eps) * weight + bias`, with the biased (population) variance.
 *
 * Mean and variance are computed in two float64 passes per group and each output is rounded once. Dtypes:
 * float32 and float64 keep theirs; int32 gives float32; bool throws; `weight` and `bias` must have the result's
 * dtype.
 *
 * Shapes: x [...B, ...N] -> [...B, ...N]; `weight`, `bias`: N (the normalised axes' shape).
 *
 * @example
 * import { layerNorm, tensor } from '@attn/tensor';
 * layerNorm(tensor([[1, 2, 3], [2, 4, 6]]));
 * // [[-1.2247357, 0, 1.2247357], [-1.2247425, 0, 1.2247425]]
 * layerNorm(tensor([[1, 3]]), { weight: tensor([2, 2]), bias: tensor([1, 1]), eps: 0 }); // [[-1, 3]]
 */
export function layerNorm<D extends DType>(
  x: Tensor<D>,
  options: LayerNormOptions<FloatDTypeOf<D>> = {},
): Tensor<FloatDTypeOf<D>> {
  const fn = 'layerNorm';
  if (!isTensor(x)) throw new TypeError(`${fn}: x must be a tensor, got ${describeValue(x)}`);
  if (x.dtype === 'bool') throw new TypeError(`${fn}: expects a float32, float64 or int32 tensor, got bool`);
  const dtype = (x.dtype === 'float64' ? 'float64' : 'float32') as FloatDTypeOf<D>;
  const { weight, bias, eps = 1e-5, normalizedShape } = options;
  if (typeof eps !== 'number' || !(eps >= 0))
    throw new RangeError(`${fn}: eps must be a non-negative number, got ${eps}`);
  let axis: number | readonly number[] = options.axis ?? -1;
  if (normalizedShape !== undefined) {
    if (options.axis !== undefined) throw new TypeError(`${fn}: give normalizedShape or axis, not both`);
    const k = normalizedShape.length;
    const tail = x.shape.slice(x.shape.length - k);
    if (k > x.shape.length || tail.some((d, i) => d !== normalizedShape[i])) {
      throw new RangeError(
        `${fn}: normalizedShape ${showShape(normalizedShape)} does not match the last axes of x ${showShape(x.shape)}`,
      );
    }
    axis = normalizedShape.map((_, i) => x.shape.length - k + i);
  }
  const y =
    options.out !== undefined
      ? checkOut(fn, options.out, x.shape, dtype)
      : makeTensor(dtype, allocate(dtype, sizeOf(x.shape)), x.shape);
  const plan = reductionPlan(fn, x.shape, [x.strides, y.strides], [x.offset, y.offset], axis);
  const params = (name: string, p: Tensor | undefined): ArrayLike<number> | undefined => {
    if (p === undefined) return undefined;
    if (!isTensor(p)) throw new TypeError(`${fn}: ${name} must be a tensor, got ${describeValue(p)}`);
    if (p.dtype !== dtype) throw new TypeError(`${fn}: ${name} has dtype ${p.dtype} but the result is ${dtype}`);
    const want = plan.reducedShape;
    if (p.shape.length !== want.length || p.shape.some((d, i) => d !== want[i])) {
      throw new RangeError(
        `${fn}: ${name} has shape ${showShape(p.shape)} but the normalised axes have shape ${showShape(want)}`,
      );
    }
    return toFlat(p);
  };
  const w = params('weight', weight);
  const b = params('bias', bias);
  const X = x.data;
  const Y = y.data;
  const n = plan.groupSize;
  plan.forEachGroup((bases) => {
    let sum = 0;
    plan.forEachRun(bases, (c, o, s) => {
      for (let i = 0, p = o[0]; i < c; i++, p += s[0]) sum += X[p];
    });
    const mean = sum / n;
    let ss = 0;
    plan.forEachRun(bases, (c, o, s) => {
      for (let i = 0, p = o[0]; i < c; i++, p += s[0]) {
        const d = X[p] - mean;
        ss += d * d;
      }
    });
    const inv = 1 / Math.sqrt(ss / n + eps);
    let j = 0;
    plan.forEachRun(bases, (c, o, s) => {
      for (let i = 0, p = o[0], q = o[1]; i < c; i++, p += s[0], q += s[1], j++) {
        let v = (X[p] - mean) * inv;
        if (w !== undefined) v *= w[j];
        if (b !== undefined) v += b[j];
        Y[q] = v;
      }
    });
  });
  return y;
}
