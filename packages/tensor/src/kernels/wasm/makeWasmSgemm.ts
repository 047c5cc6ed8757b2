import type { GemmKernel } from '../Kernels.js';
import { copyMatrixIn, matrixFootprint } from './copyMatrixIn.js';
import { heapBase, sgemmBlocking } from './kernels.generated.js';
import type { WasmKernelExports } from './WasmKernelExports.js';
import { wasmHeap } from './wasmHeap.js';

const { MR, NR, KC, MC, NC } = sgemmBlocking;

/** Rounds a float count up to whole 16-byte vectors, so every region starts aligned. */
const align4 = (n: number) => (n + 3) & ~3;

/**
 * The float32 gemm kernel on the WebAssembly SIMD module: C = alpha * op(A) * op(B) + beta * C.
 *
 * op(A) and op(B) are copied into the module's memory as they are stored (one memcpy for dense layouts, whatever
 * their strides), the module packs them into panels (absorbing transposes and strides) and runs its 4 x 8
 * micro-kernel; C comes back with one `set` per call when contiguous, per row otherwise. `fallback` (the
 * TypeScript kernel) takes the call when the memory cannot grow far enough.
 *
 * @example
 * const sgemm = makeWasmSgemm(exports, jsGemm);
 * sgemm('no-transpose', 'transpose', 2, 2, 2, 1, A, 2, 1, 0, A, 2, 1, 0, 0, C, 2, 1, 0); // C = A A^T
 */
export function makeWasmSgemm(wasm: WasmKernelExports, fallback: GemmKernel<Float32Array>): GemmKernel<Float32Array> {
  return function wasmSgemm(
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

    // Layout, in floats from heapBase: A | B | C (M x N, row-major) | packed A | packed B | edge tile.
    const atA = heapBase / 4;
    const atB = align4(atA + matrixFootprint(M, K, a1, a2));
    const atC = align4(atB + matrixFootprint(K, N, b1, b2));
    const atWork = align4(atC + M * N);
    const work = MC * KC + KC * Math.min(Math.ceil(N / NR) * NR, NC) + MR * NR;
    const heap = wasmHeap(wasm, 4 * (atWork + work));
    if (heap === null) {
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
    const a = copyMatrixIn(A, M, K, a1, a2, offsetA, heap, atA);
    const b = copyMatrixIn(B, K, N, b1, b2, offsetB, heap, atB);
    const cContiguous = strideC2 === 1 && strideC1 === N;
    if (beta !== 0) {
      // the module reads C row-major (row stride N) when beta is not 0
      if (cContiguous) heap.set(C.subarray(offsetC, offsetC + M * N), atC);
      else {
        for (let i = 0; i < M; i++) {
          const from = offsetC + i * strideC1;
          const to = atC + i * N;
          if (strideC2 === 1) heap.set(C.subarray(from, from + N), to);
          else for (let j = 0; j < N; j++) heap[to + j] = C[from + j * strideC2];
        }
      }
    }
    wasm.sgemm(
      M,
      N,
      K,
      alpha,
      beta,
      4 * a.index,
      a.stride1,
      a.stride2,
      4 * b.index,
      b.stride1,
      b.stride2,
      4 * atC,
      N,
      4 * atWork,
    );
    if (cContiguous) {
      C.set(heap.subarray(atC, atC + M * N), offsetC);
    } else {
      for (let i = 0; i < M; i++) {
        const from = atC + i * N;
        const to = offsetC + i * strideC1;
        if (strideC2 === 1) C.set(heap.subarray(from, from + N), to);
        else for (let j = 0; j < N; j++) C[to + j * strideC2] = heap[from + j];
      }
    }
  };
}
