import { allocate, type FloatDType } from '../core/dtype.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape, sizeOf } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { matmul } from './matmul.js';
import { parseEinsum } from './parseEinsum.js';

/** An operand seen through its spec term: one axis per distinct letter (a repeated letter is its diagonal). */
interface Term {
  letters: string[];
  strides: number[];
  data: Float32Array | Float64Array;
  offset: number;
}

/**
 * Below this many multiply-adds per batch, a batched einsum runs as one loop rather than one gemm call per batch
 * (`'ij,ij->ij'` would otherwise be a million 1 x 1 x 1 products).
 */
const GEMM_MIN_WORK = 32;

/**
 * Einstein summation over one or two tensors: `spec` names each operand's axes with letters, and the result's
 * after `->`; letters missing from the result are summed over, a letter repeated within an operand takes its
 * diagonal.
 *
 * Shapes: each operand has one axis per letter of its term (operands numbered from 1 in errors); a letter has the
 * same length wherever it occurs; the result has the lengths of the output letters, in their order (`[]` for
 * `'i,i->'`). Without `->` the output is numpy's implicit one (the letters occurring once, alphabetically).
 * Common patterns: `'ij,jk->ik'` (matmul), `'bij,bjk->bik'` (batched), `'bhqd,bhkd->bhqk'` (Q K^T per head),
 * `'ij->ji'` (transpose), `'ii->i'` (diagonal), `'ii->'` (trace), `'ij->i'` (row sums), `'i,j->ij'` (outer),
 * `'i,i->'` (dot).
 *
 * Two operands whose letters split into batch, rows, depth and columns become views and one batched `matmul`
 * (no copy, the gemm kernels read through the strides); everything else (one operand, a letter summed in only one
 * operand, axes that do not merge into one stride, tiny batched products) runs as one naive loop. Both ways sum in
 * float64 and round once. Operands are `float32` or `float64` (both the same); the result is a new contiguous
 * tensor of that dtype, sharing no memory with them.
 *
 * @example
 * import { einsum, tensor } from '@attn/tensor';
 * const a = tensor([[1, 2], [3, 4]]);
 * einsum('ij,jk->ik', a, a); // [[7, 10], [15, 22]]
 * einsum('ij->ji', a);       // [[1, 3], [2, 4]]
 * einsum('ii->', a);         // 5 (the trace), shape []
 * einsum('i,j->ij', tensor([1, 2]), tensor([3, 4, 5])); // [[3, 4, 5], [6, 8, 10]]
 */
export function einsum<D extends FloatDType>(spec: string, a: Tensor<D>, b?: Tensor<D>): Tensor<D> {
  const operands = b === undefined ? [a] : [a, b];
  operands.forEach((t, i) => {
    if (!isTensor(t)) throw new TypeError(`einsum: operand ${i + 1} must be a tensor`);
  });
  const dtype = a.dtype;
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`einsum: ${dtype} tensors are not supported (float32 or float64); convert with astype`);
  }
  if (b !== undefined && b.dtype !== dtype) {
    throw new TypeError(`einsum: dtypes of the operands differ (${dtype} and ${b.dtype}); convert one with astype`);
  }
  const { inputs, output } = parseEinsum(spec, operands.length);

  const sizes = new Map<string, { length: number; operand: number }>();
  const terms = operands.map((t, i) => {
    const term = inputs[i];
    if (t.shape.length !== term.length) {
      throw new RangeError(
        `einsum: operand ${i + 1} has ${t.shape.length} axes but the spec names ${term.length} ('${term}')`,
      );
    }
    for (let q = 0; q < term.length; q++) {
      const seen = sizes.get(term[q]);
      if (seen === undefined) sizes.set(term[q], { length: t.shape[q], operand: i });
      else if (seen.length !== t.shape[q]) {
        const other = operands[seen.operand].shape;
        throw new RangeError(
          seen.operand === i
            ? `einsum: axis '${term[q]}' of '${spec}' has lengths ${seen.length} and ${t.shape[q]} in operand ${i + 1} (shape ${showShape(t.shape)})`
            : `einsum: axis '${term[q]}' of '${spec}' has length ${seen.length} in operand ${seen.operand + 1} but ${t.shape[q]} in operand ${i + 1} (shapes ${showShape(other)} and ${showShape(t.shape)})`,
        );
      }
    }
    return asTerm(t, term);
  });

  const length = (letter: string) => sizes.get(letter)!.length;
  const shape = [...output].map(length);
  const out = makeTensor(dtype, allocate(dtype, sizeOf(shape)), shape);
  const empty = [...sizes.values()].some((s) => s.length === 0);
  if (terms.length === 2 && !empty && viaMatmul(terms[0], terms[1], output, length, out)) return out;
  naiveEinsum(terms, output, length, out.data as Float32Array | Float64Array);
  return out;
}

/** An operand's axes by letter; a letter repeated in the term becomes one axis whose stride is the sum (diagonal). */
function asTerm(t: Tensor, term: string): Term {
  const letters: string[] = [];
  const strides: number[] = [];
  for (let q = 0; q < term.length; q++) {
    const at = letters.indexOf(term[q]);
    if (at < 0) {
      letters.push(term[q]);
      strides.push(t.strides[q]);
    } else strides[at] += t.strides[q];
  }
  return { letters, strides, data: t.data as Float32Array | Float64Array, offset: t.offset };
}

