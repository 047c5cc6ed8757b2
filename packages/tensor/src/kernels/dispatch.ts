import { jsKernels } from './js/jsKernels.js';
import type { Kernels } from './Kernels.js';
import { wasmKernelSet } from './wasm/wasmKernelSet.js';

/**
 * Which kernel set serves the calls: `'auto'` (the default) uses WebAssembly SIMD once compiled and where it pays,
 * the plain TypeScript kernels otherwise; `'js'` forces plain TypeScript; `'wasm-simd'` sends every float32 call
 * to the SIMD kernels once compiled (float64 stays on TypeScript, which the SIMD set delegates to).
 */
export type KernelBackend = 'auto' | 'js' | 'wasm-simd';

let backend: KernelBackend = 'auto';

/**
 * The kernel set in force now: the one internal dispatch every op that needs a kernel goes through (`matmul`,
 * `sgemm`, `softmax`, attention). Synchronous and cheap; call it per operation, do not keep the result, so a
 * later `setKernelBackend` or a finished WebAssembly compile takes effect. Until the SIMD module has compiled (see
 * `ready()`), and where it cannot, this is the TypeScript set.
 *
 * @example
 * getKernels().sgemm('no-transpose', 'no-transpose', 1, 1, 1, 1, new Float32Array([2]), 1, 1, 0,
 *   new Float32Array([3]), 1, 1, 0, 0, new Float32Array(1), 1, 1, 0);
 */
export function getKernels(): Kernels {
  if (backend === 'js') return jsKernels;
  return wasmKernelSet(jsKernels, backend) ?? jsKernels;
}

/**
 * Chooses the kernel backend for every later call (for tests and benchmarks; `'auto'` is right otherwise).
 * Forcing `'wasm-simd'` before `await ready()` resolves still runs TypeScript: check `kernelBackend()`.
 *
 * @example
 * setKernelBackend('js');   // every kernel in plain TypeScript
 * setKernelBackend('auto'); // back to the default
 */
export function setKernelBackend(name: KernelBackend): void {
  if (name !== 'auto' && name !== 'js' && name !== 'wasm-simd') {
    throw new TypeError(`setKernelBackend: backend must be 'auto', 'js' or 'wasm-simd', got ${JSON.stringify(name)}`);
  }
  backend = name;
}

/**
 * The name of the kernel set that serves calls right now (`'js'` or `'wasm-simd'`), and the backend asked for.
 * Under `'wasm-simd'` and `'auto'` the SIMD set still hands float64 and (in `'auto'`) small float32 calls to the
 * TypeScript kernels.
 *
 * @example
 * kernelBackend(); // { requested: 'auto', active: 'wasm-simd' } once ready() has resolved
 */
export function kernelBackend(): { requested: KernelBackend; active: Kernels['name'] } {
  return { requested: backend, active: getKernels().name };
}
