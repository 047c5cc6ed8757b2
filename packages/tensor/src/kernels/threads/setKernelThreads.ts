import { useParallelGemms } from '../dispatch.js';
import type { GemmKernel } from '../Kernels.js';
import { makeParallelGemm } from './makeParallelGemm.js';
import { type GemmThreads, startGemmThreads } from './startGemmThreads.js';

let requested = 1;
let current: GemmThreads | null = null;
let starting: Promise<number> | null = null;

/**
 * Splits large gemms (float32 and float64, on the WebAssembly SIMD path) over `n` threads from now on: the calling
 * thread and `n - 1` Node worker threads sharing one WebAssembly memory; `n = 1` (the default) stops them. Node
 * only, and opt-in: the package never starts a thread on its own. The API stays synchronous (the calling thread
 * blocks in `Atomics.wait` for the others), calls below about 128^3 multiply-adds keep one thread, and the
 * workers never keep the process alive. Resolves to the number of threads in use once the workers are ready
 * (until then, calls run on one thread); a worker that cannot start leaves one thread. Results are identical to
 * one thread's.
 *
 * @example
 * import { setKernelThreads } from '@attn/tensor/node';
 * await setKernelThreads(2); // matmul of 512 x 512 now uses two cores
 */
export function setKernelThreads(n: number): Promise<number> {
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new RangeError(`setKernelThreads: n must be an integer from 1 to 64, got ${n}`);
  }
  requested = n;
  current?.stop();
  current = null;
  useParallelGemms(null);
  if (n === 1) {
    starting = Promise.resolve(1);
    return starting;
  }
  const attempt: Promise<number> = startGemmThreads(n - 1).then(
    (threads): number => {
      if (starting !== attempt) {
        threads.stop(); // a later setKernelThreads call superseded this one
        return kernelThreads().active;
      }
      current = threads;
      useParallelGemms({
        sgemm: (single: GemmKernel<Float32Array>) => makeParallelGemm(threads, 'float32', single),
        dgemm: (single: GemmKernel<Float64Array>) => makeParallelGemm(threads, 'float64', single),
      });
      return threads.available();
    },
    () => (starting === attempt ? 1 : kernelThreads().active),
  );
  starting = attempt;
  return attempt;
}

/**
 * How many threads gemms were asked to use (`setKernelThreads`) and how many are ready now.
 *
 * @example
 * kernelThreads(); // { requested: 1, active: 1 } by default
 */
export function kernelThreads(): { requested: number; active: number } {
  return { requested, active: current === null ? 1 : current.available() };
}
