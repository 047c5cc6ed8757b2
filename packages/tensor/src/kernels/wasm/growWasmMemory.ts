/**
 * Grows a WebAssembly memory (if needed) so that it holds at least `bytes` bytes; `false` if it cannot grow that far
 * (past the engine's limit or the memory's declared maximum), in which case the caller runs the TypeScript kernel.
 * Growing detaches (or, for a shared memory, supersedes) the previous buffer: take views after calling this.
 *
 * @example
 * if (growWasmMemory(memory, 1 << 20)) new Float32Array(memory.buffer); // at least 2^18 floats
 */
export function growWasmMemory(memory: WebAssembly.Memory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / 65536));
    return true;
  } catch {
    return false;
  }
}
