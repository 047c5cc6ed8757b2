import type { FusedSoftmaxGemmKernel, GemmKernel, Kernels, SoftmaxRowsKernel } from '../Kernels.js';
import { makeWasmDgemm } from './makeWasmDgemm.js';
import { makeWasmSfusedSoftmaxGemm } from './makeWasmSfusedSoftmaxGemm.js';
import { makeWasmSgemm } from './makeWasmSgemm.js';
import { makeWasmSsoftmaxRows } from './makeWasmSsoftmaxRows.js';
import type { WasmKernelExports } from './WasmKernelExports.js';

/**
 * When the SIMD gemm pays for copying its operands into WebAssembly memory (about 0.25 us per call plus a
 * memcpy of A, B and C), measured against the TypeScript 3 x 4 kernel in Node 20: at M*N*K = 8^3 SIMD is already
 * 1.7x faster, at 6^3 the TypeScript kernel is 2.4x faster; with fewer than 32 outputs (4 x 4 x 32, 2 x 2 x 128)
 * the copies dominate whatever K is.
 *
 * @example
 * sgemmPaysOff(8, 8, 8); // true
 */
export function sgemmPaysOff(M: number, N: number, K: number): boolean {
  return M * N >= 32 && M * N * K >= 512;
}

/**
 * When the f64x2 gemm pays for copying its operands (twice the bytes of float32's) into WebAssembly memory,
 * against the TypeScript kernel (as fast in float64 as in float32), measured in Node 20 on square n: 0.97x at
 * n = 6, 1.08x at 8, 1.24x at 10, 1.8x at 12, 2.5x at 16, 3.3x at 24. From 8^3 with 64 outputs.
 *
 * @example
 * dgemmPaysOff(16, 16, 16); // true
 */
export function dgemmPaysOff(M: number, N: number, K: number): boolean {
  return M * N >= 64 && M * N * K >= 512;
}

/**
 * When the SIMD softmax pays for copying its rows in and out: from 64 elements per call (measured: at 4 x 16 SIMD
 * is 1.4x the TypeScript kernel, at 2 x 8 it is 0.7x).
 *
 * @example
 * softmaxPaysOff(1, 128); // true
 */
export function softmaxPaysOff(rows: number, cols: number): boolean {
  return rows * cols >= 64;
}

/**
 * The WebAssembly SIMD kernel set: float32 gemm and softmax and float64 gemm (f64x2) on the module, float64
 * softmax on `fallback`. With `automatic`, each call below the measured crossovers ({@link sgemmPaysOff},
 * {@link dgemmPaysOff}, {@link softmaxPaysOff}) also goes to `fallback`; without it (the forced `'wasm-simd'`
 * backend) every such call takes the SIMD path.
 *
 * @example
 * const kernels = makeWasmKernels(await loadWasmKernels(), jsKernels, true);
 */
export function makeWasmKernels(wasm: WasmKernelExports, fallback: Kernels, automatic: boolean): Kernels {
  const simdGemm = makeWasmSgemm(wasm, fallback.sgemm);
  const simdDgemm = makeWasmDgemm(wasm, fallback.dgemm);
  const simdSoftmax = makeWasmSsoftmaxRows(wasm, fallback.ssoftmaxRows);
  const sgemm: GemmKernel<Float32Array> = automatic
    ? (tA, tB, M, N, K, alpha, A, a1, a2, oA, B, b1, b2, oB, beta, C, c1, c2, oC) =>
        (sgemmPaysOff(M, N, K) ? simdGemm : fallback.sgemm)(
          tA,
          tB,
          M,
          N,
          K,
          alpha,
          A,
          a1,
          a2,
          oA,
          B,
          b1,
          b2,
          oB,
          beta,
          C,
          c1,
          c2,
          oC,
        )
    : simdGemm;
  const dgemm: GemmKernel<Float64Array> = automatic
    ? (tA, tB, M, N, K, alpha, A, a1, a2, oA, B, b1, b2, oB, beta, C, c1, c2, oC) =>
        (dgemmPaysOff(M, N, K) ? simdDgemm : fallback.dgemm)(
          tA,
          tB,
          M,
          N,
          K,
          alpha,
          A,
          a1,
          a2,
          oA,
          B,
          b1,
          b2,
          oB,
          beta,
          C,
          c1,
          c2,
          oC,
        )
    : simdDgemm;
  const ssoftmaxRows: SoftmaxRowsKernel<Float32Array> = automatic
    ? (rows, cols, X, x1, x2, oX, Y, y1, y2, oY) =>
        (softmaxPaysOff(rows, cols) ? simdSoftmax : fallback.ssoftmaxRows)(rows, cols, X, x1, x2, oX, Y, y1, y2, oY)
    : simdSoftmax;
  // The fused kernel's first product decides, with the gemm's crossover (its copies cost the same per call).
  const simdFused = makeWasmSfusedSoftmaxGemm(wasm, fallback.sfusedSoftmaxGemm);
  const sfusedSoftmaxGemm: FusedSoftmaxGemmKernel = automatic
    ? (M, N, K, P, al, A, a1, a2, oA, B, b1, b2, oB, C, c1, c2, oC, bs, s1, s2, oS, dg, Y, y1, y2, oY) =>
        (sgemmPaysOff(M, N, K) ? simdFused : fallback.sfusedSoftmaxGemm)(
          M,
          N,
          K,
          P,
          al,
          A,
          a1,
          a2,
          oA,
          B,
          b1,
          b2,
          oB,
          C,
          c1,
          c2,
          oC,
          bs,
          s1,
          s2,
          oS,
          dg,
          Y,
          y1,
          y2,
          oY,
        )
    : simdFused;
  return {
    name: 'wasm-simd',
    sgemm,
    dgemm,
    ssoftmaxRows,
    dsoftmaxRows: fallback.dsoftmaxRows,
    sfusedSoftmaxGemm,
  };
}
