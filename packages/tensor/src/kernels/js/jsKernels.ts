import type { GemmKernel, Kernels } from '../Kernels.js';
import { sfusedSoftmaxGemm } from './fusedSoftmaxGemm.js';
import { gemm } from './gemm.js';
import { dsoftmaxRows, ssoftmaxRows } from './softmaxRows.js';

/**
 * The plain TypeScript kernel set: runs everywhere (no WebAssembly needed), serves float64 always, and float32 when
 * the WebAssembly SIMD set is unavailable, not loaded yet, or not worth it for a small call.
 *
 * @example
 * jsKernels.sgemm('no-transpose', 'no-transpose', 1, 1, 1, 1, new Float32Array([2]), 1, 1, 0,
 *   new Float32Array([3]), 1, 1, 0, 0, new Float32Array(1), 1, 1, 0); // C = [6]
 */
export const jsKernels: Kernels = Object.freeze({
  name: 'js',
  sgemm: gemm as GemmKernel<Float32Array>,
  dgemm: gemm as GemmKernel<Float64Array>,
  ssoftmaxRows,
  dsoftmaxRows,
  sfusedSoftmaxGemm,
});
