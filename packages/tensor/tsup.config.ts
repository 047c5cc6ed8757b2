import { defineConfig } from 'tsup';

export default defineConfig({
  // kernelWorker: the body of a gemm worker thread, which Node starts by file: node.js finds it next to itself
  // (new URL('./kernelWorker.js', import.meta.url)), as the sources find it next to startGemmThreads.ts.
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    kernelWorker: 'src/kernels/threads/kernelWorker.js',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
});
