import { broadcastShapes } from '../core/broadcastShapes.js';
import { allocate, type DType } from '../core/dtype.js';
import { forEachOffset } from '../core/forEachOffset.js';
import { makeTensor } from '../core/makeTensor.js';
import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { fillValue } from '../create/fillValue.js';
import { toFlat } from '../read/toFlat.js';
import { assertTensor } from './assertTensor.js';
import { broadcastTo } from './broadcastTo.js';

/**
 * Chooses, element by element, `a` where `cond` is true and `b` where it is false, into a new contiguous
 * tensor; `cond`, `a` and `b` broadcast together (numpy's rules). `cond` must be `bool`. `a` and `b`
 * must share a dtype, which the result keeps; either may be a plain number (or boolean), which must fit
 * the other's dtype (both numbers give `float32`).
 *
 * Shapes: `cond: C`, `a: A`, `b: B` -> `broadcast(C, A, B)`.
 *
 * @example
 * import { tensor, where } from '@attn/tensor';
 * const mayAttend = tensor([[true, false], [true, true]]);
 * const scores = tensor([[0.5, 2.0], [1.0, -1.0]]);
 * where(mayAttend, scores, -Infinity); // [[0.5, -inf], [1, -1]]
 */
export function where<D extends DType>(
  cond: Tensor<'bool'>,
  a: Tensor<D> | number | boolean,
  b: Tensor<D> | number | boolean,
): Tensor<D> {
  assertTensor('where', 'cond', cond);
  if (cond.dtype !== 'bool') throw new TypeError(`where: cond must be a bool tensor, not ${cond.dtype}`);
  if (typeof a === 'object') assertTensor('where', 'a', a);
  if (typeof b === 'object') assertTensor('where', 'b', b);
  const ta = typeof a === 'object' ? a : undefined;
  const tb = typeof b === 'object' ? b : undefined;
  if (ta && tb && ta.dtype !== tb.dtype) {
    throw new TypeError(`where: dtypes ${ta.dtype} and ${tb.dtype} do not mix (convert with astype first)`);
  }
  const dtype = (ta?.dtype ?? tb?.dtype ?? 'float32') as D;
  const shape = broadcastShapes('where', cond.shape, ta?.shape ?? [], tb?.shape ?? []);
  const out = allocate(dtype, sizeOf(shape));
  const c = toFlat(broadcastTo(cond, shape));
  const fillFrom = (x: Tensor<D> | number | boolean, pick: boolean, name: string) => {
    if (typeof x === 'object') {
      const v = broadcastTo(x, shape);
      const src = v.data;
      forEachOffset(v.shape, v.strides, v.offset, (o, i) => {
        if ((c[i] !== 0) === pick) out[i] = src[o];
      });
    } else {
      const value = fillValue(`where: ${name}`, dtype, x);
      for (let i = 0; i < out.length; i++) if ((c[i] !== 0) === pick) out[i] = value;
    }
  };
  fillFrom(a, true, 'a');
  fillFrom(b, false, 'b');
  return makeTensor(dtype, out, shape);
}
