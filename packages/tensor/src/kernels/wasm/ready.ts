import { loadWasmKernels } from './loadWasmKernels.js';

/**
 * Waits until the WebAssembly SIMD kernels are compiled; resolves `true` if they are in use from now on, `false`
 * if this engine cannot run them (no WebAssembly SIMD, or a Content Security Policy without
 * `'wasm-unsafe-eval'`), in which case the plain TypeScript kernels keep serving every call. Never rejects.
 *
 * Calling it is optional: every function works before it resolves (on the TypeScript kernels), and the first
 * kernel call starts compiling in the background anyway. Await it before timing something, or to know which
 * kernels run.
 *
 * @example
 * import { ready, matmul } from '@attn/tensor';
 * const simd = await ready(); // true in Node 20 and current browsers
 */
export async function ready(): Promise<boolean> {
  return (await loadWasmKernels()) !== null;
}
