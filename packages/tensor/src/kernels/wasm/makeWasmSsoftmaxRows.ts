import type { SoftmaxRowsKernel } from '../Kernels.js';
import { heapBase } from './kernels.generated.js';
import type { WasmKernelExports } from './WasmKernelExports.js';
import { wasmHeap } from './wasmHeap.js';

/** Rows go through the module in chunks of at most this many floats (1 MiB), so its memory stays small. */
const CHUNK_FLOATS = 1 << 18;

/**
 * The float32 row-wise softmax kernel on the WebAssembly SIMD module: Y[r, :] = softmax(X[r, :]).
 *
 * Rows are copied in (one `set` per chunk when X is contiguous and cols is a multiple of 4, one per row
 * otherwise), padded with -Infinity to a multiple of 4 floats, transformed in place by the module (max, vectorised
 * exp, sum, scale) and copied out to Y. X and Y may be the same memory. `fallback` (the TypeScript kernel) takes
 * the call when the memory cannot grow far enough for even one row.
 *
 * @example
 * const softmaxRows = makeWasmSsoftmaxRows(exports, jsSoftmaxRows);
 * softmaxRows(1, 3, x, 3, 1, 0, y, 3, 1, 0); // y = softmax of the row x
 */
export function makeWasmSsoftmaxRows(
  wasm: WasmKernelExports,
  fallback: SoftmaxRowsKernel<Float32Array>,
): SoftmaxRowsKernel<Float32Array> {
  return function wasmSsoftmaxRows(rows, cols, X, strideX1, strideX2, offsetX, Y, strideY1, strideY2, offsetY) {
    if (rows <= 0 || cols <= 0) return;
    const pitch = (cols + 3) & ~3;
    const chunk = Math.max(1, Math.min(rows, Math.floor(CHUNK_FLOATS / pitch)));
    const base = heapBase / 4; // in floats
    const heap = wasmHeap(wasm, heapBase + 4 * chunk * pitch);
    if (heap === null) {
      fallback(rows, cols, X, strideX1, strideX2, offsetX, Y, strideY1, strideY2, offsetY);
      return;
    }
    const denseX = pitch === cols && strideX2 === 1 && strideX1 === cols;
    const denseY = pitch === cols && strideY2 === 1 && strideY1 === cols;
    for (let r0 = 0; r0 < rows; r0 += chunk) {
      const n = Math.min(chunk, rows - r0);
      if (denseX) {
        const from = offsetX + r0 * cols;
        heap.set(X.subarray(from, from + n * cols), base);
      } else {
        for (let r = 0; r < n; r++) {
          const from = offsetX + (r0 + r) * strideX1;
          const to = base + r * pitch;
          if (strideX2 === 1) heap.set(X.subarray(from, from + cols), to);
          else for (let j = 0; j < cols; j++) heap[to + j] = X[from + j * strideX2];
          if (pitch !== cols) heap.fill(Number.NEGATIVE_INFINITY, to + cols, to + pitch);
        }
      }
      wasm.softmaxRows(n, pitch, heapBase);
      if (denseY) {
        Y.set(heap.subarray(base, base + n * cols), offsetY + r0 * cols);
      } else {
        for (let r = 0; r < n; r++) {
          const from = base + r * pitch;
          const to = offsetY + (r0 + r) * strideY1;
          if (strideY2 === 1) Y.set(heap.subarray(from, from + cols), to);
          else for (let j = 0; j < cols; j++) Y[to + j * strideY2] = heap[from + j];
        }
      }
    }
  };
}
