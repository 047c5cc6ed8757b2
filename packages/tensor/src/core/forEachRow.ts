import type { Shape } from './Tensor.js';

/**
 * Walks several strided views of one shape together in row-major order, one innermost run ("row") at a
 * time: `row(count, offsets, steps)` gets a run of `count` elements whose first element in view `v` is at
 * `data[offsets[v]]` and each next one `steps[v]` further on.
 *
 * This is the loop under every elementwise op and reduction. It exists so the per-element work can be a
 * plain counted loop that V8 specialises for each op (a callback per element would be ~5x slower): the
 * caller's row function is called once per run, not once per element. Axes of length 1 are dropped and
 * neighbouring axes that every view steps through evenly are merged, so contiguous views (of any shape)
 * make one single run. Empty shapes visit nothing; a scalar is one run of 1.
 *
 * `offsets` is reused between calls: read it, do not keep or modify it.
 *
 * Shapes: `shape` has rank r; each entry of `strides` has length r; `offsets` has one entry per view.
 *
 * @example
 * // a contiguous [2, 3] tensor and its broadcast row vector [1, 3] (strides [0, 1]):
 * const runs: string[] = [];
 * forEachRow([2, 3], [[3, 1], [0, 1]], [0, 0], (n, o, s) => runs.push(`${n}@${o}/${s}`));
 * runs; // ['3@0,0/1,1', '3@3,0/1,1']
 */
export function forEachRow(
  shape: Shape,
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  row: (count: number, offsets: readonly number[], steps: readonly number[]) => void,
): void {
  const views = strides.length;
  const dims: number[] = [];
  const st: number[][] = strides.map(() => []);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (d === 0) return;
    if (d === 1) continue;
    const last = dims.length - 1;
    let merge = last >= 0;
    for (let v = 0; v < views && merge; v++) merge = st[v][last] === strides[v][i] * d;
    if (merge) {
      dims[last] *= d;
      for (let v = 0; v < views; v++) st[v][last] = strides[v][i];
    } else {
      dims.push(d);
      for (let v = 0; v < views; v++) st[v].push(strides[v][i]);
    }
  }
  const pos = offsets.slice();
  const r = dims.length - 1;
  if (r < 0) {
    row(1, pos, new Array<number>(views).fill(0));
    return;
  }
  const count = dims[r];
  const steps = st.map((s) => s[r]);
  if (r === 0) {
    row(count, pos, steps);
    return;
  }
  // Odometer over the outer axes: bump the last, carry into higher ones, undo a full axis in one subtraction.
  const index = new Array<number>(r).fill(0);
  for (;;) {
    row(count, pos, steps);
    let a = r - 1;
    for (; a >= 0; a--) {
      for (let v = 0; v < views; v++) pos[v] += st[v][a];
      if (++index[a] < dims[a]) break;
      for (let v = 0; v < views; v++) pos[v] -= st[v][a] * dims[a];
      index[a] = 0;
    }
    if (a < 0) return;
  }
}
