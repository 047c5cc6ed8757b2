// Benchmark group "matmul" (issue 4): float32 C = A B, GFLOP/s of our matmul on its plain TypeScript kernels
// against the plain JavaScript peers, side by side in one run. Adding a row is one object in `contenders`.
//
// Every contender here is synchronous and single-threaded, so each is timed by the CPU time of this process
// (process.cpuUsage: user + system, V8's helper threads included) rather than by the wall clock: on the shared
// two-core machine, a neighbour's load stretches wall-clock batches at random, while CPU time counts only the
// work done. Ratios are the median over rounds of the ratio taken within each round (both contenders ran
// seconds apart, under the same conditions), which drift cannot bias.
import { median, printTable, random, timeRounds } from './harness.mjs';
import { mlMatrixGemm } from './peers/mlMatrix.mjs';
import { ndarrayGemm } from './peers/ndarrayGemm.mjs';
import { tfjsMatMul, useTfjsBackend } from './peers/tfjs.mjs';

/** Square sizes, then the attention shapes (T x d_k x T: Q K^T for T = 128 and 1024, d_k = 64), as [M, K, N]. */
const SHAPES = [
  [64, 64, 64],
  [128, 128, 128],
  [256, 256, 256],
  [512, 512, 512],
  [1024, 1024, 1024],
  [128, 64, 128],
  [1024, 64, 1024],
];
const QUICK_SHAPES = [
  [64, 64, 64],
  [256, 256, 256],
  [128, 64, 128],
];

/**
 * The contenders. The first is the reference every ratio is taken against. `setup(lib, M, K, N, A, B)` is untimed
 * and returns the timed call; `before` (optional) runs untimed before each batch.
 */
export const contenders = [
  {
    name: 'ours, TypeScript kernels',
    before: (lib) => lib.setKernelBackend('js'),
    setup: (lib, M, K, N, A, B) => {
      const a = lib.tensor(A, { shape: [M, K] });
      const b = lib.tensor(B, { shape: [K, N] });
      return () => lib.matmul(a, b);
    },
  },
  {
    name: 'tfjs-backend-cpu',
    before: () => useTfjsBackend('cpu'),
    setup: (_lib, M, K, N, A, B) => tfjsMatMul(M, K, N, A, B),
  },
  { name: 'ml-matrix', setup: (_lib, M, K, N, A, B) => mlMatrixGemm(M, K, N, A, B) },
  { name: 'ndarray-gemm', setup: (_lib, M, K, N, A, B) => ndarrayGemm(M, K, N, A, B) },
  {
    name: 'ours, auto (SIMD when it pays)',
    before: (lib) => lib.setKernelBackend('auto'),
    setup: (lib, M, K, N, A, B) => {
      const a = lib.tensor(A, { shape: [M, K] });
      const b = lib.tensor(B, { shape: [K, N] });
      return () => lib.matmul(a, b);
    },
  },
];

/** Runs the group and prints its table. `lib` is the built @attn/tensor. */
export async function runMatmulBench(lib, { quick = false, rounds = 7, only } = {}) {
  await lib.ready();
  const shapes = (quick ? QUICK_SHAPES : SHAPES).filter((s) => only === undefined || s.join('x').includes(only));
  console.log('\n## matmul, float32, one thread: GFLOP/s (2 M N K / time), and ours (TypeScript) / peer\n');
  console.log(
    `Interleaved rounds (${rounds} from n = 512 up, at least 21 below), medians, timed by this process's CPU ` +
      'time; a ratio is the median of the ' +
      'per-round ratios. Peer tensors are made before timing; reading the result back (tfjs dataSync) is timed; ' +
      'our own packing and the output allocation are timed.\n',
  );
  const rows = [];
  for (const [M, K, N] of shapes) {
    const A = random(M * K, 1);
    const B = random(K * N, 2);
    const runs = [];
    for (const c of contenders) {
      await c.before?.(lib);
      runs.push(await c.setup(lib, M, K, N, A, B));
    }
    // The peers need about a second per call at n = 1024: batches of one call there. Below, short batches and at
    // least 21 rounds keep each round's contenders close in time, so the per-round ratios share their conditions.
    const big = M * N * K >= 512 ** 3;
    const { times, ratios } = await interleavedCpu(runs, {
      rounds: big ? rounds : Math.max(rounds, 21),
      ms: big ? 1 : 10,
      before: contenders.map((c) => () => c.before?.(lib)),
    });
    const gflops = times.map((t) => (2 * M * N * K) / t / 1e6);
    rows.push([
      M === K && K === N ? `${M}` : `${M}x${K}x${N}`,
      ...gflops.map((g, i) => {
        if (i === 0) return g.toFixed(2);
        // our own SIMD column is no peer: it shows how many times the TypeScript kernels it runs
        if (contenders[i].name.startsWith('ours')) return `${g.toFixed(2)} (${(1 / ratios[i]).toFixed(1)}x TS)`;
        return `${g.toFixed(2)} (${ratios[i].toFixed(1)}x)`;
      }),
    ]);
  }
  lib.setKernelBackend('auto');
  printTable(['n or MxKxN', ...contenders.map((c) => c.name)], rows);
}

/**
 * Each contender's median milliseconds per call by CPU time, and the median over rounds of `time[i] / time[0]`
 * (how many times faster the first is than contender i in the same round).
 */
async function interleavedCpu(runs, { rounds, ms, before }) {
  const times = await timeRounds(runs, { rounds, ms, before, clock: 'cpu' });
  return {
    times: times.map(median),
    ratios: times.map((t) => median(t.map((x, r) => x / times[0][r]))),
  };
}
