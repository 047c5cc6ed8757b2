import { makeTensor } from '../core/makeTensor.js';
import { showShape } from '../core/shape.js';
import type { Tensor } from '../core/Tensor.js';
import { decodeElements, type ElementEncoding } from './decodeElements.js';

/** The safetensors dtypes that are read, and how they are encoded (always little-endian). */
const ENCODINGS: Record<string, Omit<ElementEncoding, 'littleEndian' | 'name'>> = {
  F64: { kind: 'float', size: 8 },
  F32: { kind: 'float', size: 4 },
  F16: { kind: 'float', size: 2 },
  BF16: { kind: 'bfloat', size: 2 },
  I64: { kind: 'int', size: 8 },
  I32: { kind: 'int', size: 4 },
  I16: { kind: 'int', size: 2 },
  I8: { kind: 'int', size: 1 },
  U64: { kind: 'uint', size: 8 },
  U32: { kind: 'uint', size: 4 },
  U16: { kind: 'uint', size: 2 },
  U8: { kind: 'uint', size: 1 },
  BOOL: { kind: 'bool', size: 1 },
};

/**
 * Reads a `.safetensors` file (Hugging Face's format: an 8-byte little-endian header length, a JSON header,
 * then raw little-endian data) from its bytes into a record of new tensors, keyed by tensor name.
 *
 * dtypes: `F32` -> float32, `F64` -> float64, `I32` -> int32, `BOOL` -> bool; `F16` and `BF16` -> float32
 * (exact: every half value is a float32 value); `I8`, `I16`, `U8`, `U16` -> int32 (exact; `U8` is read as
 * numbers, never as a mask); `I64`, `U32`, `U64` -> int32 when every value fits, else an error. The float8
 * and complex dtypes are refused. The `__metadata__` entry is not returned.
 *
 * Shapes: each entry's `shape` -> a tensor of that shape.
 *
 * @example
 * import { readSafetensors, writeSafetensors, tensor } from '@attn/tensor';
 * const { weight } = readSafetensors(writeSafetensors({ weight: tensor([[1, 2], [3, 4]]) }));
 */
export function readSafetensors(bytes: Uint8Array): Record<string, Tensor> {
  const fn = 'readSafetensors';
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(
      `${fn}: expected the file's bytes as a Uint8Array, got ${Object.prototype.toString.call(bytes)}`,
    );
  }
  if (bytes.length < 8)
    throw new RangeError(`${fn}: the file is ${bytes.length} bytes, too short for the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) {
    throw new RangeError(
      `${fn}: the header length ${headerLength} is beyond the file (only ${bytes.length - 8} bytes follow); is this a .safetensors file?`,
    );
  }
  const dataStart = 8 + Number(headerLength);
  const dataLength = bytes.length - dataStart;
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, dataStart)));
  } catch (e) {
    throw new SyntaxError(`${fn}: the header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new SyntaxError(`${fn}: the header is not a JSON object`);
  }

  const out: Record<string, Tensor> = Object.create(null);
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    const what = `tensor ${JSON.stringify(name)}`;
    const bad = (why: string): never => {
      throw new SyntaxError(`${fn}: ${what} ${why}`);
    };
    if (typeof info !== 'object' || info === null) bad('has no {dtype, shape, data_offsets} entry');
    const { dtype, shape, data_offsets: offsets } = info as Record<string, unknown>;
    if (typeof dtype !== 'string') return bad('has no dtype string');
    const base = ENCODINGS[dtype];
    if (base === undefined) {
      throw new TypeError(
        `${fn}: ${what} has dtype ${JSON.stringify(dtype)}, which is not supported (supported: ${Object.keys(ENCODINGS).join(', ')})`,
      );
    }
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      return bad(`has shape ${JSON.stringify(shape)}, not an array of non-negative integers`);
    }
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) ||
      offsets[0] > offsets[1]
    ) {
      return bad(`has data_offsets ${JSON.stringify(offsets)}, not a pair [begin, end] with 0 <= begin <= end`);
    }
    const [begin, end] = offsets as number[];
    if (end > dataLength) {
      throw new RangeError(`${fn}: ${what} has data_offsets [${begin},${end}] beyond the ${dataLength} bytes of data`);
    }
    let count = 1;
    for (const d of shape as number[]) count *= d;
    if (count * base.size !== end - begin) {
      throw new RangeError(
        `${fn}: ${what} of shape ${showShape(shape)} and dtype ${dtype} needs ${count * base.size} bytes but data_offsets [${begin},${end}] hold ${end - begin}`,
      );
    }
    const enc: ElementEncoding = { ...base, littleEndian: true, name: dtype };
    const decoded = decodeElements(fn, what, enc, bytes, dataStart + begin, count);
    out[name] = makeTensor(decoded.dtype, decoded.data, shape as number[]);
  }
  return out;
}
