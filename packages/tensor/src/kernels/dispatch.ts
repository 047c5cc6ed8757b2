import { jsKernels } from './js/jsKernels.js';
import type { GemmKernel, Kernels } from './Kernels.js';
import { wasmKernelSet } from './wasm/wasmKernelSet.js';

/**
 * Which kernel set serves the calls: `'auto'` (the default) uses WebAssembly SIMD once compiled and where it pays,
 * the plain TypeScript kernels otherwise; `'js'` forces plain TypeScript; `'wasm-simd'` sends every gemm and
 * float32 softmax call to the SIMD kernels once compiled (float64 softmax stays on TypeScript).
 */
export type KernelBackend = 'auto' | 'js' | 'wasm-simd';

/** Wraps the one-thread SIMD gemms of a kernel set into ones that split large calls over threads. */
export interface ParallelGemms {
  sgemm(single: GemmKernel<Float32Array>): GemmKernel<Float32Array>;
  dgemm(single: GemmKernel<Float64Array>): GemmKernel<Float64Array>;
}

let backend: KernelBackend = 'auto';
let parallel: ParallelGemms | null = null;
let withThreads = new WeakMap<Kernels, Kernels>();

/**
 * The kernel set in force now: the one internal dispatch every op that needs a kernel goes through (`matmul`,
 * `sgemm`, `softmax`, attention). Synchronous and cheap; call it per operation, do not keep the result, so a
 * later `setKernelBackend` or a finished WebAssembly compile takes effect. Until the SIMD module has compiled (see
 * `ready()`), and where it cannot, this is the TypeScript set. With worker threads on (Node, `setKernelThreads`
 * from `@attn/tensor/node`), the SIMD set's gemms split large calls over them.
 *
 * @example
 * getKernels().sgemm('no-transpose', 'no-transpose', 1, 1, 1, 1, new Float32Array([2]), 1, 1, 0,
 *   new Float32Array([3]), 1, 1, 0, 0, new Float32Array(1), 1, 1, 0);
 */
export function getKernels(): Kernels {
  if (backend === 'js') return jsKernels;
  const set = wasmKernelSet(jsKernels, backend);
  if (set === null) return jsKernels;
  if (parallel === null) return set;
  let threaded = withThreads.get(set);
  if (threaded === undefined) {
    threaded = { ...set, sgemm: parallel.sgemm(set.sgemm), dgemm: parallel.dgemm(set.dgemm) };
    withThreads.set(set, threaded);
  }
  return threaded;
}

/**
 * Installs (or, with `null`, removes) the thread-splitting gemms: the hook through which `@attn/tensor/node`'s
 * `setKernelThreads` reaches the dispatch without the browser entry ever importing worker threads. Internal.
 *
 * @example
 * useParallelGemms({ sgemm: (one) => split(one), dgemm: (one) => one });
 */
export function useParallelGemms(gemms: ParallelGemms | null): void {
  parallel = gemms;
  withThreads = new WeakMap();
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
 * Under `'auto'` the SIMD set still hands calls too small to pay for the copy into WebAssembly memory, and float64
 * softmax, to the TypeScript kernels.
 *
 * @example
 * kernelBackend(); // { requested: 'auto', active: 'wasm-simd' } once ready() has resolved
 */
export function kernelBackend(): { requested: KernelBackend; active: Kernels['name'] } {
  return { requested: backend, active: getKernels().name };
}
