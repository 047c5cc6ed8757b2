// Benchmark rows of the WebAssembly SIMD kernels (issue 5): float32 gemm, ours (SIMD path, TypeScript path)
// against tfjs-backend-cpu, tfjs-backend-wasm (XNNPACK, 1 thread) and onnxruntime-web (1 thread); float64 gemm
// (f64x2 vs TypeScript); our float32 gemm on two threads vs one (Node worker threads); softmax rows SIMD vs
// TypeScript. Interleaved rounds (every contender once per round, in turn), medians per call. Every timed call
// includes what a caller pays: copying the operands into WebAssembly memory and the result back out.
//
//   node bench/wasmSimd.mjs            (after `pnpm build`: it measures the built package, dist/)
//
// `runWasmSimdBench(lib)` takes the library's kernel access ({ ready, setKernelBackend, getKernels }), so the main
// harness can add these rows to its own table.

import { interleaved as interleavedRuns, random } from './harness.mjs';
import { onnxruntimeWebGemm } from './peers/onnxruntimeWeb.mjs';
import { tfjsGemm, useTfjsBackend } from './peers/tfjs.mjs';

/** One core's ceiling for 128-bit f32x4 (2 mul + 2 add pipes at ~4 GHz), see the performance notes. */
const SIMD_CEILING = 64;

/** The harness's interleaved rounds over contender objects `{ run, before? }`: median ms per call of each. */
const interleaved = (contenders, rounds, ms) =>
  interleavedRuns(
    contenders.map((c) => c.run),
    { rounds, ms, before: contenders.map((c) => c.before) },
  );

/**
 * Prints the gemm and softmax tables. `lib` is @attn/tensor (or its sources): `ready()`, `setKernelBackend(name)`
 * and `getKernels()` (the kernel set now in force, whose `name` tells which path a row took). `setKernelThreads`
 * (optional, from @attn/tensor/node) adds the two-thread rows.
 */
