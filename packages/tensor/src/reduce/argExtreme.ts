import type { DType } from '../core/dtype.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import type { ArgmaxOptions } from './argmax.js';
import { prepareReduction } from './prepareReduction.js';

/**
 * The search shared by `argmax` and `argmin`: the int32 index of the element that `beats` every earlier one along
 * `options.axis` (or in the flattened tensor), ties to the first, NaN winning at its first occurrence. Internal:
 * `fn` names the public function in errors.
 */
export function argExtreme(
  fn: 'argmax' | 'argmin',
  x: Tensor<DType>,
  options: ArgmaxOptions,
  beats: (v: number, best: number) => boolean,
): Tensor<'int32'> {
  if (options.axis !== undefined && typeof options.axis !== 'number') {
    throw new TypeError(`${fn}: axis must be one number or undefined (flattened), got ${JSON.stringify(options.axis)}`);
  }
  const { plan, out } = prepareReduction(fn, x, options, 'int32');
  if (plan.groupSize === 0 && out.data.length > 0) {
    throw new RangeError(
      `${fn}: cannot search an empty axis (shape ${showShape(x.shape)}, axes ${showShape(plan.axes)})`,
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
        if (at < 0 || beats(v, best) || Number.isNaN(v)) {
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
