// A one-node ONNX model, C = MatMul(A, B) with A [M, K] and B [K, N] float32, written as protobuf bytes by a
// tiny encoder (varints and length-delimited fields are all ModelProto needs): no model file to download.

const utf8 = new TextEncoder();

function varint(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

/** A varint field (wire type 0). */
const int = (field, value) => [...varint((field << 3) | 0), ...varint(value)];
/** A length-delimited field (wire type 2): a string or an embedded message. */
function bytes(field, payload) {
  const body = typeof payload === 'string' ? [...utf8.encode(payload)] : payload;
  return [...varint((field << 3) | 2), ...varint(body.length), ...body];
}

/** ValueInfoProto of a float32 tensor: name (1), type (2) = TypeProto { tensor_type (1) { elem_type (1), shape (2) } }. */
function tensorInfo(name, dims) {
  const shape = dims.flatMap((d) => bytes(1, int(1, d))); // TensorShapeProto.dim { dim_value }
  const tensorType = [...int(1, 1 /* FLOAT */), ...bytes(2, shape)];
  return [...bytes(1, name), ...bytes(2, bytes(1, tensorType))];
}

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
