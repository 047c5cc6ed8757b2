import { forEachRow } from './forEachRow.js';
import { normalizeAxis } from './shape.js';
import type { Shape } from './Tensor.js';

/** A fold over one run of a view: `acc` updated with `data[offset + i*step]` for i < count, returned. */
export type RunFold = (acc: number, data: ArrayLike<number>, offset: number, count: number, step: number) => number;

/**
 * How a reduction walks a tensor: the kept axes make the groups (one output element each), the reduced axes
 * the elements of a group. Made by {@link reductionPlan}; plain data plus walkers, no state.
 */
export interface ReductionPlan {
  /** The reduced axes, normalised (non-negative), sorted, unique. */
  readonly axes: readonly number[];
  /** The shape of the kept axes, in order (the output shape without `keepDims`). */
  readonly keptShape: readonly number[];
  /** The shape of the reduced axes, in order. */
  readonly reducedShape: readonly number[];
  /** Elements per group (the product of `reducedShape`; 1 when no axis is reduced). */
  readonly groupSize: number;
  /** The output shape: `keptShape`, or with `keepDims` the input shape with each reduced axis set to 1. */
  outShape(keepDims: boolean): number[];
  /** Calls `visit(bases, k)` for each group k in row-major order; `bases[v]` is view v's offset of its first element. */
  forEachGroup(visit: (bases: readonly number[], k: number) => void): void;
  /** Walks the elements of one group in row-major order, one run at a time (as {@link forEachRow}). */
  forEachRun(
    bases: readonly number[],
    run: (count: number, offsets: readonly number[], steps: readonly number[]) => void,
  ): void;
  /** Folds `fold` over the elements of view 0 in one group, from `acc`; allocates nothing. */
  fold(base: number, acc: number, fold: RunFold, data: ArrayLike<number>): number;
}

/**
 * Plans a reduction of a tensor of `shape` over `axis` (a number, several, or `undefined` for all), for one or
 * more views of that shape walked together (`strides[v]`, `offsets[v]`; e.g. the input and an output whose
 * strides are 0 on the reduced axes). Throws for an axis out of range or given twice; `fn` names the caller.
 *
 * Shapes: [...S] with axes A -> groups of shape keptShape, each of reducedShape.
 *
 * @example
 * const p = reductionPlan('sum', [2, 3], [[3, 1]], [0], 1);
 * p.keptShape;    // [2]
 * p.outShape(true); // [2, 1]
 */
export function reductionPlan(
  fn: string,
  shape: Shape,
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  axis: number | readonly number[] | undefined,
): ReductionPlan {
  const rank = shape.length;
  let axes: number[];
  if (axis === undefined) axes = shape.map((_, i) => i);
  else {
    const given = typeof axis === 'number' ? [axis] : axis;
    if (!Array.isArray(given)) throw new TypeError(`${fn}: axis must be a number, an array of numbers or undefined`);
    axes = given.map((a) => normalizeAxis(fn, a, rank));
    const seen = new Set<number>();
    for (let i = 0; i < axes.length; i++) {
      if (seen.has(axes[i])) throw new RangeError(`${fn}: axis ${given[i]} is given twice`);
      seen.add(axes[i]);
    }
    axes.sort((a, b) => a - b);
  }
  const reduced = new Set(axes);
  const keptShape: number[] = [];
  const reducedShape: number[] = [];
  const keptStrides: number[][] = strides.map(() => []);
  const reducedStrides: number[][] = strides.map(() => []);
  for (let i = 0; i < rank; i++) {
    const into = reduced.has(i) ? reducedShape : keptShape;
    into.push(shape[i]);
    strides.forEach((s, v) => {
      (reduced.has(i) ? reducedStrides : keptStrides)[v].push(s[i]);
    });
  }
  const groupSize = reducedShape.reduce((p, d) => p * d, 1);

  // A group that is one even run (the common case: the last axes of a contiguous tensor) is walked directly.
  let single: { count: number; steps: number[] } | undefined;
  const nonUnit = reducedShape.map((d, i) => [d, i] as const).filter(([d]) => d !== 1);
  if (nonUnit.length <= 1) {
    const i = nonUnit.length === 1 ? nonUnit[0][1] : -1;
    single = { count: groupSize, steps: reducedStrides.map((s) => (i < 0 ? 0 : s[i])) };
  }

  return {
    axes,
    keptShape,
    reducedShape,
    groupSize,
    outShape: (keepDims) => (keepDims ? shape.map((d, i) => (reduced.has(i) ? 1 : d)) : [...keptShape]),
    forEachGroup(visit) {
      const bases = offsets.slice();
      let k = 0;
      forEachRow(keptShape, keptStrides, offsets, (n, o, s) => {
        for (let i = 0; i < n; i++) {
          for (let v = 0; v < bases.length; v++) bases[v] = o[v] + i * s[v];
          visit(bases, k++);
        }
      });
    },
    forEachRun(bases, run) {
      if (single === undefined) forEachRow(reducedShape, reducedStrides, bases, run);
      else if (single.count > 0) run(single.count, bases, single.steps);
    },
    fold(base, acc, f, data) {
      if (single !== undefined) return single.count > 0 ? f(acc, data, base, single.count, single.steps[0]) : acc;
      let a = acc;
      forEachRow(reducedShape, [reducedStrides[0]], [base], (n, o, s) => {
        a = f(a, data, o[0], n, s[0]);
      });
      return a;
    },
  };
}
