import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assembleKernels, assembleThreadKernels } from '../../../scripts/assembleKernels.mjs';
import { threadKernelsWasmBase64 } from '../../../src/kernels/threads/threadKernels.generated.js';
import { decodeBase64 } from '../../../src/kernels/wasm/decodeBase64.js';
import { kernelsWasmBase64 } from '../../../src/kernels/wasm/kernels.generated.js';

describe('the embedded WebAssembly kernels', () => {
  it('are exactly what the committed WAT sources assemble to (the generated file cannot drift)', async () => {
    const { bytes, source } = await assembleKernels();
    const committed = await readFile(
      new URL('../../../src/kernels/wasm/kernels.generated.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(source);
    expect(decodeBase64(kernelsWasmBase64)).toEqual(bytes);
  });

  it('include the shared-memory gemm module of the worker threads, also exactly as assembled', async () => {
    const { bytes, source } = await assembleThreadKernels();
    const committed = await readFile(
      new URL('../../../src/kernels/threads/threadKernels.generated.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(source);
    expect(decodeBase64(threadKernelsWasmBase64)).toEqual(bytes);
    expect(WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)).toBe(true);
  });

  it('validate as a WebAssembly module with SIMD in this engine', () => {
    const bytes = decodeBase64(kernelsWasmBase64);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);
    expect(WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)).toBe(true);
  });
});
