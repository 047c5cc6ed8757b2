import { afterAll, describe, expect, it } from 'vitest';
import { getKernels, kernelBackend, setKernelBackend } from '../../src/kernels/dispatch.js';
import { jsKernels } from '../../src/kernels/js/jsKernels.js';
import { ready } from '../../src/kernels/wasm/ready.js';

describe('getKernels / setKernelBackend / kernelBackend', () => {
  afterAll(() => setKernelBackend('auto'));

  it('forces the plain TypeScript set with "js"', () => {
    setKernelBackend('js');
    expect(getKernels()).toBe(jsKernels);
    expect(kernelBackend()).toEqual({ requested: 'js', active: 'js' });
  });

  it('serves the SIMD set once compiled, under "wasm-simd" and "auto", float64 gemm included', async () => {
    expect(await ready()).toBe(true); // Node 20 has WebAssembly SIMD
    for (const backend of ['wasm-simd', 'auto'] as const) {
      setKernelBackend(backend);
      expect(kernelBackend()).toEqual({ requested: backend, active: 'wasm-simd' });
      expect(getKernels().dgemm).not.toBe(jsKernels.dgemm);
      expect(getKernels().dsoftmaxRows).toBe(jsKernels.dsoftmaxRows);
    }
  });

  it('rejects an unknown backend', () => {
    expect(() => setKernelBackend('gpu' as never)).toThrow(
      `setKernelBackend: backend must be 'auto', 'js' or 'wasm-simd', got "gpu"`,
    );
  });
});
