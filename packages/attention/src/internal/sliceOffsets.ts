/**
 * Where each matrix of a batched operand starts in its `data`, for every index of the broadcast batch shape.
 *
 * Attention works on stacks of matrices: q is `[...batch, Tq, d]` and the matrix for batch index `n` (row-major
 * over `outBatch`) starts at `offsets[n]`. An operand's batch axes are aligned at the right with `outBatch`;
 * an axis of length 1 (or a missing one) repeats the same matrix, which is broadcasting with stride 0.
 * `indexOnAxis`, when given for an axis, maps the output index on that axis to the operand's index (grouped-query
 * attention maps query head h to key/value head floor(h * Hkv / Hq)).
 *
 * Internal: callers have checked that the shapes broadcast.
 */
export function sliceOffsets(
  batchShape: readonly number[],
  batchStrides: readonly number[],
  offset: number,
  outBatch: readonly number[],
  indexOnAxis: ReadonlyMap<number, (i: number) => number> = new Map(),
): Float64Array {
  const rank = outBatch.length;
  const shift = rank - batchShape.length;
  // One table per axis of what that axis adds to the offset, so the walk below only sums.
  const tables: Float64Array[] = [];
  for (let a = 0; a < rank; a++) {
    const table = new Float64Array(outBatch[a]);
    const own = a - shift;
    if (own >= 0 && batchShape[own] !== 1) {
      const map = indexOnAxis.get(a);
      for (let i = 0; i < table.length; i++) table[i] = (map ? map(i) : i) * batchStrides[own];
    }
    tables.push(table);
  }
  let count = 1;
  for (const d of outBatch) count *= d;
  const offsets = new Float64Array(count);
  if (count === 0) return offsets;
  const index = new Array<number>(rank).fill(0);
  for (let n = 0; n < count; n++) {
    let o = offset;
    for (let a = 0; a < rank; a++) o += tables[a][index[a]];
    offsets[n] = o;
    for (let a = rank - 1; a >= 0; a--) {
      if (++index[a] < outBatch[a]) break;
      index[a] = 0;
    }
  }
  return offsets;
}
