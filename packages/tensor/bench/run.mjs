// `pnpm bench` in packages/tensor: every benchmark group, one process, on the BUILT package (run `pnpm build` first;
// the root `pnpm bench` builds through turbo). Groups: matmul (TypeScript kernels vs plain JS peers) and wasm
// (SIMD kernels vs tfjs-backend-wasm and onnxruntime-web).
//
//   node bench/run.mjs                  every group, full sizes
//   node bench/run.mjs matmul --quick   one group, fewer sizes
//   node bench/run.mjs matmul --only=1024 --rounds=9
import { parseArgs } from './harness.mjs';
import { runMatmulBench } from './matmul.mjs';
import { runWasmSimdBench } from './wasmSimd.mjs';

const opts = parseArgs(process.argv.slice(2));
const lib = await import('../dist/index.js');
const rounds = opts.rounds ?? 7;
const want = (group) => opts.groups.length === 0 || opts.groups.includes(group);

console.log(`# @attn/tensor benchmarks (Node ${process.version}, one thread)`);
if (want('matmul')) await runMatmulBench(lib, { quick: opts.quick, rounds, only: opts.only });
if (want('wasm')) {
  const { setKernelThreads } = await import('../dist/node.js');
  await runWasmSimdBench(lib, {
    sizes: opts.quick ? [64, 256] : [64, 128, 256, 512, 1024],
    threadSizes: opts.quick ? [512] : [256, 512, 1024],
    rounds,
    setKernelThreads,
  });
}
