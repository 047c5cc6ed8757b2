import { forEachOffset, gather, isTensor, makeTensor, showShape, type Tensor } from '@attn/tensor';
import { assertFloatTensor, assertRank, describe } from '../internal/validate.js';

/**
 * Learned absolute positional embeddings (BERT, GPT-2): the rows of a trained table, one per position, read
 * through `@attn/tensor`'s `gather`. Unlike the sinusoidal code there is nothing to extrapolate: a position past
 * the table's last row has no embedding, and asking for one is an error that says so.
 *
 * Shapes: table `[maxPositions, E]`, positions `[...S]` (int32 tensor, or a plain array `[N]`) -> `[...S, E]`,
 * in the table's dtype.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { learnedPositions } from '@attn/attention';
 * const table = randn([1024, 64], { seed: 1 });         // what GPT-2 calls wpe
 * const pe = learnedPositions(table, [0, 1, 2, 3]);     // [4, 64]: rows 0..3 of the table
 */
export function learnedPositions(table: Tensor, positions: Tensor<'int32'> | readonly number[]): Tensor {
  const fn = 'learnedPositions';
  assertFloatTensor(fn, 'table', table);
  assertRank(fn, 'table', table, [2]);
  const [rows, width] = table.shape;
  let shape: number[];
  let values: Int32Array;
  if (isTensor(positions)) {
    if (positions.dtype !== 'int32') {
      throw new TypeError(
        `${fn}: positions must be int32 (or a number array), got ${positions.dtype} ${showShape(positions.shape)}`,
      );
    }
    shape = [...positions.shape];
    values = readInt32(positions);
  } else if (Array.isArray(positions)) {
    shape = [positions.length];
    values = new Int32Array(positions.length);
    positions.forEach((p, n) => {
      if (typeof p !== 'number' || !Number.isInteger(p)) {
        throw new TypeError(`${fn}: positions[${n}] must be an integer, got ${describe(p)}`);
      }
      values[n] = p;
    });
  } else {
    throw new TypeError(`${fn}: positions must be an int32 tensor or an array of integers, got ${describe(positions)}`);
  }
  for (let n = 0; n < values.length; n++) {
    const p = values[n];
    if (p < 0 || p >= rows) {
      throw new RangeError(
        `${fn}: position ${p} is beyond the table ${showShape(table.shape)} (it holds positions 0..${rows - 1})`,
      );
    }
  }
  // gather reads table[index[n, e], e]: the index is the positions repeated across the width (stride 0, no copy).
  const index = makeTensor('int32', values, [values.length, width], [1, 0]);
  const rowsOut = gather(table, 0, index);
  return makeTensor(table.dtype, rowsOut.data, [...shape, width]);
}

/** The elements of an int32 tensor in row-major order, whatever its strides. */
function readInt32(t: Tensor<'int32'>): Int32Array {
  const out = new Int32Array(t.shape.reduce((a, b) => a * b, 1));
  forEachOffset(t.shape, t.strides, t.offset, (o, n) => {
    out[n] = t.data[o];
  });
  return out;
}
