import type { DType } from './dtype.js';
import { isTensor } from './isTensor.js';
import { showShape } from './shape.js';
import type { Shape, Tensor } from './Tensor.js';

/** The `out` option of the hot ops: write the result into this tensor instead of allocating a new one. */
export interface OutOptions<D extends DType = DType> {
  /**
   * Where to write the result: a tensor (or any non-broadcast view) of exactly the result's shape and dtype.
   * It may be one of the inputs (in place) but must not partially overlap them. The op returns it.
   */
  out?: Tensor<D>;
}

/**
 * Checks an `out` tensor against the result it will receive, or throws an error naming `fn`;
 * returns it typed. Shapes: `out.shape` must equal `shape`.
 *
 * @example
 * checkOut('add', zeros([2, 3]), [2, 3], 'float32'); // ok
 * checkOut('add', zeros([2, 2]), [2, 3], 'float32'); // throws "add: out has shape [2,2] but the result has shape [2,3]"
 */
export function checkOut<D extends DType>(fn: string, out: unknown, shape: Shape, dtype: D): Tensor<D> {
  if (!isTensor(out)) throw new TypeError(`${fn}: out must be a tensor`);
  if (out.dtype !== dtype) throw new TypeError(`${fn}: out has dtype ${out.dtype} but the result is ${dtype}`);
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw new RangeError(`${fn}: out has shape ${showShape(out.shape)} but the result has shape ${showShape(shape)}`);
  }
  for (let i = 0; i < shape.length; i++) {
    if (out.strides[i] === 0 && shape[i] > 1) {
      throw new RangeError(
        `${fn}: out is a broadcast view (stride 0 on axis ${i} of length ${shape[i]}), so its elements would collide`,
      );
    }
  }
  return out as Tensor<D>;
}
