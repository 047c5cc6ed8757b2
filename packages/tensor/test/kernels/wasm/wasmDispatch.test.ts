import { afterEach, describe, expect, it, vi } from 'vitest';
import { ready } from '../../../src/kernels/index.js';
import { sfusedSoftmaxGemm } from '../../../src/kernels/js/fusedSoftmaxGemm.js';
import { gemm } from '../../../src/kernels/js/gemm.js';
import type { Kernels, SoftmaxRowsKernel } from '../../../src/kernels/Kernels.js';
import { loadWasmKernels, resetWasmKernels } from '../../../src/kernels/wasm/loadWasmKernels.js';
import { wasmKernelSet } from '../../../src/kernels/wasm/wasmKernelSet.js';

/** A stand-in TypeScript softmax (this test is about which path runs, not about softmax). */
const jsSoftmax: SoftmaxRowsKernel<Float32Array> = (rows, cols, X, x1, x2, oX, Y, y1, y2, oY) => {
  for (let r = 0; r < rows; r++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) max = Math.max(max, X[oX + r * x1 + j * x2]);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(X[oX + r * x1 + j * x2] - max);
    for (let j = 0; j < cols; j++) Y[oY + r * y1 + j * y2] = Math.exp(X[oX + r * x1 + j * x2] - max) / sum;
  }
};
const js: Kernels = {
  name: 'js',
  sgemm: gemm,
  dgemm: gemm,
  ssoftmaxRows: jsSoftmax,
  dsoftmaxRows: jsSoftmax as never,
  sfusedSoftmaxGemm,
};

function square(kernels: Kernels, n: number): Float32Array {
  const A = new Float32Array(n * n).fill(1);
  const C = new Float32Array(n * n);
  kernels.sgemm('no-transpose', 'no-transpose', n, n, n, 1, A, n, 1, 0, A, n, 1, 0, 0, C, n, 1, 0);
  return C;
}

afterEach(() => resetWasmKernels());

describe('choosing the WebAssembly SIMD kernels', () => {
  it('never blocks: the first request returns null at once (TypeScript serves it) and the SIMD set once ready', async () => {
    resetWasmKernels();
    expect(wasmKernelSet(js, 'auto')).toBeNull(); // compiling started, not finished
    expect(await ready()).toBe(true);
    expect(wasmKernelSet(js, 'auto')?.name).toBe('wasm-simd');
  });

  it('takes the SIMD path for float32 calls that pay for the copy, the TypeScript one for tiny ones', async () => {
    const wasm = (await loadWasmKernels())!;
    const simdGemm = vi.spyOn(wasm, 'sgemm');
    const simdSoftmax = vi.spyOn(wasm, 'softmaxRows');
    const auto = wasmKernelSet(js, 'auto')!;

    expect(square(auto, 64)[0]).toBe(64);
    expect(simdGemm).toHaveBeenCalledTimes(1);
    expect(square(auto, 4)[0]).toBe(4); // 4 x 4 x 4: below the crossover
    expect(simdGemm).toHaveBeenCalledTimes(1);
    // float64 gemm: f64x2 on the module from 12^3, TypeScript below
    const simdDgemm = vi.spyOn(wasm, 'dgemm');
    const dsquare = (n: number) => {
      const D = new Float64Array(n * n).fill(0.5);
      const E = new Float64Array(n * n);
      auto.dgemm('no-transpose', 'no-transpose', n, n, n, 1, D, n, 1, 0, D, n, 1, 0, 0, E, n, 1, 0);
      return E[0];
    };
    expect(dsquare(32)).toBe(8);
    expect(simdDgemm).toHaveBeenCalledTimes(1);
    expect(dsquare(4)).toBe(1);
    expect(simdDgemm).toHaveBeenCalledTimes(1);
    expect(auto.dsoftmaxRows).toBe(jsSoftmax); // float64 softmax stays TypeScript

    const x = new Float32Array(256).fill(0);
    auto.ssoftmaxRows(2, 128, x, 128, 1, 0, x, 128, 1, 0);
    expect(simdSoftmax).toHaveBeenCalledTimes(1);
    auto.ssoftmaxRows(1, 8, x, 8, 1, 0, x, 8, 1, 0);
    expect(simdSoftmax).toHaveBeenCalledTimes(1);
    expect(x[0]).toBeCloseTo(1 / 8, 7);
  });

  it('forced (the wasm-simd backend) takes the SIMD path even for a 1 x 1 x 1 gemm', async () => {
    const wasm = (await loadWasmKernels())!;
    const simdGemm = vi.spyOn(wasm, 'sgemm');
    expect(square(wasmKernelSet(js, 'wasm-simd')!, 1)[0]).toBe(1);
    expect(simdGemm).toHaveBeenCalledTimes(1);
  });

  it('falls back to TypeScript when compiling fails (no SIMD, or a CSP without wasm-unsafe-eval)', async () => {
    resetWasmKernels(() => Promise.reject(new WebAssembly.CompileError('WebAssembly.compile(): SIMD unsupported')));
    expect(wasmKernelSet(js, 'auto')).toBeNull();
    expect(await ready()).toBe(false);
    expect(wasmKernelSet(js, 'auto')).toBeNull();
    expect(wasmKernelSet(js, 'wasm-simd')).toBeNull();
  });

  it('falls back when the engine rejects the bytes themselves (a real failing compile)', async () => {
    resetWasmKernels((bytes) => WebAssembly.compile(bytes.slice(0, 40) as Uint8Array<ArrayBuffer>));
    expect(await ready()).toBe(false);
  });
});
