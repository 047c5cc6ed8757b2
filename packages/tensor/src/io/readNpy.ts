import type { DType } from '../core/dtype.js';
import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { decodeElements, type ElementEncoding } from './decodeElements.js';
import { parsePythonLiteral } from './parsePythonLiteral.js';
import { rowMajorCopy } from './rowMajorBytes.js';

/** The six bytes every `.npy` file starts with: `\x93NUMPY`. */
export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] as const;

/**
 * Reads a NumPy `.npy` file from its bytes into a new row-major tensor (the bytes are copied, never aliased).
 *
 * Header versions 1.0, 2.0 and 3.0 are read, in C or Fortran order, little- or big-endian. dtypes:
 * `f4` -> float32, `f8` -> float64, `i4` -> int32, `b1` -> bool, and converted on the way in:
 * `f2` -> float32 (exact), `i1`/`i2`/`u1`/`u2` -> int32 (exact), `i8`/`u4`/`u8` -> int32 when every value fits
 * (otherwise an error). Complex, string, object, datetime and structured dtypes are refused with an error.
 *
 * Shapes: the header's `shape` -> a tensor of that shape (`()` gives a scalar).
 *
 * @example
 * import { readNpy, writeNpy, tensor } from '@attn/tensor';
 * const t = readNpy(writeNpy(tensor([[1, 2], [3, 4]])));
 * t.shape; // [2, 2]
 */
export function readNpy(bytes: Uint8Array): Tensor {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(
      `readNpy: expected the file's bytes as a Uint8Array, got ${Object.prototype.toString.call(bytes)}`,
    );
  }
  return parseNpy('readNpy', 'the file', bytes);
}

/** The work of {@link readNpy}; `fn` and `what` name the caller and the file in errors (readNpz passes an entry). */
export function parseNpy(fn: string, what: string, bytes: Uint8Array): Tensor {
  if (bytes.length < 6 || NPY_MAGIC.some((b, i) => bytes[i] !== b)) {
    const head = Array.from(bytes.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new SyntaxError(
      `${fn}: ${what} is not a .npy file (bad magic: expected 93 4e 55 4d 50 59 ("\\x93NUMPY"), got ${head || 'nothing'})`,
    );
  }
  if (bytes.length < 10)
    throw new RangeError(`${fn}: ${what} is truncated: ${bytes.length} bytes, too short for a .npy header`);
  const major = bytes[6];
  const minor = bytes[7];
  if (major < 1 || major > 3) {
    throw new SyntaxError(`${fn}: ${what} is .npy format version ${major}.${minor}; only 1.0, 2.0 and 3.0 are known`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const prefix = major === 1 ? 10 : 12;
  if (bytes.length < prefix) throw new RangeError(`${fn}: ${what} is truncated inside the .npy header length`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (prefix + headerLength > bytes.length) {
    throw new RangeError(
      `${fn}: ${what} is truncated: its .npy header claims ${headerLength} bytes but only ${bytes.length - prefix} follow`,
    );
  }
  const headerBytes = bytes.subarray(prefix, prefix + headerLength);
  const text =
    major === 3
      ? new TextDecoder('utf-8', { fatal: false }).decode(headerBytes)
      : Array.from(headerBytes, (b) => String.fromCharCode(b)).join('');
  const header = parsePythonLiteral(fn, text);
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new SyntaxError(`${fn}: the .npy header of ${what} is not a dict: ${text.trim()}`);
  }
  const { descr, fortran_order: fortran, shape } = header;
  if (Array.isArray(descr)) {
    throw new TypeError(
      `${fn}: ${what} holds a structured dtype (${text.trim()}); only plain numeric and bool dtypes are read`,
    );
  }
  if (typeof descr !== 'string') throw new SyntaxError(`${fn}: the .npy header of ${what} has no 'descr' string`);
  if (typeof fortran !== 'boolean')
    throw new SyntaxError(`${fn}: the .npy header of ${what} has no 'fortran_order' True/False`);
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw new SyntaxError(
      `${fn}: the .npy header of ${what} has no 'shape' tuple of non-negative integers: ${text.trim()}`,
    );
  }
  const dims = shape as number[];
  const enc = npyEncoding(fn, what, descr);
  let count = 1;
  for (const d of dims) {
    count *= d;
    if (!Number.isSafeInteger(count))
      throw new RangeError(`${fn}: the shape ${showShape(dims)} of ${what} is too large`);
  }
  const start = prefix + headerLength;
  const needed = count * enc.size;
  const have = bytes.length - start;
  if (needed !== have) {
    throw new RangeError(
      `${fn}: ${what} has ${have} bytes of data but shape ${showShape(dims)} of ${descr} needs ${needed}` +
        (needed > have ? ' (the file is truncated)' : ' (the file has trailing bytes)'),
    );
  }
  const { dtype, data } = decodeElements(fn, what, enc, bytes, start, count);
  if (!fortran || dims.length < 2) return makeTensor(dtype, data, dims);
  // Fortran order: the first axis moves fastest. Read it as such a view, then copy to row-major.
  const strides: number[] = [];
  let s = 1;
  for (const d of dims) {
    strides.push(s);
    s *= d;
  }
  return makeTensor(dtype as DType, rowMajorCopy(makeTensor(dtype, data, dims, strides)), dims);
}

/** Understands a `.npy` `descr` like `<f4`, or throws naming the caller and what is unsupported. */
function npyEncoding(fn: string, what: string, descr: string): ElementEncoding {
  const m = /^([<>|=]?)([a-zA-Z?])(\d+)$/.exec(descr);
  const unsupported = (why: string): never => {
    throw new TypeError(
      `${fn}: ${what} has dtype '${descr}', ${why} (supported: f2 f4 f8, i1 i2 i4 i8, u1 u2 u4 u8, b1; little- or big-endian)`,
    );
  };
  if (!m) return unsupported('which is not a plain dtype');
  const [, order, code, digits] = m;
  const size = Number(digits);
  const kinds: Record<string, ElementEncoding['kind']> = { f: 'float', i: 'int', u: 'uint', b: 'bool', '?': 'bool' };
  const kind = kinds[code];
  if (kind === undefined) return unsupported(`whose kind '${code}' is not supported`);
  const ok =
    (kind === 'float' && (size === 2 || size === 4 || size === 8)) ||
    ((kind === 'int' || kind === 'uint') && (size === 1 || size === 2 || size === 4 || size === 8)) ||
    (kind === 'bool' && size === 1);
  if (!ok) return unsupported(`whose width ${size} is not supported for this kind`);
  if (size > 1 && order !== '<' && order !== '>') {
    return unsupported(`whose byte order '${order}' is ambiguous for a ${size}-byte type`);
  }
  return { kind, size: size as ElementEncoding['size'], littleEndian: order !== '>', name: descr };
}
