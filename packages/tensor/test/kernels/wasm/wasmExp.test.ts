import { beforeAll, describe, expect, it } from 'vitest';
import { heapBase } from '../../../src/kernels/wasm/kernels.generated.js';
import { loadWasmKernels } from '../../../src/kernels/wasm/loadWasmKernels.js';
import type { WasmKernelExports } from '../../../src/kernels/wasm/WasmKernelExports.js';
import { wasmHeap } from '../../../src/kernels/wasm/wasmHeap.js';

/** The kernels' exp applied to `xs` (float32-rounded), through the module's exported `expf32`. */
function simdExp(wasm: WasmKernelExports, xs: Float32Array): Float32Array {
  const n = (xs.length + 3) & ~3;
  const heap = wasmHeap(wasm, heapBase + 4 * n)!;
  heap.set(xs, heapBase / 4);
  wasm.expf32(heapBase, n);
  return heap.slice(heapBase / 4, heapBase / 4 + xs.length);
}

describe('the vectorised exp of the SIMD kernels', () => {
  let wasm: WasmKernelExports;
  beforeAll(async () => {
    wasm = (await loadWasmKernels())!;
    expect(wasm).not.toBeNull();
  });

  it('has a max relative error below 1e-7 over [-87, 88] (2^20 points, against Math.exp in float64)', () => {
    const n = 1 << 20;
    const xs = new Float32Array(n);
    for (let i = 0; i < n; i++) xs[i] = -87 + (175 * i) / (n - 1);
    const ys = simdExp(wasm, xs);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const exact = Math.exp(xs[i]); // of the float32 input, in float64
      worst = Math.max(worst, Math.abs(ys[i] - exact) / exact);
    }
    expect(worst).toBeLessThan(1e-7); // measured 8.1e-8 (under 1 ulp)
    expect(worst).toBeGreaterThan(0); // it is a polynomial, not a lookup of Math.exp
  });

  it('is exact at 0 and gives exactly 0 for -Infinity and below -87.34, +Infinity above 88.38, NaN for NaN', () => {
    const ys = simdExp(
      wasm,
      new Float32Array([0, Number.NEGATIVE_INFINITY, -87.5, -1000, 88.5, Number.POSITIVE_INFINITY, Number.NaN]),
    );
    expect(Array.from(ys.subarray(0, 6))).toEqual([1, 0, 0, 0, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(ys[6]).toBeNaN();
  });
});
