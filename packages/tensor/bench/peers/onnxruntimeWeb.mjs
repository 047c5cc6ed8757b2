// Peer contender: onnxruntime-web (WebAssembly, one thread) running a one-node MatMul model built in code.
import * as ort from 'onnxruntime-web';
import { onnxMatMulModel } from './onnxMatMulModel.mjs';

ort.env.wasm.numThreads = 1;

/**
 * Prepares C = A B for n x n float32 operands (A, B given). Returns an async function running it once
 * (ort's API is async); the output is read back (getData) as a caller would.
 */
export async function onnxruntimeWebGemm(n, A, B) {
  const session = await ort.InferenceSession.create(onnxMatMulModel(n, n, n), { executionProviders: ['wasm'] });
  const feeds = { A: new ort.Tensor('float32', A, [n, n]), B: new ort.Tensor('float32', B, [n, n]) };
  return async () => {
    const { C } = await session.run(feeds);
    const data = C.data;
    C.dispose();
    return data;
  };
}
