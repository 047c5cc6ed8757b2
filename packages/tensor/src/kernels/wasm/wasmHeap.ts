import type { WasmKernelExports } from './WasmKernelExports.js';

/**
 * A float32 view over the whole of the kernel module's memory, grown first (if needed) so that it holds at least
 * `bytes` bytes; `null` if the memory cannot grow that far (the caller then uses the TypeScript kernel).
 *
 * Each call lays its operands out from address 0, so the memory only ever grows to the high-water mark of the
 * largest call and is reused by every later one. Growing detaches the previous `ArrayBuffer`, which is why the
 * view is made afresh after each grow and never kept across calls.
 *
 * @example
 * const f32 = wasmHeap(exports, 1024); // f32.length >= 256
 */
export function wasmHeap(wasm: WasmKernelExports, bytes: number): Float32Array | null {
  const have = wasm.memory.buffer.byteLength;
  if (bytes > have) {
    try {
      wasm.memory.grow(Math.ceil((bytes - have) / 65536));
    } catch {
      return null; // past the engine's limit (4 GiB at most for 32-bit memories)
    }
  }
  return new Float32Array(wasm.memory.buffer);
}
