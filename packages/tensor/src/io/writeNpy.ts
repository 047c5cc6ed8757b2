import { DTYPES } from '../core/dtype.js';
import { isTensor } from '../core/isTensor.js';
import type { Tensor } from '../core/Tensor.js';
import { NPY_MAGIC } from './readNpy.js';
import { rowMajorBytes } from './rowMajorBytes.js';

/** The `.npy` `descr` of each dtype (little-endian; one byte needs no byte order). */
const DESCR = { float32: '<f4', float64: '<f8', int32: '<i4', bool: '|b1' } as const;

/**
 * Writes a tensor as the bytes of a NumPy `.npy` file (format 1.0, or 2.0 when the header needs it), C order.
 * A view is written as its logical row-major content; every bit of every element is kept (NaN payloads, -0).
 * The header follows NumPy's layout: a Python dict padded with spaces and a newline so data starts at a
 * multiple of 64 bytes.
 *
 * Shapes: any tensor -> a file of the same shape and dtype (`<f4`, `<f8`, `<i4`, `|b1`).
 *
 * @example
 * import { writeNpy, tensor } from '@attn/tensor';
 * const bytes = writeNpy(tensor([1, 2, 3]));
 * // np.load(...) in Python gives array([1., 2., 3.], dtype=float32)
 */
export function writeNpy(t: Tensor): Uint8Array {
  if (!isTensor(t)) throw new TypeError(`writeNpy: expected a tensor (one of ${DTYPES.join(', ')})`);
  return encodeNpy(t);
}

/** The work of {@link writeNpy}, after validation. */
export function encodeNpy(t: Tensor): Uint8Array {
  const shape = t.shape.length === 1 ? `(${t.shape[0]},)` : `(${t.shape.join(', ')})`;
  const dict = `{'descr': '${DESCR[t.dtype]}', 'fortran_order': False, 'shape': ${shape}, }`;
  // Version 1.0 stores the header length in 2 bytes; 2.0 in 4. Pad so magic + version + length + header is a
  // multiple of 64, the header ending in '\n'.
  let prefix = 10;
  let total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  if (total - prefix > 0xffff) {
    prefix = 12;
    total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  }
  const headerLength = total - prefix;
  const data = rowMajorBytes(t);
  const out = new Uint8Array(total + data.length);
  out.set(NPY_MAGIC, 0);
  out[6] = prefix === 10 ? 1 : 2;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (prefix === 10) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  const header = `${dict.padEnd(headerLength - 1, ' ')}\n`;
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(data, total);
  return out;
}
