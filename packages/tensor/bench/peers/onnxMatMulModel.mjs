// A one-node ONNX model, C = MatMul(A, B) with A [M, K] and B [K, N] float32, written as protobuf bytes by
// ./protobuf.mjs: no model file to download.

import { bytes, int, tensorInfo } from './protobuf.mjs';

/**
 * The bytes of an ONNX ModelProto (IR version 8, opset 13) computing C = A B for A [M, K], B [K, N].
 * @param {number} M @param {number} N @param {number} K
 * @returns {Uint8Array}
 */
export function onnxMatMulModel(M, N, K) {
  const node = [...bytes(1, 'A'), ...bytes(1, 'B'), ...bytes(2, 'C'), ...bytes(3, 'matmul'), ...bytes(4, 'MatMul')];
  const graph = [
    ...bytes(1, node),
    ...bytes(2, 'gemm'),
    ...bytes(11, tensorInfo('A', [M, K])),
    ...bytes(11, tensorInfo('B', [K, N])),
    ...bytes(12, tensorInfo('C', [M, N])),
  ];
  const opset = [...bytes(1, ''), ...int(2, 13)];
  return new Uint8Array([...int(1, 8), ...bytes(2, 'attn-bench'), ...bytes(7, graph), ...bytes(8, opset)]);
}
