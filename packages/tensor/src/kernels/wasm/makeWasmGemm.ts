import type { GemmKernel } from '../Kernels.js';
import { copyMatrixIn, matrixFootprint } from './copyMatrixIn.js';
import { growWasmMemory } from './growWasmMemory.js';

/**
 * A module gemm on operands already in its memory: C = alpha A B + beta C with byte addresses, element strides,
 * C row-major with row stride `ldc`, and `work` the first of the work areas (each `workBytes` long) it may use.
 */
export type PlacedGemm = (
  M: number,
  N: number,
  K: number,
  alpha: number,
  beta: number,
  a: number,
  rsa: number,
  csa: number,
  b: number,
  rsb: number,
  csb: number,
  c: number,
  ldc: number,
  work: number,
  workBytes: number,
) => void;

/** Where and how a gemm runs in WebAssembly: the memory its operands go to and the module's gemm on them. */
export interface WasmGemmTarget<T extends Float32Array | Float64Array> {
  /** The element type: `Float32Array` for sgemm, `Float64Array` for dgemm. */
  readonly elements: { new (buffer: ArrayBufferLike): T; readonly BYTES_PER_ELEMENT: number };
  readonly memory: WebAssembly.Memory;
  /** The first byte operands may use. */
  readonly heapBase: number;
  /** The module gemm's blocking: its work area is MC*KC + KC*min(N rounded up to NR, NC) + MR*NR elements. */
  readonly blocking: {
    readonly MR: number;
    readonly NR: number;
    readonly KC: number;
    readonly MC: number;
    readonly NC: number;
  };
  /** How many work areas `run` uses at once (one per thread); read at every call. */
  readonly workAreas: number;
  readonly run: PlacedGemm;
}

/**
 * A gemm kernel on a WebAssembly module: C = alpha * op(A) * op(B) + beta * C, float32 or float64.
 *
 * op(A) and op(B) are copied into the module's memory as they are stored (one memcpy for dense layouts, whatever
 * their strides), the module packs them into panels (absorbing transposes and strides) and runs its micro-kernel;
 * C comes back with one `set` per call when contiguous, per row otherwise. Every call lays its operands out from
 * `heapBase`, so the memory only grows to the largest call's needs. `fallback` (the TypeScript kernel) takes the
 * call when the memory cannot grow far enough.
 *
 * @example
 * const sgemm = makeWasmGemm({ elements: Float32Array, memory, heapBase, blocking, workAreas: 1,
 *   run: (M, N, K, al, be, a, rsa, csa, b, rsb, csb, c, ldc, work) =>
 *     exports.sgemm(M, N, K, al, be, a, rsa, csa, b, rsb, csb, c, ldc, work) }, jsGemm);
 */
export function makeWasmGemm<T extends Float32Array | Float64Array>(
  target: WasmGemmTarget<T>,
  fallback: GemmKernel<T>,
): GemmKernel<T> {
  const { elements, memory, heapBase, run } = target;
  const { MR, NR, KC, MC, NC } = target.blocking;
  const E = elements.BYTES_PER_ELEMENT;
  const lanes = 16 / E;
  /** Rounds an element count up to whole 16-byte vectors, so every region starts aligned. */
  const align = (n: number) => Math.ceil(n / lanes) * lanes;
  return function wasmGemm(
    transA,
    transB,
    M,
    N,
    K,
    alpha,
    A,
    strideA1,
    strideA2,
    offsetA,
    B,
    strideB1,
    strideB2,
    offsetB,
    beta,
    C,
    strideC1,
    strideC2,
    offsetC,
  ) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0 || alpha === 0) {
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          const at = offsetC + i * strideC1 + j * strideC2;
          C[at] = beta === 0 ? 0 : beta * C[at];
        }
      }
      return;
    }
    // op(A) is M x K, op(B) is K x N: a transpose swaps the strides, never the data.
    const a1 = transA === 'transpose' ? strideA2 : strideA1;
    const a2 = transA === 'transpose' ? strideA1 : strideA2;
    const b1 = transB === 'transpose' ? strideB2 : strideB1;
    const b2 = transB === 'transpose' ? strideB1 : strideB2;

    // Layout, in elements from heapBase: A | B | C (M x N, row-major) | work areas (packed A, packed B, edge tile).
    const atA = heapBase / E;
    const atB = align(atA + matrixFootprint(M, K, a1, a2));
    const atC = align(atB + matrixFootprint(K, N, b1, b2));
    const atWork = align(atC + M * N);
    const work = align(MC * KC + KC * Math.min(Math.ceil(N / NR) * NR, NC) + MR * NR);
    if (!growWasmMemory(memory, E * (atWork + target.workAreas * work))) {
      fallback(
        transA,
        transB,
        M,
        N,
        K,
        alpha,
        A,
        strideA1,
        strideA2,
        offsetA,
        B,
        strideB1,
        strideB2,
        offsetB,
        beta,
        C,
        strideC1,
        strideC2,
        offsetC,
      );
      return;
    }
    const heap = new elements(memory.buffer);
    const a = copyMatrixIn(A, M, K, a1, a2, offsetA, heap, atA);
    const b = copyMatrixIn(B, K, N, b1, b2, offsetB, heap, atB);
    const cContiguous = strideC2 === 1 && strideC1 === N;
    if (beta !== 0) {
      // the module reads C row-major (row stride N) when beta is not 0
      if (cContiguous) heap.set(C.subarray(offsetC, offsetC + M * N) as T, atC);
      else {
        for (let i = 0; i < M; i++) {
          const from = offsetC + i * strideC1;
          const to = atC + i * N;
          if (strideC2 === 1) heap.set(C.subarray(from, from + N) as T, to);
          else for (let j = 0; j < N; j++) heap[to + j] = C[from + j * strideC2];
        }
      }
    }
    run(
      M,
      N,
      K,
      alpha,
      beta,
      E * a.index,
      a.stride1,
      a.stride2,
      E * b.index,
      b.stride1,
      b.stride2,
      E * atC,
      N,
      E * atWork,
      E * work,
    );
    if (cContiguous) {
      C.set(heap.subarray(atC, atC + M * N) as T, offsetC);
    } else {
      for (let i = 0; i < M; i++) {
        const from = atC + i * N;
        const to = offsetC + i * strideC1;
        if (strideC2 === 1) C.set(heap.subarray(from, from + N) as T, to);
        else for (let j = 0; j < N; j++) C[to + j * strideC2] = heap[from + j];
      }
    }
  };
}
