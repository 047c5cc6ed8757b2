import type { FusedSoftmaxGemmKernel } from '../Kernels.js';
import { heapBase } from './kernels.generated.js';
import type { WasmKernelExports } from './WasmKernelExports.js';
import { wasmHeap } from './wasmHeap.js';

/**
 * Columns per block of the online softmax (a multiple of 4). Measured in Node 20 on 8 heads of 64 at T = 1024:
 * 64, 128 and 256 within 3% of each other; 128 keeps the block's scores (8 x 128 floats) and its 128 rows of C
 * in L1 for head widths up to 64.
 */
const COLUMN_BLOCK = 128;

/** Rows per block in the module (`FUSED_ROWS` of the WAT source). */
const ROW_BLOCK = 8;

/** Rounds a float count up to whole 16-byte vectors, so every region starts aligned. */
const align4 = (n: number) => (n + 3) & ~3;

/**
 * Rows up to this many floats are copied by {@link copyShortRow}: `subarray` + `set` allocates a view per row, and
 * attention's heads (64 floats per row, 3 x 128 rows per head at the seed's size) would make thousands of them
 * per call for the garbage collector.
 */
const SHORT_ROW = 256;

/** dst[to .. to + n) = src[from .. from + n), four elements per step (twice the speed of one, measured). */
function copyShortRow(src: Float32Array, from: number, dst: Float32Array, to: number, n: number): void {
  const end = to + n;
  for (; to + 4 <= end; to += 4, from += 4) {
    dst[to] = src[from];
    dst[to + 1] = src[from + 1];
    dst[to + 2] = src[from + 2];
    dst[to + 3] = src[from + 3];
  }
  for (; to < end; to++, from++) dst[to] = src[from];
}

/**
 * Copies a strided rows x cols matrix into `heap` from float `at`, row-major with row pitch `pitch` (>= cols);
 * the `pitch - cols` floats after each row are set to zero.
 */
function copyRowsIn(
  src: Float32Array,
  rows: number,
  cols: number,
  stride1: number,
  stride2: number,
  offset: number,
  heap: Float32Array,
  at: number,
  pitch: number,
): void {
  if (stride2 === 1 && stride1 === cols && pitch === cols) {
    heap.set(src.subarray(offset, offset + rows * cols), at);
    return;
  }
  for (let i = 0; i < rows; i++) {
    const from = offset + i * stride1;
    const to = at + i * pitch;
    if (stride2 !== 1) for (let j = 0; j < cols; j++) heap[to + j] = src[from + j * stride2];
    else if (cols > SHORT_ROW) heap.set(src.subarray(from, from + cols), to);
    else copyShortRow(src, from, heap, to, cols);
    for (let j = cols; j < pitch; j++) heap[to + j] = 0;
  }
}

/**
 * The float32 fused kernel on the WebAssembly SIMD module: Y = softmax_rows(alpha A B^T + bias) C, row i seeing
 * columns j <= i + diagonal (see {@link FusedSoftmaxGemmKernel}).
 *
 * Each call copies A, B and C into the module's memory once (one `set` for dense operands, one per row
 * otherwise; C with its rows padded to a multiple of 8 floats), the bias transposed (so the 8 rows of a block are
 * two vectors), runs the module's blocked online softmax (`wat/fusedSoftmaxGemm.wat.mjs`) and copies Y out. The
 * module's memory is the only workspace, so steady-state calls allocate nothing but views. `fallback` (the
 * TypeScript kernel) takes the call when the memory cannot grow far enough, and the degenerate K = 0 or N = 0.
 *
 * @example
 * const fused = makeWasmSfusedSoftmaxGemm(exports, jsKernels.sfusedSoftmaxGemm);
 * fused(2, 3, 4, 5, 0.5, A, 4, 1, 0, B, 4, 1, 0, C, 5, 1, 0, null, 0, 0, 0, 0, Y, 5, 1, 0); // causal
 */
export function makeWasmSfusedSoftmaxGemm(
  wasm: WasmKernelExports,
  fallback: FusedSoftmaxGemmKernel,
): FusedSoftmaxGemmKernel {
  return function wasmSfusedSoftmaxGemm(
    M,
    N,
    K,
    P,
    alpha,
    A,
    strideA1,
    strideA2,
    offsetA,
    B,
    strideB1,
    strideB2,
    offsetB,
    C,
    strideC1,
    strideC2,
    offsetC,
    bias,
    strideBias1,
    strideBias2,
    offsetBias,
    diagonal,
    Y,
    strideY1,
    strideY2,
    offsetY,
  ) {
    if (M <= 0 || P <= 0) return;
    const pitch = (P + 7) & ~7;
    const Mp = (M + ROW_BLOCK - 1) & -ROW_BLOCK;
    const atA = heapBase / 4;
    const atB = align4(atA + M * K);
    const atC = align4(atB + N * K);
    const atBias = align4(atC + N * pitch);
    const atY = align4(atBias + (bias === null ? 0 : N * Mp));
    const atWork = align4(atY + Mp * pitch);
    // packed B, one block of A, the scores (an 8-row block, or one whole row on the module's row path), corrections
    const work = ((N + 3) & ~3) * K + ROW_BLOCK * K + Math.max(ROW_BLOCK * COLUMN_BLOCK, align4(N)) + ROW_BLOCK;
    const heap = N > 0 && K > 0 ? wasmHeap(wasm, 4 * (atWork + work)) : null;
    if (heap === null) {
      fallback(
        M,
        N,
        K,
        P,
        alpha,
        A,
        strideA1,
        strideA2,
        offsetA,
        B,
        strideB1,
        strideB2,
        offsetB,
        C,
        strideC1,
        strideC2,
        offsetC,
        bias,
        strideBias1,
        strideBias2,
        offsetBias,
        diagonal,
        Y,
        strideY1,
        strideY2,
        offsetY,
      );
      return;
    }
    copyRowsIn(A, M, K, strideA1, strideA2, offsetA, heap, atA, K);
    copyRowsIn(B, N, K, strideB1, strideB2, offsetB, heap, atB, K);
    copyRowsIn(C, N, P, strideC1, strideC2, offsetC, heap, atC, pitch);
    if (bias !== null) {
      // transposed: the module reads the 8 rows of a block at one column as two vectors
      for (let j = 0; j < N; j++) {
        const to = atBias + j * Mp;
        for (let i = 0, from = offsetBias + j * strideBias2; i < M; i++, from += strideBias1) heap[to + i] = bias[from];
        if (Mp > M) heap.fill(0, to + M, to + Mp);
      }
    }
    // the module's limit must fit an i32: anything past N (or before -M) means "every" (or "no") column
    const diag = Math.max(-M - 1, Math.min(N, diagonal));
    wasm.fusedSoftmaxGemm(
      M,
      N,
      K,
      pitch,
      alpha,
      4 * atA,
      4 * atB,
      4 * atC,
      bias === null ? 0 : 4 * atBias,
      diag,
      4 * atY,
      4 * atWork,
      COLUMN_BLOCK,
    );
    if (strideY2 === 1 && strideY1 === P && pitch === P) {
      Y.set(heap.subarray(atY, atY + M * P), offsetY);
      return;
    }
    for (let i = 0; i < M; i++) {
      const from = atY + i * pitch;
      const to = offsetY + i * strideY1;
      if (strideY2 !== 1) for (let j = 0; j < P; j++) Y[to + j * strideY2] = heap[from + j];
      else if (P > SHORT_ROW) Y.set(heap.subarray(from, from + P), to);
      else copyShortRow(heap, from, Y, to, P);
    }
  };
}
