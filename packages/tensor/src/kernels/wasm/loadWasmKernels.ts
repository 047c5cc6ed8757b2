import { decodeBase64 } from './decodeBase64.js';
import { kernelsWasmBase64 } from './kernels.generated.js';
import type { WasmKernelExports } from './WasmKernelExports.js';

/** Turns the module's bytes into a compiled module; replaceable so tests can make compiling fail. */
export type WasmCompile = (bytes: Uint8Array) => Promise<WebAssembly.Module>;

const defaultCompile: WasmCompile = (bytes) => WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);

let compile: WasmCompile = defaultCompile;
let loading: Promise<WasmKernelExports | null> | undefined;
let loaded: WasmKernelExports | null = null;

/**
 * Compiles and instantiates the WebAssembly SIMD kernel module, once, asynchronously (never the synchronous
 * `new WebAssembly.Module`, which browsers refuse for large modules on the main thread). Resolves to its exports,
 * or to `null` when this engine cannot run it: no WebAssembly, no SIMD (the module does not validate), or a Content
 * Security Policy without `'wasm-unsafe-eval'`. Never rejects.
 *
 * Nothing starts at import time (the package is `"sideEffects": false`): the first kernel request
 * ({@link loadedWasmKernels}) or `ready()` starts it.
 *
 * @example
 * const wasm = await loadWasmKernels(); // null where SIMD is unavailable
 */
export function loadWasmKernels(): Promise<WasmKernelExports | null> {
  loading ??= (async () => {
    try {
      if (typeof WebAssembly !== 'object') return null;
      const module = await compile(decodeBase64(kernelsWasmBase64));
      const instance = await WebAssembly.instantiate(module, {});
      // a plain (unfrozen) copy of the exports, so tests can observe calls
      loaded = { ...(instance.exports as unknown as WasmKernelExports) };
      return loaded;
    } catch {
      return null;
    }
  })();
  return loading;
}

/**
 * The module's exports if it is ready now, else `null` (and loading starts in the background, so later calls get
 * it). Synchronous: the kernels' callers never wait.
 *
 * @example
 * const wasm = loadedWasmKernels(); // null on the very first call, the exports a moment later
 */
export function loadedWasmKernels(): WasmKernelExports | null {
  if (loading === undefined) void loadWasmKernels();
  return loaded;
}

/**
 * Forgets the loaded module and, for the next load, uses `compileWith` (default `WebAssembly.compile`).
 * For tests: inject a failing compile to prove the TypeScript fallback. Not exported from the package.
 *
 * @example
 * resetWasmKernels(() => Promise.reject(new WebAssembly.CompileError('no SIMD')));
 */
export function resetWasmKernels(compileWith: WasmCompile = defaultCompile): void {
  compile = compileWith;
  loading = undefined;
  loaded = null;
}
