import type { GemmKernel } from '../Kernels.js';
import { heapBase, sgemmBlocking } from './kernels.generated.js';
import { makeWasmGemm } from './makeWasmGemm.js';
import type { WasmKernelExports } from './WasmKernelExports.js';

/**
 * The float32 gemm kernel on the WebAssembly SIMD module (its 4 x 8 f32x4 micro-kernel, one thread):
 * C = alpha * op(A) * op(B) + beta * C, any strides and transposes (see {@link makeWasmGemm} for the copies).
 * `fallback` (the TypeScript kernel) takes the call when the memory cannot grow far enough.
 *
 * @example
 * const sgemm = makeWasmSgemm(exports, jsGemm);
 * sgemm('no-transpose', 'transpose', 2, 2, 2, 1, A, 2, 1, 0, A, 2, 1, 0, 0, C, 2, 1, 0); // C = A A^T
 */
export function makeWasmSgemm(wasm: WasmKernelExports, fallback: GemmKernel<Float32Array>): GemmKernel<Float32Array> {
  return makeWasmGemm<Float32Array>(
    {
      elements: Float32Array,
      memory: wasm.memory,
      heapBase,
      blocking: sgemmBlocking,
      workAreas: 1,
      run: (M, N, K, alpha, beta, a, rsa, csa, b, rsb, csb, c, ldc, work) =>
        wasm.sgemm(M, N, K, alpha, beta, a, rsa, csa, b, rsb, csb, c, ldc, work),
    },
    fallback,
  );
}
