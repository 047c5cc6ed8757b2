import { allocate, type FloatDType } from '../core/dtype.js';
import { isTensor } from '../core/isTensor.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape, sizeOf } from '../core/shape.js';
import type { Shape, Tensor } from '../core/Tensor.js';
import { getKernels } from '../kernels/dispatch.js';
import type { GemmKernel } from '../kernels/Kernels.js';

/** Options of {@link matmul}. */
export interface MatmulOptions<D extends FloatDType = FloatDType> {
  /**
   * Where to write the result: a tensor (or any view) of the result's shape and dtype, sharing no memory with `a`
   * or `b`. Returned as is.
   */
  out?: Tensor<D>;
}

/** A matrix-shaped operand: its batch axes, then rows x cols, with their strides. */
interface Operand {
  batch: number[];
  batchStrides: number[];
  rows: number;
  cols: number;
  s1: number;
  s2: number;
}

/**
 * The matrix product of two tensors, with numpy's `matmul` semantics.
 *
 * Shapes: `[K] x [K] -> []` (dot product); `[M, K] x [K] -> [M]`; `[K] x [K, N] -> [N]`; `[M, K] x [K, N] -> [M, N]`;
 * and batched `[...batchA, M, K] x [...batchB, K, N] -> [...broadcast(batchA, batchB), M, N]`, the batch axes
 * broadcast by numpy's rules (e.g. `[3, 1, 2, 4] x [1, 5, 4, 2] -> [3, 5, 2, 2]`). A 1-D operand gets a 1 prepended
 * (`a`) or appended (`b`), which is removed from the result.
 *
 * Works on any views (transposed, sliced, flipped, broadcast) without copying them: the gemm kernel reads through
 * their strides. Both operands must be `float32` (the default) or both `float64`; sums are kept in float64 and
 * rounded once. Integer and bool tensors are refused (convert with `astype`): rounding a float product back to
 * int32 would silently wrap or lose exactness. Runs on the active kernel set (`getKernels()`).
 *
 * @example
 * import { matmul, tensor, transpose } from '@attn/tensor';
 * const Q = tensor([[1, 0], [0, 1], [1, 1]]); // [3, 2]
 * const K = tensor([[1, 2], [3, 4]]);         // [2, 2]
 * matmul(Q, transpose(K));                    // Q K^T: [[1, 3], [2, 4], [3, 7]], shape [3, 2]
 * matmul(tensor([1, 2]), tensor([3, 4]));     // 11, shape []
 */
export function matmul<D extends FloatDType>(a: Tensor<D>, b: Tensor<D>, options: MatmulOptions<D> = {}): Tensor<D> {
  if (!isTensor(a)) throw new TypeError('matmul: a must be a tensor');
  if (!isTensor(b)) throw new TypeError('matmul: b must be a tensor');
  if (a.dtype !== b.dtype) {
    throw new TypeError(`matmul: dtypes of a and b differ (${a.dtype} and ${b.dtype}); convert one with astype`);
  }
  if (a.dtype !== 'float32' && a.dtype !== 'float64') {
    throw new TypeError(`matmul: ${a.dtype} tensors are not supported (float32 or float64); convert with astype`);
  }
  if (a.shape.length === 0 || b.shape.length === 0) {
    throw new RangeError(
      `matmul: shapes ${showShape(a.shape)} and ${showShape(b.shape)}: a scalar is not a matrix (use mul to scale)`,
    );
  }
  const A = asOperand(a, 'a');
  const B = asOperand(b, 'b');
  if (A.cols !== B.rows) {
    throw new RangeError(
      `matmul: shapes ${showShape(a.shape)} and ${showShape(b.shape)} do not align (${A.cols} != ${B.rows})`,
    );
  }
  const batch = broadcastBatch(a.shape, b.shape, A.batch, B.batch);
  const M = A.rows;
  const N = B.cols;
  const K = A.cols;
  const shape: number[] = [...batch];
  if (a.shape.length > 1) shape.push(M);
  if (b.shape.length > 1) shape.push(N);

  const out = options.out === undefined ? makeTensor(a.dtype, allocate(a.dtype, sizeOf(shape)), shape) : options.out;
  if (options.out !== undefined) checkOut(out, a, b, shape);
  if (sizeOf(shape) === 0) return out;

  // The result's strides as batch + M x N, where a removed axis has stride 0 (its length is 1).
  const outStrides = [...out.strides];
  const cs2 = b.shape.length > 1 ? outStrides.pop()! : 0;
  const cs1 = a.shape.length > 1 ? outStrides.pop()! : 0;
  const C: Operand = { batch, batchStrides: outStrides, rows: M, cols: N, s1: cs1, s2: cs2 };

  const kernels = getKernels();
  const gemm = (a.dtype === 'float32' ? kernels.sgemm : kernels.dgemm) as GemmKernel<Float32Array | Float64Array>;
  const aStrides = alignBatch(A, batch.length);
  const bStrides = alignBatch(B, batch.length);

  // One gemm over all batches when b is shared by every batch and the batches of a and out stack into rows
  // (x W with x of shape [batch, T, d]): fewer, taller calls.
  if (batch.length > 0 && bStrides.every((s, i) => s === 0 || batch[i] === 1)) {
    const rowsA = mergeAxes([...batch, M], [...aStrides, A.s1]);
    const rowsC = mergeAxes([...batch, M], [...C.batchStrides, C.s1]);
    if (rowsA !== null && rowsC !== null) {
      const rows = sizeOf(batch) * M;
      gemm(
        'no-transpose',
        'no-transpose',
        rows,
        N,
        K,
        1,
        a.data as Float32Array | Float64Array,
        rowsA,
        A.s2,
        a.offset,
        b.data as Float32Array | Float64Array,
        B.s1,
        B.s2,
        b.offset,
        0,
        out.data as Float32Array | Float64Array,
        rowsC,
        C.s2,
        out.offset,
      );
      return out;
    }
  }

  const count = sizeOf(batch);
  const index = new Array<number>(batch.length).fill(0);
  let oa = a.offset;
  let ob = b.offset;
  let oc = out.offset;
  for (let n = 0; n < count; n++) {
    gemm(
      'no-transpose',
      'no-transpose',
      M,
      N,
      K,
      1,
      a.data as Float32Array | Float64Array,
      A.s1,
      A.s2,
      oa,
      b.data as Float32Array | Float64Array,
      B.s1,
      B.s2,
      ob,
      0,
      out.data as Float32Array | Float64Array,
      C.s1,
      C.s2,
      oc,
    );
    // Advance the batch index like an odometer, moving each offset along.
    for (let axis = batch.length - 1; axis >= 0; axis--) {
      index[axis]++;
      oa += aStrides[axis];
      ob += bStrides[axis];
      oc += C.batchStrides[axis];
      if (index[axis] < batch[axis]) break;
      oa -= aStrides[axis] * batch[axis];
      ob -= bStrides[axis] * batch[axis];
      oc -= C.batchStrides[axis] * batch[axis];
      index[axis] = 0;
    }
  }
  return out;
}

