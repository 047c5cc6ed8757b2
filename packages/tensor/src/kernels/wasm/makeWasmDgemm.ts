import type { GemmKernel } from '../Kernels.js';
import { dgemmBlocking, heapBase } from './kernels.generated.js';
import { makeWasmGemm } from './makeWasmGemm.js';
import type { WasmKernelExports } from './WasmKernelExports.js';

/**
 * The float64 gemm kernel on the WebAssembly SIMD module (its 4 x 4 f64x2 micro-kernel, one thread):
 * C = alpha * op(A) * op(B) + beta * C, any strides and transposes (see {@link makeWasmGemm} for the copies).
 * `fallback` (the TypeScript kernel) takes the call when the memory cannot grow far enough.
 *
 * @example
 * const dgemm = makeWasmDgemm(exports, jsGemm);
 * dgemm('transpose', 'no-transpose', 2, 2, 2, 1, A, 2, 1, 0, A, 2, 1, 0, 0, C, 2, 1, 0); // C = A^T A
 */
export function makeWasmDgemm(wasm: WasmKernelExports, fallback: GemmKernel<Float64Array>): GemmKernel<Float64Array> {
  return makeWasmGemm<Float64Array>(
    {
      elements: Float64Array,
      memory: wasm.memory,
      heapBase,
      blocking: dgemmBlocking,
      workAreas: 1,
      run: (M, N, K, alpha, beta, a, rsa, csa, b, rsb, csb, c, ldc, work) =>
        wasm.dgemm(M, N, K, alpha, beta, a, rsa, csa, b, rsb, csb, c, ldc, work),
    },
    fallback,
  );
}
