import { Worker } from 'node:worker_threads';
import { decodeBase64 } from '../wasm/decodeBase64.js';
import { threadKernelsWasmBase64, threadsMaxPages } from './threadKernels.generated.js';

/** A job slot's state, the first Int32 of each worker's 128-byte slot (see kernelWorker.js). */
const IDLE = 0;
const RUN = 1;
const QUIT = 2;
const BUSY = 3;
/** Int32s per slot: state, ready, dtype, 12 gemm arguments, padding; alpha and beta as float64 at Int32 16..19. */
const SLOT = 32;

/** The element type of a job: 0 for float32 (the module's sgemm), 1 for float64 (dgemm). */
export type JobType = 0 | 1;

/** Worker threads sharing one WebAssembly memory, ready to compute blocks of a gemm (see {@link startGemmThreads}). */
export interface GemmThreads {
  /** The shared memory every thread's module instance works in. */
  readonly memory: WebAssembly.Memory;
  /** Threads that can take a block right now: the calling thread plus every worker that is ready. */
  available(): number;
  /**
   * Runs `parts.length` gemm blocks at once (each the 14 arguments of the module's gemm, see kernelWorker.js):
   * parts 1.. posted to workers, part 0 on the calling thread, and returns when all are done. A block that its
   * worker has not started by the time the calling thread is done with part 0 is taken back and run here, and so
   * is the block of a worker that broke. `parts.length` must not exceed {@link available}.
   */
  run(type: JobType, parts: readonly (readonly number[])[]): void;
  /** Asks every worker to exit (they are unref'd, so they never hold the process open anyway). */
  stop(): void;
  /** Blocks posted to workers so far, and how many of them the calling thread took back (see {@link run}). */
  readonly stats: { posted: number; takenBack: number };
}

/**
 * Starts `workers` Node worker threads over a new shared WebAssembly memory, each with its own instance of the
 * shared-memory gemm module (src/kernels/wasm/wat/threads.wat.mjs), and resolves once all are ready, or rejects
 * if one fails to start. The workers are unref'd: they never keep a process alive. Node only.
 *
 * @example
 * const threads = await startGemmThreads(1); // the main thread + one worker
 * threads.available(); // 2
 */
export async function startGemmThreads(workers: number): Promise<GemmThreads> {
  const module = await WebAssembly.compile(decodeBase64(threadKernelsWasmBase64) as Uint8Array<ArrayBuffer>);
  const memory = new WebAssembly.Memory({ initial: 1, maximum: threadsMaxPages, shared: true });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as {
    sgemm: (...args: number[]) => void;
    dgemm: (...args: number[]) => void;
  };
  const control = new SharedArrayBuffer(4 * SLOT * Math.max(1, workers));
  const ints = new Int32Array(control);
  const floats = new Float64Array(control);
  const url = new URL('./kernelWorker.js', import.meta.url);
  const started = Array.from({ length: workers }, (_, slot) => {
    const worker = new Worker(url, { workerData: { module, memory, control, slot } });
    worker.unref();
    // the worker posts 'ready' once its module instance exists (then it never touches its event loop again)
    return new Promise<Worker>((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.on('error', reject); // later errors only mark it broken (its ready flag), never reach the process
      worker.once('exit', (code) => reject(new Error(`startGemmThreads: worker ${slot} exited with code ${code}`)));
    });
  });
  const threads = await Promise.allSettled(started);
  const failed = threads.find((t) => t.status === 'rejected');
  if (failed) {
    for (const t of threads) if (t.status === 'fulfilled') void t.value.terminate();
    throw (failed as PromiseRejectedResult).reason;
  }
  const live = threads.map((t) => (t as PromiseFulfilledResult<Worker>).value);
  const ready = (slot: number) => Atomics.load(ints, slot * SLOT + 1) === 1;
  const runHere = (type: JobType, args: readonly number[]) => (type === 0 ? exports.sgemm : exports.dgemm)(...args);

  const stats = { posted: 0, takenBack: 0 };
  return {
    memory,
    stats,
    available() {
      let n = 1;
      for (let slot = 0; slot < workers; slot++) if (ready(slot)) n++;
      return n;
    },
    run(type, parts) {
      const posted: [slot: number, part: readonly number[]][] = [];
      let slot = 0;
      for (let p = 1; p < parts.length; p++) {
        while (slot < workers && !ready(slot)) slot++;
        if (slot === workers) {
          runHere(type, parts[p]); // no worker left to take it
          continue;
        }
        const at = slot * SLOT;
        const [M, N, K, alpha, beta, ...rest] = parts[p];
        ints[at + 2] = type;
        ints.set([M, N, K, ...rest], at + 3);
        floats[at / 2 + 8] = alpha;
        floats[at / 2 + 9] = beta;
        Atomics.store(ints, at, RUN);
        Atomics.notify(ints, at);
        posted.push([slot, parts[p]]);
        stats.posted++;
        slot++;
      }
      runHere(type, parts[0]);
      for (const [s, part] of posted) {
        // a worker that has not picked its block up yet (asleep, or its core busy elsewhere) loses it to this
        // thread: so a split call is never much slower than one thread, whatever else the machine runs
        if (Atomics.compareExchange(ints, s * SLOT, RUN, IDLE) === RUN) {
          stats.takenBack++;
          runHere(type, part);
          continue;
        }
        while (Atomics.load(ints, s * SLOT) === BUSY) Atomics.wait(ints, s * SLOT, BUSY);
        if (!ready(s)) runHere(type, part); // the worker broke before finishing its block
      }
    },
    stop() {
      for (let s = 0; s < workers; s++) {
        Atomics.store(ints, s * SLOT, QUIT);
        Atomics.notify(ints, s * SLOT);
      }
      for (const t of live) t.unref();
    },
  };
}
