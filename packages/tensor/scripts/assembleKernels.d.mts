/** Assembles the WebAssembly SIMD kernels; see assembleKernels.mjs. */
export function assembleKernels(): Promise<{ wat: string; bytes: Uint8Array; source: string }>;
