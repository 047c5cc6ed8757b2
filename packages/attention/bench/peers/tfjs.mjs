// Peer contenders: tfjs-backend-wasm (XNNPACK, one thread) and tfjs-backend-cpu, composing attention the fastest
// way they allow: per head, 2-D matMuls only (tfjs-backend-wasm takes its fast path for 2-D matMul without
// transposeB, so K is transposed once per head and call), scale, optional additive causal mask, softmax, matMul.
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
 * Prepares attention for [1, heads, tokens, dim] float32 Q, K, V (row-major) on the CURRENT backend (tensors live
 * there); the returned function runs every head once and reads the outputs back (dataSync).
 */
export function tfjsAttention({ heads, tokens, dim, causal }, Q, K, V) {
  const block = tokens * dim;
  const head = (X, h) => tf.tensor2d(X.subarray(h * block, (h + 1) * block), [tokens, dim]);
  const q = Array.from({ length: heads }, (_, h) => head(Q, h));
  const k = Array.from({ length: heads }, (_, h) => head(K, h));
  const v = Array.from({ length: heads }, (_, h) => head(V, h));
  const scale = tf.scalar(1 / Math.sqrt(dim));
  let mask = null;
  if (causal) {
    const m = new Float32Array(tokens * tokens);
    for (let i = 0; i < tokens; i++) for (let j = i + 1; j < tokens; j++) m[i * tokens + j] = -1e30;
    mask = tf.tensor2d(m, [tokens, tokens]);
  }
  return () => {
    const outs = tf.tidy(() =>
      q.map((qh, h) => {
        let s = tf.mul(tf.matMul(qh, tf.transpose(k[h])), scale);
        if (mask) s = tf.add(s, mask);
        return tf.matMul(tf.softmax(s), v[h]);
      }),
    );
    const data = outs.map((o) => o.dataSync());
    for (const o of outs) o.dispose();
    return data;
  };
}
