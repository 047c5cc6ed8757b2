// A tiny protobuf encoder for the onnxruntime-web peers' one-graph models (varints, fixed32 and length-delimited
// fields are all ModelProto needs): no model file to download, no protobuf package. Shared by the tensor and
// attention benchmarks.

const utf8 = new TextEncoder();

/** The base-128 varint bytes of a non-negative integer. */
export function varint(n) {
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
export const int = (field, value) => [...varint((field << 3) | 0), ...varint(value)];

/** A 32-bit float field (wire type 5). */
export function float32(field, value) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, value, true);
  return [...varint((field << 3) | 5), ...b];
}

/** A length-delimited field (wire type 2): a string, raw bytes or an embedded message. */
export function bytes(field, payload) {
  const body = typeof payload === 'string' ? [...utf8.encode(payload)] : payload;
  return [...varint((field << 3) | 2), ...varint(body.length), ...body];
}

/** ValueInfoProto of a float32 tensor: name (1), type (2) = TypeProto { tensor_type (1) { elem_type (1), shape (2) } }. */
export function tensorInfo(name, dims) {
  const shape = dims.flatMap((d) => bytes(1, int(1, d))); // TensorShapeProto.dim { dim_value }
  const tensorType = [...int(1, 1 /* FLOAT */), ...bytes(2, shape)];
  return [...bytes(1, name), ...bytes(2, bytes(1, tensorType))];
}
