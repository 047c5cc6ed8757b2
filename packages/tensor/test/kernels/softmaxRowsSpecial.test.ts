import { beforeAll, describe, expect, it } from 'vitest';
import { dsoftmaxRows, ssoftmaxRows } from '../../src/kernels/js/softmaxRows.js';
import type { SoftmaxRowsKernel } from '../../src/kernels/Kernels.js';
import { loadWasmKernels } from '../../src/kernels/wasm/loadWasmKernels.js';
import { makeWasmSsoftmaxRows } from '../../src/kernels/wasm/makeWasmSsoftmaxRows.js';

const inf = Number.POSITIVE_INFINITY;

/**
 * The rows whose softmax is a matter of definition, and what every path must give (Kernels.ts documents it):
 * all -Infinity gives zeros (PyTorch gives NaN; zeros let a fully masked attention row contribute nothing),
 * a NaN anywhere gives a NaN row, +Infinity gives NaN (inf - inf), a lone finite value among -Infinity gives 1.
 */
const cases: [string, number[], number[]][] = [
  ['all -Infinity', [-inf, -inf, -inf, -inf, -inf], [0, 0, 0, 0, 0]],
  ['all NaN', [Number.NaN, Number.NaN, Number.NaN], [Number.NaN, Number.NaN, Number.NaN]],
  ['NaN among -Infinity', [-inf, Number.NaN, -inf, -inf, -inf, -inf], Array(6).fill(Number.NaN)],
  ['NaN among finite values', [1, 2, Number.NaN, 0, 1, 2, 3], Array(7).fill(Number.NaN)],
  ['a +Infinity', [0, inf, 1, 2], Array(4).fill(Number.NaN)],
  ['one finite value among -Infinity', [-inf, -inf, 3, -inf, -inf], [0, 0, 1, 0, 0]],
  ['-Infinity next to finite values', [-inf, 0, -inf, 0], [0, 0.5, 0, 0.5]],
];

let simd: SoftmaxRowsKernel<Float32Array>;
beforeAll(async () => {
  const wasm = await loadWasmKernels();
  expect(wasm).not.toBeNull();
  simd = makeWasmSsoftmaxRows(wasm!, () => {
    throw new Error('the SIMD path fell back to TypeScript');
  });
});

const paths: [string, () => SoftmaxRowsKernel<Float32Array> | SoftmaxRowsKernel<Float64Array>, 32 | 64][] = [
  ['TypeScript float32', () => ssoftmaxRows, 32],
  ['TypeScript float64', () => dsoftmaxRows, 64],
  ['WebAssembly SIMD float32 (forced)', () => simd, 32],
];

describe.each(paths)('softmax rows with -Infinity, NaN and +Infinity on the %s path', (_, kernel, bits) => {
  it.each(cases)('%s', (_name, row, expected) => {
    // the special row sits between two ordinary rows, which must stay untouched by it
    const cols = row.length;
    const Array_ = bits === 32 ? Float32Array : Float64Array;
    const X = new Array_([...Array(cols).fill(0), ...row, ...Array(cols).fill(0)]);
    const Y = new Array_(3 * cols).fill(-7);
    (kernel() as SoftmaxRowsKernel<Float32Array | Float64Array>)(3, cols, X, cols, 1, 0, Y, cols, 1, 0);
    for (let j = 0; j < cols; j++) {
      expect(Y[j]).toBeCloseTo(1 / cols, 6);
      expect(Y[2 * cols + j]).toBeCloseTo(1 / cols, 6);
      if (Number.isNaN(expected[j])) expect(Y[cols + j]).toBeNaN();
      else expect(Y[cols + j]).toBeCloseTo(expected[j], 6);
    }
  });

  it('gives the same answer for a strided (every other element) row of NaN and -Infinity', () => {
    const X = new (bits === 32 ? Float32Array : Float64Array)([-inf, 5, Number.NaN, 5, -inf, 5]);
    const Y = new (bits === 32 ? Float32Array : Float64Array)(3);
    (kernel() as SoftmaxRowsKernel<Float32Array | Float64Array>)(1, 3, X, 6, 2, 0, Y, 3, 1, 0);
    expect(Array.from(Y).every(Number.isNaN)).toBe(true);
  });
});