/** Splits a tensor into batch axes and a matrix; a 1-D `a` is a row [1, K], a 1-D `b` a column [K, 1]. */
function asOperand(t: Tensor, which: 'a' | 'b'): Operand {
  const r = t.shape.length;
  if (r === 1) {
    return which === 'a'
      ? { batch: [], batchStrides: [], rows: 1, cols: t.shape[0], s1: 0, s2: t.strides[0] }
      : { batch: [], batchStrides: [], rows: t.shape[0], cols: 1, s1: t.strides[0], s2: 0 };
  }
  return {
    batch: t.shape.slice(0, r - 2),
    batchStrides: t.strides.slice(0, r - 2),
    rows: t.shape[r - 2],
    cols: t.shape[r - 1],
    s1: t.strides[r - 2],
    s2: t.strides[r - 1],
  };
}

/** Broadcasts the batch axes by numpy's rules, naming the full shapes when they do not broadcast. */
function broadcastBatch(shapeA: Shape, shapeB: Shape, batchA: number[], batchB: number[]): number[] {
  const rank = Math.max(batchA.length, batchB.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = batchA[i - rank + batchA.length] ?? 1;
    const db = batchB[i - rank + batchB.length] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `matmul: the batch axes of shapes ${showShape(shapeA)} and ${showShape(shapeB)} do not broadcast (${showShape(batchA)} and ${showShape(batchB)})`,
      );
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** An operand's batch strides aligned to the broadcast batch: missing or length-1 axes step by 0. */
function alignBatch(op: Operand, rank: number): number[] {
  const strides = new Array<number>(rank).fill(0);
  const shift = rank - op.batch.length;
  for (let i = 0; i < op.batch.length; i++) if (op.batch[i] !== 1) strides[shift + i] = op.batchStrides[i];
  return strides;
}

/** The single stride that walks `shape` (in row-major order) with `strides`, or null if no one stride does. */
function mergeAxes(shape: number[], strides: number[]): number | null {
  let stride: number | null = null;
  let span = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] === 1) continue;
    if (stride === null) stride = strides[i];
    else if (strides[i] !== stride * span) return null;
    span *= shape[i];
  }
  return stride ?? 0;
}

/** Checks `out`: a tensor of the result's dtype and shape, every element its own slot, no memory shared with a, b. */
function checkOut(out: Tensor, a: Tensor, b: Tensor, shape: Shape): void {
  if (!isTensor(out)) throw new TypeError('matmul: out must be a tensor');
  if (out.dtype !== a.dtype) throw new TypeError(`matmul: out has dtype ${out.dtype}, the result is ${a.dtype}`);
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw new RangeError(
      `matmul: out has shape ${showShape(out.shape)}, but ${showShape(a.shape)} x ${showShape(b.shape)} gives ${showShape(shape)}`,
    );
  }
  if (out.shape.some((d, i) => d > 1 && out.strides[i] === 0)) {
    throw new RangeError(
      `matmul: out (shape ${showShape(out.shape)}, strides ${showShape(out.strides)}) is a broadcast view: several results would share one slot`,
    );
  }
  for (const [name, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (overlaps(out.data, t.data))
      throw new RangeError(`matmul: out shares memory with ${name}; write to a fresh tensor`);
  }
}

function overlaps(x: ArrayBufferView, y: ArrayBufferView): boolean {
  return (
    x.buffer === y.buffer && x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength
  );
}