export async function runWasmSimdBench(
  lib,
  {
    sizes = [64, 128, 256, 512, 1024],
    threadSizes = [256, 512, 1024],
    rounds = 7,
    ms = 60,
    setKernelThreads = null,
  } = {},
) {
  if (!(await lib.ready())) throw new Error('wasmSimd bench: the WebAssembly SIMD kernels did not load');
  const ours = (backend, n, A, B, C) => ({
    before: () => lib.setKernelBackend(backend),
    run: () => {
      lib.getKernels().sgemm('no-transpose', 'no-transpose', n, n, n, 1, A, n, 1, 0, B, n, 1, 0, 0, C, n, 1, 0);
    },
  });
  console.log(
    '\n## float32 gemm, square n, one thread: GFLOP/s (share of the ~64 GFLOP/s SIMD ceiling), ratio ours/peer\n',
  );
  const names = [
    'ours, SIMD path',
    'ours, TypeScript path',
    'tfjs-backend-wasm (XNNPACK)',
    'onnxruntime-web',
    'tfjs-backend-cpu',
  ];
  console.log(`| n | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  for (const n of sizes) {
    const A = random(n * n, 1);
    const B = random(n * n, 2);
    const C = new Float32Array(n * n);
    const ort = await onnxruntimeWebGemm(n, A, B);
    const contenders = [
      { name: names[0], ...ours('wasm-simd', n, A, B, C) },
      { name: names[1], ...ours('js', n, A, B, C) },
      { name: names[2], before: () => useTfjsBackend('wasm'), run: null },
      { name: names[3], run: ort },
      { name: names[4], before: () => useTfjsBackend('cpu'), run: null },
    ];
    await useTfjsBackend('wasm');
    contenders[2].run = tfjsGemm(n, A, B);
    await useTfjsBackend('cpu');
    contenders[4].run = tfjsGemm(n, A, B);
    // tfjs-backend-cpu needs seconds per call at n = 1024; 3 rounds of one call each are plenty to rank it
    const cpuRounds = n >= 512 ? 3 : rounds;
    const times = await interleaved(contenders.slice(0, 4), rounds, ms);
    times.push(...(await interleaved(contenders.slice(4), cpuRounds, n >= 512 ? 1 : ms)));
    const gflops = times.map((t) => (2 * n * n * n) / t / 1e6);
    const cells = gflops.map((g, i) => {
      const share = `${g.toFixed(1)} (${((100 * g) / SIMD_CEILING).toFixed(0)}%)`;
      return i === 0 ? share : `${share}, ${(gflops[0] / g).toFixed(2)}x`;
    });
    console.log(`| ${n} | ${cells.join(' | ')} |`);
  }
  console.log('\n## float64 gemm, square n, one thread: GFLOP/s, ratio SIMD (f64x2) / TypeScript\n');
  console.log('| n | ours, SIMD path (f64x2) | ours, TypeScript path | speed-up |');
  console.log('|---|---|---|---|');
  for (const n of sizes.filter((n) => n <= 512)) {
    const A = Float64Array.from(random(n * n, 1));
    const B = Float64Array.from(random(n * n, 2));
    const C = new Float64Array(n * n);
    const run = () =>
      lib.getKernels().dgemm('no-transpose', 'no-transpose', n, n, n, 1, A, n, 1, 0, B, n, 1, 0, 0, C, n, 1, 0);
    const [simd, ts] = await interleaved(
      [
        { before: () => lib.setKernelBackend('wasm-simd'), run },
        { before: () => lib.setKernelBackend('js'), run },
      ],
      rounds,
      ms,
    );
    const g = (t) => ((2 * n * n * n) / t / 1e6).toFixed(1);
    console.log(`| ${n} | ${g(simd)} | ${g(ts)} | ${(ts / simd).toFixed(2)}x |`);
  }

  if (setKernelThreads !== null) {
    console.log(
      '\n## float32 gemm on Node worker threads (setKernelThreads(2)), SIMD path: GFLOP/s, speed-up over one thread\n',
    );
    console.log('| n | one thread | two threads | speed-up |');
    console.log('|---|---|---|---|');
    // the one-thread kernel, taken before the threads start: it stays valid, so both contenders run in one process
    // with the workers started once (and warm)
    lib.setKernelBackend('wasm-simd');
    const one = lib.getKernels().sgemm;
    const started = await setKernelThreads(2);
    const two = lib.getKernels().sgemm;
    for (const n of threadSizes) {
      const A = random(n * n, 1);
      const B = random(n * n, 2);
      const C = new Float32Array(n * n);
      const call = (sgemm) => () =>
        sgemm('no-transpose', 'no-transpose', n, n, n, 1, A, n, 1, 0, B, n, 1, 0, 0, C, n, 1, 0);
      const [t1, t2] = await interleaved([{ run: call(one) }, { run: call(two) }], rounds, ms);
      const g = (t) => ((2 * n * n * n) / t / 1e6).toFixed(1);
      console.log(`| ${n} | ${g(t1)} | ${g(t2)} (${started} threads) | ${(t1 / t2).toFixed(2)}x |`);
    }
    await setKernelThreads(1);
  }

  lib.setKernelBackend('wasm-simd');
  const simdName = lib.getKernels().name;
  lib.setKernelBackend('js');
  const jsName = lib.getKernels().name;
  console.log(`\n(paths taken: SIMD rows ran the '${simdName}' kernel set, TypeScript rows the '${jsName}' set)`);

  console.log('\n## softmax over rows, float32: ns per element, ratio TypeScript/SIMD\n');
  console.log('| rows x cols | ours, SIMD path | ours, TypeScript path | speed-up |');
  console.log('|---|---|---|---|');
  for (const [rows, cols] of [
    [128, 128],
    [1024, 1024],
  ]) {
    const X = random(rows * cols, 3).map((v) => 20 * v);
    const Y = new Float32Array(rows * cols);
    const run = () => lib.getKernels().ssoftmaxRows(rows, cols, X, cols, 1, 0, Y, cols, 1, 0);
    const [simd, ts] = await interleaved(
      [
        { before: () => lib.setKernelBackend('wasm-simd'), run },
        { before: () => lib.setKernelBackend('js'), run },
      ],
      rounds,
      ms,
    );
    const per = (t) => ((t * 1e6) / (rows * cols)).toFixed(2);
    console.log(`| ${rows} x ${cols} | ${per(simd)} | ${per(ts)} | ${(ts / simd).toFixed(2)}x |`);
  }
  lib.setKernelBackend('auto');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lib = await import('../dist/index.js');
  const node = await import('../dist/node.js');
  await runWasmSimdBench(lib, { setKernelThreads: node.setKernelThreads });
}
