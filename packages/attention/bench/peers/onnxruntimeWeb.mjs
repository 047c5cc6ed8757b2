// Peer contender: onnxruntime-web (WebAssembly, one thread), running graphs built in code (./onnxModels.mjs):
// ONNX's opset-23 `Attention` operator alone, and the whole multi-head attention layer.
import * as ort from 'onnxruntime-web';
import { attentionModel, multiHeadLayerModel } from './onnxModels.mjs';

ort.env.wasm.numThreads = 1;

async function session(bytes) {
  return ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
}

/** Reads the output back as a caller would, then frees it. */
function readBack(result) {
  const data = result.Y.data;
  result.Y.dispose();
  return data;
}

/**
 * Prepares Attention(Q, K, V) for [1, heads, tokens, dim] float32 inputs (given, row-major); returns an async
 * function that runs it once and reads Y back.
 */
export async function onnxAttention({ heads, tokens, dim, causal }, Q, K, V) {
  const s = await session(attentionModel({ batch: 1, heads, tokens, dim, causal }));
  const dims = [1, heads, tokens, dim];
  const feeds = {
    Q: new ort.Tensor('float32', Q, dims),
    K: new ort.Tensor('float32', K, dims),
    V: new ort.Tensor('float32', V, dims),
  };
  return async () => readBack(await s.run(feeds));
}

/**
 * Prepares the multi-head attention layer for X [1, tokens, embed] with the given weights (see
 * multiHeadLayerModel); returns an async function that runs it once and reads Y back.
 */
export async function onnxMultiHeadLayer({ tokens, embed, heads }, X, weights) {
  const s = await session(multiHeadLayerModel({ batch: 1, tokens, embed, heads }, weights));
  const feeds = { X: new ort.Tensor('float32', X, [1, tokens, embed]) };
  return async () => readBack(await s.run(feeds));
}
