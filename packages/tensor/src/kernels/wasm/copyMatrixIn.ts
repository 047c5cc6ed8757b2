/** Where a matrix copied into WebAssembly memory landed: its first element and its strides, in elements. */
export interface PlacedMatrix {
  readonly index: number;
  readonly stride1: number;
  readonly stride2: number;
}

/**
 * How many floats {@link copyMatrixIn} needs for a rows x cols matrix with these strides: the span the matrix
 * covers in its array when that span is at most twice its size (then one `set` copies it, views and transposes
 * included), otherwise rows * cols (then it is gathered).
 *
 * @example
 * matrixFootprint(3, 4, 1, 3); // 12: a transposed 4 x 3 matrix spans exactly its 12 elements
 */
export function matrixFootprint(rows: number, cols: number, stride1: number, stride2: number): number {
  const span = Math.abs(stride1) * (rows - 1) + Math.abs(stride2) * (cols - 1) + 1;
  return span <= 2 * rows * cols ? span : rows * cols;
}

/**
 * Copies a strided rows x cols matrix (float32 or float64, `dst` of the same type) (element (i, j) at `src[offset + i*stride1 + j*stride2]`) into `dst` from
 * element `at`, using at most {@link matrixFootprint} floats, and tells where it landed.
 *
 * Dense layouts (row-major, column-major, transposed, or views not much sparser than the matrix) are copied as
 * one span with `TypedArray.set` (a memcpy) and keep their strides: the kernel's packing absorbs them. Sparse
 * views are gathered row by row (column by column for unit row stride), with `set` per line when it can.
 *
 * @example
 * const src = new Float32Array([1, 2, 3, 4, 5, 6]); // 2 x 3, row-major
 * copyMatrixIn(src, 2, 3, 3, 1, 0, dst, 0); // { index: 0, stride1: 3, stride2: 1 }
 */
export function copyMatrixIn<T extends Float32Array | Float64Array>(
  src: T,
  rows: number,
  cols: number,
  stride1: number,
  stride2: number,
  offset: number,
  dst: T,
  at: number,
): PlacedMatrix {
  const span = Math.abs(stride1) * (rows - 1) + Math.abs(stride2) * (cols - 1) + 1;
  if (span <= 2 * rows * cols) {
    const low = offset + Math.min(0, stride1 * (rows - 1)) + Math.min(0, stride2 * (cols - 1));
    dst.set(src.subarray(low, low + span) as T, at);
    return { index: at + offset - low, stride1, stride2 };
  }
  if (stride1 === 1) {
    // column by column: the result is column-major
    for (let j = 0; j < cols; j++) {
      const from = offset + j * stride2;
      dst.set(src.subarray(from, from + rows) as T, at + j * rows);
    }
    return { index: at, stride1: 1, stride2: rows };
  }
  for (let i = 0; i < rows; i++) {
    const from = offset + i * stride1;
    const to = at + i * cols;
    if (stride2 === 1) dst.set(src.subarray(from, from + cols) as T, to);
    else for (let j = 0; j < cols; j++) dst[to + j] = src[from + j * stride2];
  }
  return { index: at, stride1: cols, stride2: 1 };
}
