import { contiguous, makeTensor, type Tensor } from '@attn/tensor';

/**
 * The last two axes of a tensor whose other axes are all 1, as a `[rows, cols]` matrix: the one head of a trace
 * `[1, 1, query, key]`, ready for a chart.
 * @example
 * matrixOf(trace.weights); // [T, T]
 */
export function matrixOf<T extends Tensor>(t: T): T {
  const rows = t.shape[t.shape.length - 2];
  const cols = t.shape[t.shape.length - 1];
  if (rows * cols !== t.shape.reduce((a, b) => a * b, 1)) {
    throw new RangeError(`matrixOf: shape [${t.shape.join(',')}] has more than one matrix`);
  }
  const c = contiguous(t);
  return makeTensor(c.dtype, c.data, [rows, cols], [cols, 1], c.offset) as T;
}
