import { makeTensor, type Tensor } from '@attn/tensor';

/**
 * The first `n` columns of a `[rows, cols]` matrix, as a view sharing its memory: what `pe[:, :n]` does in NumPy.
 * @example
 * firstColumns(sinusoidalEncoding(128, 512), 64); // the seed's slice, [128, 64]
 */
export function firstColumns<T extends Tensor>(t: T, n: number): T {
  return makeTensor(t.dtype, t.data, [t.shape[0], n], t.strides, t.offset) as T;
}
