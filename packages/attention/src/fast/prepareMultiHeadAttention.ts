import { makeTensor, type Tensor } from '@attn/tensor';
import type { MultiHeadAttentionParams } from '../attention/MultiHeadAttentionParams.js';
import { assertFloatTensor, assertPositiveInteger } from '../internal/validate.js';

/** A copy of a `[out, in]` weight stored column-major (W^T contiguous), viewed back as `[out, in]`. */
function columnMajor(w: Tensor): Tensor {
  const [rows, cols] = w.shape;
  const src = w.data;
  const data = w.dtype === 'float32' ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, from = w.offset + i * w.strides[0]; j < cols; j++, from += w.strides[1])
      data[j * rows + i] = src[from];
  }
  return makeTensor(w.dtype, data, [rows, cols], [1, rows], 0);
}

/**
 * The same multi-head attention weights, re-laid out once for speed: every weight matrix copied column-major, so
 * W^T (what the projections x W^T multiply by) is contiguous. It is the layout the gemm packs fastest, the one
 * ONNX Runtime prepares its weights into when a session is created. The values, shapes (`[out, in]`, PyTorch's)
 * and results are unchanged, and `multiHeadAttention` accepts both layouts; biases are shared, not copied. The
 * copies are made once: prepare after loading or changing the weights, not per call.
 *
 * Shapes: the params' own (inProjWeight `[3E, E]` or q/k/vProjWeight, outProjWeight `[E, E]`).
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { initMultiHeadAttention, multiHeadAttention, prepareMultiHeadAttention } from '@attn/attention';
 * const params = prepareMultiHeadAttention(initMultiHeadAttention({ embedDim: 512, numHeads: 8, seed: 1 }));
 * const x = randn([1, 128, 512], { seed: 2 });
 * multiHeadAttention(x, x, x, params).output; // [1, 128, 512], the same numbers as with the params as drawn
 */
export function prepareMultiHeadAttention(params: MultiHeadAttentionParams): MultiHeadAttentionParams {
  const fn = 'prepareMultiHeadAttention';
  if (typeof params !== 'object' || params === null) throw new TypeError(`${fn}: params must be an object`);
  assertPositiveInteger(fn, 'numHeads', params.numHeads);
  const prepared: MultiHeadAttentionParams = { ...params };
  for (const name of ['inProjWeight', 'qProjWeight', 'kProjWeight', 'vProjWeight', 'outProjWeight'] as const) {
    const w = params[name];
    if (w === undefined) continue;
    assertFloatTensor(fn, `params.${name}`, w);
    if (w.shape.length !== 2) {
      throw new RangeError(`${fn}: params.${name} must be a matrix [out, in], got shape [${w.shape.join(', ')}]`);
    }
    prepared[name] = columnMajor(w);
  }
  return prepared;
}
