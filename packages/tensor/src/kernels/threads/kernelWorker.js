// The body of one gemm worker thread (Node worker_threads). Plain JavaScript on purpose: Node starts a worker from
// a file, and this file is the same in the sources (tests) and in dist/ (tsup copies it as its own entry).
//
// It receives the compiled shared-memory gemm module, the shared memory and its control block, instantiates the
// module over that memory, says it is ready, and then sleeps in Atomics.wait until the main thread posts a job:
// a block of C to compute (see jobSlots.ts for the layout of a slot). It never touches the event loop again, so
// it holds nothing that keeps the process alive (the main thread also unrefs it).
import { parentPort, workerData } from 'node:worker_threads';

const { module, memory, control, slot } = workerData;
const ints = new Int32Array(control);
const floats = new Float64Array(control);
const base = slot * 32; // Int32 index of this worker's slot (128 bytes, its own cache lines)
const IDLE = 0;
const RUN = 1;
const QUIT = 2;
const BUSY = 3;

try {
  const { sgemm, dgemm } = new WebAssembly.Instance(module, { env: { memory } }).exports;
  Atomics.store(ints, base + 1, 1); // ready
  parentPort.postMessage('ready');
  for (;;) {
    Atomics.wait(ints, base, IDLE);
    const state = Atomics.load(ints, base);
    if (state === QUIT) break;
    // take the job (RUN -> BUSY) unless the main thread, done with its own block first, took it back meanwhile
    if (state !== RUN || Atomics.compareExchange(ints, base, RUN, BUSY) !== RUN) continue;
    const gemm = ints[base + 2] === 0 ? sgemm : dgemm;
    const [M, N, K, a, rsa, csa, b, rsb, csb, c, ldc, work] = ints.subarray(base + 3, base + 15);
    gemm(M, N, K, floats[base / 2 + 8], floats[base / 2 + 9], a, rsa, csa, b, rsb, csb, c, ldc, work);
    Atomics.store(ints, base, IDLE);
    Atomics.notify(ints, base);
  }
} catch {
  // broken (cannot instantiate, or a trap): the main thread stops handing this worker jobs and runs its block
  Atomics.store(ints, base + 1, -1);
  Atomics.store(ints, base, IDLE);
  Atomics.notify(ints, base);
}