/**
 * Runs a two-operand einsum as one batched matmul when it is one: batch letters (in both operands and the
 * output), rows (only in a and the output), columns (only in b and the output) and depth (in both, summed), each
 * group walked by a single stride in a, b and the result. Returns false, having written nothing, when it is not.
 */
function viaMatmul<D extends FloatDType>(
  A: Term,
  B: Term,
  output: string,
  length: (letter: string) => number,
  out: Tensor<D>,
): boolean {
  const inA = new Set(A.letters);
  const inB = new Set(B.letters);
  const inOut = new Set(output);
  // A letter summed within one operand alone is a reduction before the product: the loop does it.
  if (A.letters.some((l) => !inB.has(l) && !inOut.has(l)) || B.letters.some((l) => !inA.has(l) && !inOut.has(l))) {
    return false;
  }
  const outLetters = [...output];
  const batch = outLetters.filter((l) => inA.has(l) && inB.has(l));
  const rows = outLetters.filter((l) => inA.has(l) && !inB.has(l));
  const cols = outLetters.filter((l) => inB.has(l) && !inA.has(l));
  const depth = A.letters.filter((l) => inB.has(l) && !inOut.has(l));
  const product = (letters: string[]) => letters.reduce((p, l) => p * length(l), 1);
  const [M, N, K] = [product(rows), product(cols), product(depth)];
  if (product(batch) > 1 && M * N * K < GEMM_MIN_WORK) return false;

  const C: Term = { letters: outLetters, strides: [...out.strides], data: out.data as never, offset: out.offset };
  const stride = (t: Term, letters: string[]) =>
    mergedStride(
      letters.map(length),
      letters.map((l) => t.strides[t.letters.indexOf(l)]),
    );
  const [aRows, aDepth, bDepth, bCols, cRows, cCols] = [
    stride(A, rows),
    stride(A, depth),
    stride(B, depth),
    stride(B, cols),
    stride(C, rows),
    stride(C, cols),
  ];
  if (aRows === null || aDepth === null || bDepth === null || bCols === null || cRows === null || cCols === null) {
    return false;
  }
  const batchShape = batch.map(length);
  const batchStrides = (t: Term) => batch.map((l) => t.strides[t.letters.indexOf(l)]);
  const dtype = out.dtype;
  matmul(
    makeTensor(dtype, A.data as never, [...batchShape, M, K], [...batchStrides(A), aRows, aDepth], A.offset),
    makeTensor(dtype, B.data as never, [...batchShape, K, N], [...batchStrides(B), bDepth, bCols], B.offset),
    { out: makeTensor(dtype, out.data, [...batchShape, M, N], [...batchStrides(C), cRows, cCols], out.offset) },
  );
  return true;
}

/** The one stride that walks axes of these lengths and strides in row-major order, or null if none does. */
function mergedStride(lengths: number[], strides: number[]): number | null {
  let stride: number | null = null;
  let span = 1;
  for (let i = lengths.length - 1; i >= 0; i--) {
    if (lengths[i] === 1) continue;
    if (stride === null) stride = strides[i];
    else if (strides[i] !== stride * span) return null;
    span *= lengths[i];
  }
  return stride ?? 0;
}

/**
 * The reference loop: walks every output letter (outer) and every summed letter (inner) in row-major order, one
 * odometer moving each operand's offset, and sums products in float64 into the contiguous result `R`.
 */
function naiveEinsum(
  terms: Term[],
  output: string,
  length: (letter: string) => number,
  R: Float32Array | Float64Array,
): void {
  const summed: string[] = [];
  for (const t of terms) for (const l of t.letters) if (!output.includes(l) && !summed.includes(l)) summed.push(l);
  const axes = [...output, ...summed];
  const dims = axes.map(length);
  const inner = summed.reduce((p, l) => p * length(l), 1);
  if (R.length === 0 || inner === 0) return; // nothing to write, or every sum is empty (the result is all zeros)
  const steps = terms.map((t) => axes.map((l) => (t.letters.includes(l) ? t.strides[t.letters.indexOf(l)] : 0)));
  const [X, Y] = terms.map((t) => t.data);
  const [sx, sy] = steps;
  const index = new Array<number>(axes.length).fill(0);
  let ox = terms[0].offset;
  let oy = terms.length > 1 ? terms[1].offset : 0;
  for (let o = 0; o < R.length; o++) {
    let sum = 0;
    for (let s = 0; s < inner; s++) {
      sum += Y === undefined ? X[ox] : X[ox] * Y[oy];
      for (let axis = axes.length - 1; axis >= 0; axis--) {
        ox += sx[axis];
        if (Y !== undefined) oy += sy[axis];
        if (++index[axis] < dims[axis]) break;
        ox -= sx[axis] * dims[axis];
        if (Y !== undefined) oy -= sy[axis] * dims[axis];
        index[axis] = 0;
      }
    }
    R[o] = sum;
  }
}
