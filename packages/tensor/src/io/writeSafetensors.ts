import { isTensor } from '../core/isTensor.js';
import type { Tensor } from '../core/Tensor.js';
import { ITEM_SIZE, rowMajorBytes } from './rowMajorBytes.js';

/** The safetensors name of each dtype. */
const NAME = { float32: 'F32', float64: 'F64', int32: 'I32', bool: 'BOOL' } as const;

/**
 * Writes named tensors as the bytes of a `.safetensors` file. Views are written as their logical row-major
 * content, bit for bit. As the reference implementation does, tensors are laid out widest dtype first (then
 * by name) so every tensor's data is aligned, and the header is padded with spaces to a multiple of 8 bytes.
 * `metadata` (string to string) goes in the header's `__metadata__`.
 *
 * Shapes: each tensor keeps its own shape and dtype (`F32`, `F64`, `I32`, `BOOL`).
 *
 * @example
 * import { writeSafetensors, tensor } from '@attn/tensor';
 * const bytes = writeSafetensors({ weight: tensor([[1, 2], [3, 4]]) }, { format: 'pt' });
 */
export function writeSafetensors(tensors: Record<string, Tensor>, metadata?: Record<string, string>): Uint8Array {
  const fn = 'writeSafetensors';
  if (typeof tensors !== 'object' || tensors === null || isTensor(tensors)) {
    throw new TypeError(`${fn}: expected a record of named tensors, like { weight: tensor(...) }`);
  }
  const header: Record<string, unknown> = {};
  if (metadata !== undefined) {
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== 'string')
        throw new TypeError(`${fn}: metadata.${k} is ${typeof v}; safetensors metadata values are strings`);
    }
    header.__metadata__ = metadata;
  }
  const entries = Object.entries(tensors);
  for (const [name, t] of entries) {
    if (!isTensor(t)) throw new TypeError(`${fn}: tensors.${name} is not a tensor`);
    if (name === '__metadata__') throw new RangeError(`${fn}: the name __metadata__ is reserved`);
  }
  entries.sort(([a, s], [b, t]) => ITEM_SIZE[t.dtype] - ITEM_SIZE[s.dtype] || (a < b ? -1 : a > b ? 1 : 0));
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of entries) {
    const data = rowMajorBytes(t);
    header[name] = { dtype: NAME[t.dtype], shape: [...t.shape], data_offsets: [offset, offset + data.length] };
    chunks.push(data);
    offset += data.length;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let p = 8 + headerLength;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
