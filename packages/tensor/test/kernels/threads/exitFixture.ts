// A program for threadsExit.test.ts (bundled and run in a child process): turns on two threads, runs a gemm that
// splits over them, prints what happened, and then simply ends. It must exit by itself: the workers are unref'd.
import { getKernels } from '../../../src/kernels/dispatch.js';
import { ready } from '../../../src/kernels/wasm/ready.js';
import { kernelThreads, setKernelThreads } from '../../../src/node.js';

await ready();
const n = 256;
const A = new Float32Array(n * n).map((_, i) => Math.sin(i));
const C1 = new Float32Array(n * n);
const C2 = new Float32Array(n * n);
getKernels().sgemm('no-transpose', 'transpose', n, n, n, 1, A, n, 1, 0, A, n, 1, 0, 0, C1, n, 1, 0);
const threads = await setKernelThreads(2);
getKernels().sgemm('no-transpose', 'transpose', n, n, n, 1, A, n, 1, 0, A, n, 1, 0, 0, C2, n, 1, 0);
console.log(JSON.stringify({ threads, active: kernelThreads().active, same: C1.every((v, i) => Object.is(v, C2[i])) }));
