import type { DataOf, DType } from '../core/dtype.js';
import type { Tensor } from '../core/Tensor.js';
import { HOST_LITTLE_ENDIAN } from './decodeElements.js';

/** Bytes per element of each dtype. */
export const ITEM_SIZE = { float32: 4, float64: 8, int32: 4, bool: 1 } as const;

/**
 * A new row-major TypedArray holding the logical content of `t`, whatever its strides and offset.
 * Elements are moved as integers of their width, never through a JavaScript number, so every bit
 * (NaN payloads, -0) survives.
 */
export function rowMajorCopy<D extends DType>(t: Tensor<D>): DataOf<D> {
  const size = ITEM_SIZE[t.dtype];
  const words = size === 8 ? 2 : 1; // a float64 moves as two 32-bit words
  const { buffer, byteOffset } = t.data;
  const src =
    size === 1
      ? new Uint8Array(buffer, byteOffset, t.data.length)
      : new Uint32Array(buffer, byteOffset, t.data.length * words);
  let n = 1;
  for (const d of t.shape) n *= d;
  const out = size === 1 ? new Uint8Array(n) : new Uint32Array(n * words);
  const rank = t.shape.length;
  if (n > 0) {
    const index = new Array<number>(rank).fill(0);
    let pos = t.offset;
    for (let k = 0; k < n; k++) {
      if (words === 2) {
        out[2 * k] = src[2 * pos];
        out[2 * k + 1] = src[2 * pos + 1];
      } else out[k] = src[pos];
      // Odometer step: bump the last axis, carrying into earlier ones.
      for (let axis = rank - 1; axis >= 0; axis--) {
        if (++index[axis] < t.shape[axis]) {
          pos += t.strides[axis];
          break;
        }
        pos -= (t.shape[axis] - 1) * t.strides[axis];
        index[axis] = 0;
      }
    }
  }
  switch (t.dtype) {
    case 'float32':
      return new Float32Array(out.buffer) as DataOf<D>;
    case 'float64':
      return new Float64Array(out.buffer) as DataOf<D>;
    case 'int32':
      return new Int32Array(out.buffer) as DataOf<D>;
    default:
      return out as DataOf<D>;
  }
}

/** The logical content of `t` in row-major order as little-endian bytes (see {@link rowMajorCopy}). */
export function rowMajorBytes(t: Tensor): Uint8Array {
  const data = rowMajorCopy(t);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const size = ITEM_SIZE[t.dtype];
  if (!HOST_LITTLE_ENDIAN && size > 1) {
    for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  }
  return bytes;
}
