// Peer contenders: tfjs-backend-cpu and tfjs-backend-wasm (XNNPACK, one thread, its .wasm files from its dist
// folder). Both run 2-D matMul without transposeB, the only call tfjs-backend-wasm takes its fast path for.
import { createRequire } from 'node:module';
import path from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);
setWasmPaths(`${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}${path.sep}`);
setThreadsCount(1);

/** Switches tfjs to `backend` ('cpu' or 'wasm') and waits until it is ready. */
export async function useTfjsBackend(backend) {
  await tf.setBackend(backend);
  await tf.ready();
}

/**
 * Prepares C = A B for n x n float32 operands on the current tfjs backend; the returned function runs it once and
 * reads C back (dataSync), as a caller would.
 */
export function tfjsGemm(n, A, B) {
  const a = tf.tensor2d(A, [n, n]);
  const b = tf.tensor2d(B, [n, n]);
  return () => {
    const c = tf.matMul(a, b);
    const data = c.dataSync();
    c.dispose();
    return data;
  };
}

/**
 * Prepares C = A B for an M x K and a K x N float32 matrix on the current tfjs backend; the returned function runs
 * it once and reads C back (dataSync).
 */
export function tfjsMatMul(M, K, N, A, B) {
  const a = tf.tensor2d(A, [M, K]);
  const b = tf.tensor2d(B, [K, N]);
  return () => {
    const c = tf.matMul(a, b);
    const data = c.dataSync();
    c.dispose();
    return data;
  };
}
