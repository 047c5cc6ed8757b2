import type { GemmKernel } from '../Kernels.js';
import { dgemmBlocking, sgemmBlocking } from '../wasm/kernels.generated.js';
import { makeWasmGemm } from '../wasm/makeWasmGemm.js';
import type { GemmThreads } from './startGemmThreads.js';

/**
 * Whether splitting a gemm over threads pays: at least 2^21 multiply-adds (128^3; measured in Node 20 on two
 * cores, waking a worker and joining it costs about 20-50 us, a tenth of a 128^3 gemm's time at 40 GFLOP/s) and
 * at least two micro-tiles of the split dimension per thread.
 *
 * @example
 * threadsPayOff(512, 512, 512, 2); // true
 * threadsPayOff(64, 64, 64, 2);    // false
 */
export function threadsPayOff(M: number, N: number, K: number, threads: number): boolean {
  return M * N * K >= 1 << 21 && Math.max(M, N) >= 16 * threads;
}

/**
 * A gemm kernel that splits each large call (see {@link threadsPayOff}) over `threads`: the operands are copied
 * once into the shared memory, C is cut into `available()` blocks of whole micro-tile rows (of columns when C has
 * fewer than 4 micro-tile rows per thread), each thread packs and multiplies its own block in its own work area,
 * and the calling thread
 * waits (Atomics.wait) for the others: synchronous, like every kernel. Smaller calls, and any call while no worker
 * is ready, go to `single` (the one-thread kernel). Every element of C is computed by exactly the same sequence
 * of operations as in one thread, so the results are identical, not just close.
 *
 * @example
 * const sgemm = makeParallelGemm(await startGemmThreads(1), 'float32', wasmSgemm);
 */
export function makeParallelGemm<T extends Float32Array | Float64Array>(
  threads: GemmThreads,
  dtype: T extends Float32Array ? 'float32' : 'float64',
  single: GemmKernel<T>,
): GemmKernel<T> {
  const f32 = dtype === 'float32';
  const blocking = f32 ? sgemmBlocking : dgemmBlocking;
  const E = f32 ? 4 : 8;
  const type = f32 ? 0 : 1;
  let count = 1; // the threads of the call in flight (set just before makeWasmGemm's run)
  const split = makeWasmGemm<T>(
    {
      elements: (f32 ? Float32Array : Float64Array) as unknown as {
        new (buffer: ArrayBufferLike): T;
        readonly BYTES_PER_ELEMENT: number;
      },
      memory: threads.memory,
      heapBase: 0,
      blocking,
      get workAreas() {
        return count;
      },
      run(M, N, K, alpha, beta, a, rsa, csa, b, rsb, csb, c, ldc, work, workBytes) {
        const parts: number[][] = [];
        if (M < 4 * blocking.MR * count) {
          // too few rows to share: blocks of whole NR-column panels (each thread packs its columns of B, all of A)
          const chunk = Math.ceil(N / count / blocking.NR) * blocking.NR;
          for (let j0 = 0, t = 0; j0 < N; j0 += chunk, t++) {
            const n = Math.min(chunk, N - j0);
            parts.push([
              M,
              n,
              K,
              alpha,
              beta,
              a,
              rsa,
              csa,
              b + E * j0 * csb,
              rsb,
              csb,
              c + E * j0,
              ldc,
              work + t * workBytes,
            ]);
          }
        } else {
          // blocks of whole MR-row panels: each thread packs its own rows of A and all of B (duplicating B's
          // packing, which for a row-major B is a vector copy, rather than A's, which gathers lane by lane)
          const chunk = Math.ceil(M / count / blocking.MR) * blocking.MR;
          for (let i0 = 0, t = 0; i0 < M; i0 += chunk, t++) {
            const m = Math.min(chunk, M - i0);
            parts.push([
              m,
              N,
              K,
              alpha,
              beta,
              a + E * i0 * rsa,
              rsa,
              csa,
              b,
              rsb,
              csb,
              c + E * i0 * ldc,
              ldc,
              work + t * workBytes,
            ]);
          }
        }
        threads.run(type, parts);
      },
    },
    single,
  );
  return (tA, tB, M, N, K, alpha, A, a1, a2, oA, B, b1, b2, oB, beta, C, c1, c2, oC) => {
    count = threads.available();
    const kernel = count > 1 && threadsPayOff(M, N, K, count) ? split : single;
    kernel(tA, tB, M, N, K, alpha, A, a1, a2, oA, B, b1, b2, oB, beta, C, c1, c2, oC);
  };
}
