import type { Kernels } from '../Kernels.js';
import { loadedWasmKernels } from './loadWasmKernels.js';
import { makeWasmKernels } from './makeWasmKernels.js';
import type { WasmKernelExports } from './WasmKernelExports.js';

/** How the dispatcher wants the SIMD set: per-call crossovers (`'auto'`) or SIMD for every float32 call. */
export type WasmKernelMode = 'auto' | 'wasm-simd';

let cache: { wasm: WasmKernelExports; fallback: Kernels; auto: Kernels; forced: Kernels } | undefined;

/**
 * The WebAssembly SIMD kernel set if the module is compiled, else `null` (and compiling starts in the background,
 * so a later call gets it): the registration hook the dispatcher calls on every kernel request. Synchronous and
 * cheap (the sets are built once per module and fallback). `fallback` is the plain TypeScript set: it serves
 * float64, and in `'auto'` mode the float32 calls too small to pay for the copy into WebAssembly memory.
 *
 * @example
 * const kernels = wasmKernelSet(jsKernels, 'auto') ?? jsKernels;
 */
export function wasmKernelSet(fallback: Kernels, mode: WasmKernelMode): Kernels | null {
  const wasm = loadedWasmKernels();
  if (wasm === null) return null;
  if (cache === undefined || cache.wasm !== wasm || cache.fallback !== fallback) {
    cache = {
      wasm,
      fallback,
      auto: makeWasmKernels(wasm, fallback, true),
      forced: makeWasmKernels(wasm, fallback, false),
    };
  }
  return mode === 'auto' ? cache.auto : cache.forced;
}
