/** Assembles the WebAssembly SIMD kernels; see assembleKernels.mjs. */
export function assembleKernels(): Promise<{ wat: string; bytes: Uint8Array; source: string }>;
/** Assembles the shared-memory gemm module of the worker threads; see assembleKernels.mjs. */
export function assembleThreadKernels(): Promise<{ wat: string; bytes: Uint8Array; source: string }>;
