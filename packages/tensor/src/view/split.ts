import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { assertTensor } from './assertTensor.js';

/**
 * Cuts `t` along `axis` (default 0) into consecutive pieces, each a VIEW sharing `t.data`:
 * - a number `k`: `k` pieces of equal length (numpy's `split(t, k)`; the axis length must divide by `k`);
 * - an array of lengths: pieces of those lengths, which must add up to the axis length (torch's
 *   `split(t, [a, b, c])`).
 *
 * Shapes: `[..., n, ...]` -> pieces `[..., n_i, ...]` with `sum(n_i) = n`.
 *
 * @example
 * import { split, zeros } from '@attn/tensor';
 * const qkv = zeros([5, 3 * 64]);        // a fused projection
 * const [q, k, v] = split(qkv, 3, -1);   // three [5, 64] views
 * split(zeros([7]), [2, 5]).map((p) => p.shape); // [[2], [5]]
 */
export function split<D extends DType>(t: Tensor<D>, sections: number | readonly number[], axis = 0): Tensor<D>[] {
  assertTensor('split', 't', t);
  const rank = t.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new RangeError(`split: axis ${axis} is out of range for shape ${showShape(t.shape)} (rank ${rank})`);
  }
  const n = t.shape[a];
  let sizes: number[];
  if (typeof sections === 'number') {
    if (!Number.isInteger(sections) || sections < 1 || n % sections !== 0) {
      throw new RangeError(
        `split: axis ${axis} of length ${n} (shape ${showShape(t.shape)}) does not split into ${sections} equal pieces`,
      );
    }
    sizes = new Array<number>(sections).fill(n / sections);
  } else {
    sizes = [...sections];
    const sum = sizes.reduce((x, y) => x + y, 0);
    if (!sizes.every((s) => Number.isInteger(s) && s >= 0) || sum !== n) {
      throw new RangeError(
        `split: sizes [${sizes.join(',')}] do not add up to the length ${n} of axis ${axis} (shape ${showShape(t.shape)})`,
      );
    }
  }
  const pieces: Tensor<D>[] = [];
  let start = 0;
  for (const size of sizes) {
    const shape = [...t.shape];
    shape[a] = size;
    pieces.push(makeTensor(t.dtype, t.data, shape, t.strides, size > 0 ? t.offset + start * t.strides[a] : t.offset));
    start += size;
  }
  return pieces;
}
