import type { OutOptions } from '../core/checkOut.js';
import type { DType } from '../core/dtype.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { prepareReduction } from './prepareReduction.js';

/** Options of {@link argmax}. */
export interface ArgmaxOptions extends OutOptions<'int32'> {
  /** The one axis to search along; `undefined` (the default) searches the flattened tensor (row-major). */
  axis?: number;
  /** Keep the searched axis (or, flattened, every axis) as length 1 (default false). */
  keepDims?: boolean;
}

/**
 * The index of the largest element along one axis, or in the flattened tensor (a row-major flat index), as int32.
 *
 * Ties go to the first occurrence; a NaN counts as the largest (its first occurrence wins), as in numpy.
 * Searching an empty axis throws.
 *
 * Shapes: [...S] -> S without `axis` (set to 1 with `keepDims`); flattened -> [] (or all ones with `keepDims`).
 *
 * @example
 * import { argmax, tensor } from '@attn/tensor';
 * const x = tensor([[1, 5], [4, 2]]);
 * argmax(x);              // 1 (the flat index of 5)
 * argmax(x, { axis: 0 }); // [1, 0]
 */
export function argmax(x: Tensor<DType>, options: ArgmaxOptions = {}): Tensor<'int32'> {
  if (options.axis !== undefined && typeof options.axis !== 'number') {
    throw new TypeError(
      `argmax: axis must be one number or undefined (flattened), got ${JSON.stringify(options.axis)}`,
    );
  }
  const { plan, out } = prepareReduction('argmax', x, options, 'int32');
  if (plan.groupSize === 0 && out.data.length > 0) {
    throw new RangeError(
      `argmax: cannot search an empty axis (shape ${showShape(x.shape)}, axes ${showShape(plan.axes)})`,
    );
  }
  const xd = x.data;
  const od = out.data;
  plan.forEachGroup((b) => {
    let best = 0;
    let at = -1;
    let j = 0;
    plan.forEachRun(b, (n, o, s) => {
      if (at >= 0 && Number.isNaN(best)) return;
      for (let i = 0, p = o[0]; i < n; i++, p += s[0], j++) {
        const v = xd[p];
        if (at < 0 || v > best || Number.isNaN(v)) {
          best = v;
          at = j;
          if (Number.isNaN(v)) return;
        }
      }
    });
    od[b[1]] = at;
  });
  return out;
}
