import { checkOut, type OutOptions } from '../core/checkOut.js';
import { describeValue } from '../core/describeValue.js';
import { allocate, type DType } from '../core/dtype.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { type ReductionPlan, reductionPlan } from '../core/reductionPlan.js';
import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';

/** Options of the reductions (`sum`, `mean`, `max`, `min`, `variance`, `std`). */
export interface ReduceOptions<D extends DType = DType> extends OutOptions<D> {
  /** The axis or axes to reduce (negative counts from the end); `undefined` (the default) reduces all of them. */
  axis?: number | readonly number[];
  /** Keep each reduced axis as length 1, so the result broadcasts against the input (default false). */
  keepDims?: boolean;
}

/**
 * Validates a reduction's input, plans it, and allocates (or checks) its output: the plan walks the input
 * (view 0) and the output (view 1, stride 0 on the reduced axes) together, one group per output element.
 *
 * Shapes: [...S] -> [...S without the reduced axes] (or with them set to 1 under `keepDims`).
 *
 * @example
 * const { plan, out } = prepareReduction('sum', tensor([[1, 2], [3, 4]]), { axis: 1 }, 'float32');
 * out.shape; // [2]
 */
export function prepareReduction<D extends DType>(
  fn: string,
  x: Tensor,
  options: ReduceOptions | undefined,
  result: D,
  axis: number | readonly number[] | undefined = options?.axis,
): { plan: ReductionPlan; out: Tensor<D> } {
  if (!isTensor(x)) throw new TypeError(`${fn}: x must be a tensor, got ${describeValue(x)}`);
  const keepDims = options?.keepDims ?? false;
  const shapePlan = reductionPlan(fn, x.shape, [x.strides], [x.offset], axis);
  const outShape = shapePlan.outShape(keepDims);
  const out =
    options?.out !== undefined
      ? checkOut(fn, options.out, outShape, result)
      : makeTensor(result, allocate(result, sizeOf(outShape)), outShape);
  // The output's strides, one per input axis: 0 on the reduced axes.
  const reduced = new Set(shapePlan.axes);
  const outStrides: number[] = [];
  let j = 0;
  for (let i = 0; i < x.shape.length; i++) {
    if (reduced.has(i)) {
      outStrides.push(0);
      if (keepDims) j++;
    } else outStrides.push(out.strides[j++]);
  }
  const plan = reductionPlan(fn, x.shape, [x.strides, outStrides], [x.offset, out.offset], axis);
  return { plan, out };
}
