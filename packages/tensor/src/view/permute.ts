import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Reorders the axes of `t`: axis `i` of the result is axis `axes[i]` of `t` (numpy's `transpose(axes)`,
 * torch's `permute`). A view sharing `t.data`. Negative axes count from the end.
 *
 * Shapes: `[d_0, ..., d_{r-1}]` -> `[d_axes[0], ..., d_axes[r-1]]`.
 *
 * @example
 * import { permute, zeros } from '@attn/tensor';
 * const x = zeros([2, 5, 8, 64]);    // [batch, tokens, heads, d_k]
 * permute(x, [0, 2, 1, 3]).shape;    // [2, 8, 5, 64]: [batch, heads, tokens, d_k]
 */
export function permute<D extends DType>(t: Tensor<D>, axes: readonly number[]): Tensor<D> {
  assertTensor('permute', 't', t);
  const rank = t.shape.length;
  const bad = () =>
    new RangeError(
      `permute: axes [${Array.isArray(axes) ? axes.join(',') : String(axes)}] are not a permutation of the ${rank} axes of shape ${showShape(t.shape)}`,
    );
  if (!Array.isArray(axes) || axes.length !== rank) throw bad();
  const seen = new Array<boolean>(rank).fill(false);
  const shape: number[] = [];
  const strides: number[] = [];
  for (const axis of axes) {
    const a = axis < 0 ? axis + rank : axis;
    if (!Number.isInteger(a) || a < 0 || a >= rank || seen[a]) throw bad();
    seen[a] = true;
    shape.push(t.shape[a]);
    strides.push(t.strides[a]);
  }
  return makeTensor(t.dtype, t.data, shape, strides, t.offset);
}
