/**
 * Test support: float32 matrices stored in every layout a kernel may meet (row-major, column-major, padded rows,
 * reversed axes, every other element), with a float64 reader that does its own indexing.
 */
import fc from 'fast-check';

export type Layout = 'row-major' | 'column-major' | 'padded' | 'reversed' | 'every-other';
export const LAYOUTS: readonly Layout[] = ['row-major', 'column-major', 'padded', 'reversed', 'every-other'];

/** A rows x cols matrix: element (i, j) at `data[offset + i*stride1 + j*stride2]`. */
export interface StridedMatrix {
  rows: number;
  cols: number;
  data: Float32Array;
  stride1: number;
  stride2: number;
  offset: number;
}

/** Element (i, j) as a float64 number. */
export const at = (m: StridedMatrix, i: number, j: number): number => m.data[m.offset + i * m.stride1 + j * m.stride2];

/** A rows x cols matrix in `layout`, filled by `value(i, j)`; unused slots hold NaN so stray reads show. */
export function stridedMatrix(
  rows: number,
  cols: number,
  layout: Layout,
  value: (i: number, j: number) => number,
): StridedMatrix {
  const lead = 3; // an offset, so the matrix never starts at element 0
  let stride1: number;
  let stride2: number;
  let length: number;
  let offset = lead;
  switch (layout) {
    case 'row-major':
      [stride1, stride2, length] = [cols, 1, rows * cols];
      break;
    case 'column-major':
      [stride1, stride2, length] = [1, rows, rows * cols];
      break;
    case 'padded':
      [stride1, stride2, length] = [cols + 5, 1, rows * (cols + 5)];
      break;
    case 'reversed':
      [stride1, stride2, length] = [-cols, -1, rows * cols];
      offset = lead + rows * cols - 1;
      break;
    case 'every-other':
      [stride1, stride2, length] = [2 * cols * 2, 2, rows * cols * 4];
      break;
  }
  const data = new Float32Array(lead + length + 2).fill(Number.NaN);
  const m = { rows, cols, data, stride1, stride2, offset };
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[offset + i * stride1 + j * stride2] = value(i, j);
  return m;
}

/** Random values in [-1, 1), deterministic per seed. */
export function seededValues(seed: number): (i: number, j: number) => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 2 ** 32) * 2 - 1;
  };
}

export const layoutArb = fc.constantFrom(...LAYOUTS);
