import type { DataOf, DType } from '../core/dtype.js';
import { float16BitsToFloat32Bits } from './float16ToNumber.js';

/** True on little-endian hosts (all mainstream ones); files are converted from their byte order to this one. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * How elements are encoded in a file: a kind, a width in bytes and a byte order. `name` is the file's own
 * spelling (`<f2`, `BF16`), used in error messages.
 */
export interface ElementEncoding {
  kind: 'float' | 'bfloat' | 'int' | 'uint' | 'bool';
  size: 1 | 2 | 4 | 8;
  littleEndian: boolean;
  name: string;
}

/**
 * The dtype an encoding is read into: float16/bfloat16 widen to float32 (exact), every integer type to int32
 * (checked element by element for range), bool stays bool.
 */
export function dtypeForEncoding(enc: ElementEncoding): DType {
  if (enc.kind === 'bool') return 'bool';
  if (enc.kind === 'int' || enc.kind === 'uint') return 'int32';
  return enc.size === 8 ? 'float64' : 'float32';
}

function swapBytes(bytes: Uint8Array, size: number): void {
  for (let i = 0; i < bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

/**
 * Copies `count` elements encoded as `enc` from `bytes[start..]` into a new, properly aligned TypedArray of
 * {@link dtypeForEncoding}'s dtype. The caller has checked that the bytes are there. Same-width copies keep
 * every bit (NaN payloads, -0). `fn` and `what` name the caller and the array in errors.
 */
export function decodeElements(
  fn: string,
  what: string,
  enc: ElementEncoding,
  bytes: Uint8Array,
  start: number,
  count: number,
): { dtype: DType; data: DataOf<DType> } {
  const dtype = dtypeForEncoding(enc);
  const end = start + count * enc.size;
  const direct =
    (enc.kind === 'float' && enc.size >= 4) || (enc.kind === 'int' && enc.size === 4) || enc.kind === 'bool';
  if (direct) {
    // Copy into a fresh ArrayBuffer, so the TypedArray below is aligned whatever `start` was. (Not
    // bytes.slice(): on a Node Buffer that is a view into a shared pool, not a copy.)
    const copy = new Uint8Array(end - start);
    copy.set(bytes.subarray(start, end));
    if (enc.size > 1 && enc.littleEndian !== HOST_LITTLE_ENDIAN) swapBytes(copy, enc.size);
    if (dtype === 'bool') {
      for (let i = 0; i < copy.length; i++) if (copy[i] > 1) copy[i] = 1;
      return { dtype, data: copy };
    }
    if (dtype === 'float32') return { dtype, data: new Float32Array(copy.buffer) };
    if (dtype === 'float64') return { dtype, data: new Float64Array(copy.buffer) };
    return { dtype, data: new Int32Array(copy.buffer) };
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset + start, end - start);
  const le = enc.littleEndian;
  if (enc.kind === 'float' || enc.kind === 'bfloat') {
    const out = new Float32Array(count);
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) {
      const h = view.getUint16(2 * i, le);
      bits[i] = enc.kind === 'float' ? float16BitsToFloat32Bits(h) : (h << 16) >>> 0;
    }
    return { dtype, data: out };
  }

  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let v: number | bigint;
    const p = i * enc.size;
    if (enc.size === 1) v = enc.kind === 'int' ? view.getInt8(p) : view.getUint8(p);
    else if (enc.size === 2) v = enc.kind === 'int' ? view.getInt16(p, le) : view.getUint16(p, le);
    else if (enc.size === 4)
      v = view.getUint32(p, le); // int32 was copied directly above
    else v = enc.kind === 'int' ? view.getBigInt64(p, le) : view.getBigUint64(p, le);
    if (v > 2147483647 || v < -2147483648) {
      throw new RangeError(
        `${fn}: ${what} is ${enc.name} and holds ${v} at element ${i}, outside the int32 range ` +
          '(int32 is the only integer dtype; convert to float64 or int32 before saving)',
      );
    }
    out[i] = Number(v);
  }
  return { dtype, data: out };
}
