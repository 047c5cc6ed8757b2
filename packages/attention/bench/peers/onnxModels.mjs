// ONNX models for the onnxruntime-web peer, written as protobuf bytes by the tensor benchmark's tiny encoder
// (packages/tensor/bench/peers/protobuf.mjs) plus node attributes and initializers: no model file to download, no
// protobuf package.
//
// - attentionModel: ONNX's opset-23 `Attention` operator as a one-node graph, Q, K, V [B, H, T, d] -> Y.
// - multiHeadLayerModel: the whole multi-head attention layer (PyTorch's nn.MultiheadAttention, batch_first) as a
//   graph: three MatMul + Add projections, Attention with q_num_heads = kv_num_heads = H on [B, T, E], and the
//   output MatMul + Add, the weights stored as initializers.

import { bytes, float32, int, tensorInfo } from '../../../tensor/bench/peers/protobuf.mjs';

/** AttributeProto: name (1), f (2) or i (3), type (20): FLOAT = 1, INT = 2. */
const intAttribute = (name, value) => [...bytes(1, name), ...int(3, value), ...int(20, 2)];
const floatAttribute = (name, value) => [...bytes(1, name), ...float32(2, value), ...int(20, 1)];

/** NodeProto: input (1), output (2), name (3), op_type (4), attribute (5). */
function node(op, inputs, outputs, attributes = []) {
  return [
    ...inputs.flatMap((x) => bytes(1, x)),
    ...outputs.flatMap((y) => bytes(2, y)),
    ...bytes(3, `${op.toLowerCase()}_${outputs[0]}`),
    ...bytes(4, op),
    ...attributes.flatMap((a) => bytes(5, a)),
  ];
}

/** TensorProto of float32 data: dims (1), data_type (2) = FLOAT, name (8), raw_data (9) little-endian. */
function initializer(name, dims, data) {
  const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return [...dims.flatMap((d) => int(1, d)), ...int(2, 1), ...bytes(8, name), ...bytes(9, Array.from(raw))];
}

/** ModelProto (IR version 11, the one of opset 23): ir_version (1), producer (2), graph (7), opset_import (8). */
function model(graph) {
  const opset = [...bytes(1, ''), ...int(2, 23)];
  return new Uint8Array([...int(1, 11), ...bytes(2, 'attn-bench'), ...bytes(7, graph), ...bytes(8, opset)]);
}

/**
 * One `Attention` node (opset 23): Y = softmax(Q K^T * scale [+ causal mask]) V for Q, K, V [B, H, T, d].
 * @param {{ batch: number, heads: number, tokens: number, dim: number, causal: boolean }} shape
 * @returns {Uint8Array}
 */
export function attentionModel({ batch, heads, tokens, dim, causal }) {
  const dims = [batch, heads, tokens, dim];
  const graph = [
    ...bytes(1, node('Attention', ['Q', 'K', 'V'], ['Y'], [intAttribute('is_causal', causal ? 1 : 0)])),
    ...bytes(2, 'attention'),
    ...bytes(11, tensorInfo('Q', dims)),
    ...bytes(11, tensorInfo('K', dims)),
    ...bytes(11, tensorInfo('V', dims)),
    ...bytes(12, tensorInfo('Y', dims)),
  ];
  return model(graph);
}

/**
 * The multi-head attention layer: Y = Attention(X Wq^T + bq, X Wk^T + bk, X Wv^T + bv) Wo^T + bo, X [B, T, E].
 * Weights in PyTorch's layout ([out, in]) are stored transposed, as ONNX's MatMul wants them.
 * @param {{ batch: number, tokens: number, embed: number, heads: number }} shape
 * @param {{ wq: Float32Array, wk: Float32Array, wv: Float32Array, wo: Float32Array,
 *   bq: Float32Array, bk: Float32Array, bv: Float32Array, bo: Float32Array }} w  weights [E, E] row-major, biases [E]
 * @returns {Uint8Array}
 */
export function multiHeadLayerModel({ batch, tokens, embed, heads }, w) {
  const transpose = (m) => {
    const out = new Float32Array(embed * embed);
    for (let i = 0; i < embed; i++) for (let j = 0; j < embed; j++) out[j * embed + i] = m[i * embed + j];
    return out;
  };
  const nodes = [];
  const inits = [];
  for (const p of ['q', 'k', 'v']) {
    inits.push(initializer(`W${p}`, [embed, embed], transpose(w[`w${p}`])), initializer(`b${p}`, [embed], w[`b${p}`]));
    nodes.push(node('MatMul', ['X', `W${p}`], [`${p}0`]), node('Add', [`${p}0`, `b${p}`], [p]));
  }
  inits.push(initializer('Wo', [embed, embed], transpose(w.wo)), initializer('bo', [embed], w.bo));
  nodes.push(
    node(
      'Attention',
      ['q', 'k', 'v'],
      ['a'],
      [
        intAttribute('q_num_heads', heads),
        intAttribute('kv_num_heads', heads),
        floatAttribute('scale', 1 / Math.sqrt(embed / heads)),
      ],
    ),
    node('MatMul', ['a', 'Wo'], ['y0']),
    node('Add', ['y0', 'bo'], ['Y']),
  );
  const graph = [
    ...nodes.flatMap((n) => bytes(1, n)),
    ...bytes(2, 'multi_head_attention'),
    ...inits.flatMap((t) => bytes(5, t)),
    ...bytes(11, tensorInfo('X', [batch, tokens, embed])),
    ...bytes(12, tensorInfo('Y', [batch, tokens, embed])),
  ];
  return model(graph);
}
