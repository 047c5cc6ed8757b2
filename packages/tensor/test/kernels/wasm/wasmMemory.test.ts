import { describe, expect, it } from 'vitest';
import { gemm } from '../../../src/kernels/js/gemm.js';
import { loadWasmKernels } from '../../../src/kernels/wasm/loadWasmKernels.js';
import { makeWasmDgemm } from '../../../src/kernels/wasm/makeWasmDgemm.js';
import { makeWasmSgemm } from '../../../src/kernels/wasm/makeWasmSgemm.js';
import { makeWasmSsoftmaxRows } from '../../../src/kernels/wasm/makeWasmSsoftmaxRows.js';
import { seededValues } from './stridedMatrix.js';

describe('WebAssembly memory of the SIMD kernels', () => {
  it('grows to the high-water mark of the largest call and stays there over thousands of mixed calls', async () => {
    const wasm = (await loadWasmKernels())!;
    const sgemm = makeWasmSgemm(wasm, gemm);
    const dgemm = makeWasmDgemm(wasm, gemm);
    const softmax = makeWasmSsoftmaxRows(wasm, () => {
      throw new Error('fell back');
    });
    const big = 300;
    const data = new Float32Array(big * big * 2).map(seededValues(5));
    const out = new Float32Array(big * big);
    const call = (M: number, N: number, K: number, transB: boolean) =>
      sgemm(
        'no-transpose',
        transB ? 'transpose' : 'no-transpose',
        M,
        N,
        K,
        1,
        data,
        K,
        1,
        0,
        data,
        transB ? K : N,
        1,
        7,
        0,
        out,
        N,
        1,
        0,
      );

    call(big, big, big, false); // the largest call
    softmax(big, big, data, big, 1, 0, out, big, 1, 0);
    const highWater = wasm.memory.buffer.byteLength;
    // what the largest gemm needs: A, B, C copies + packed blocks, rounded up to 64 KiB pages, plus the first page
    expect(highWater).toBeLessThanOrEqual(4 * (3 * big * big + 96 * 256 + 256 * 304 + 32 + 64) + 2 * 65536);

    const rand = seededValues(11);
    const dim = () => 1 + Math.floor(((rand(0, 0) + 1) / 2) * (big - 1));
    const data64 = Float64Array.from(data.subarray(0, 150 * 150 * 2));
    const out64 = new Float64Array(150 * 150);
    for (let n = 0; n < 3000; n++) {
      if (n % 3 === 0) softmax(dim(), dim(), data, big, 1, 0, out, big, 1, 0);
      else if (n % 5 === 0) {
        // float64 calls up to 150^3: twice the bytes per element, so at most the largest float32 call's needs
        const [M, N, K] = [dim() >> 1 || 1, dim() >> 1 || 1, dim() >> 1 || 1];
        dgemm('transpose', 'no-transpose', M, N, K, 1, data64, M, 1, 3, data64, N, 1, 0, 0.5, out64, N, 1, 0);
      } else call(dim() >> 2 || 1, dim(), dim() >> 1 || 1, n % 2 === 0);
    }
    expect(wasm.memory.buffer.byteLength).toBe(highWater);
  });
});
