import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTensor, type Tensor } from '../../src/core/index.js';
import { readSafetensors, writeSafetensors } from '../../src/io/index.js';
import { anyTensorArb } from '../support/arbitraries.js';
import { refElements } from '../support/reference.js';
import { ascii, bytesOf, concat, hex, le } from './bytes.js';

/** A .safetensors file built by hand: 8-byte little-endian header length, the JSON header, the data. */
function safetensorsFile(header: string, data: Uint8Array | number[]): Uint8Array {
  const json = ascii(header);
  return concat(le(json.length, 8), json, data);
}

function sameTensor(a: Tensor, b: Tensor): boolean {
  const x = refElements(a);
  const y = refElements(b);
  return a.dtype === b.dtype && a.shape.join() === b.shape.join() && x.every((v, i) => Object.is(v, y[i]));
}

describe('readSafetensors', () => {
  it('reads a hand-made file of every common dtype, unaligned offsets included', () => {
    const header = JSON.stringify({
      __metadata__: { format: 'pt' },
      h: { dtype: 'F16', shape: [5], data_offsets: [0, 10] },
      b: { dtype: 'BF16', shape: [2], data_offsets: [10, 14] },
      i: { dtype: 'I64', shape: [1, 2], data_offsets: [14, 30] },
      m: { dtype: 'BOOL', shape: [3], data_offsets: [30, 33] },
      u: { dtype: 'U8', shape: [2], data_offsets: [33, 35] },
      f: { dtype: 'F32', shape: [], data_offsets: [35, 39] },
      d: { dtype: 'F64', shape: [1], data_offsets: [39, 47] },
      e: { dtype: 'I32', shape: [0, 4], data_offsets: [47, 47] },
    });
    const data = concat(
      hex('003c 00c0 ff7b 0100 007c'), // F16: 1, -2, 65504, 2^-24, inf
      hex('803f 4940'), // BF16: 1, 3.140625
      le(2n ** 64n - 3n, 8), // I64: -3
      le(7, 8), // I64: 7
      [1, 0, 1], // BOOL
      [255, 7], // U8
      hex('0000c0bf'), // F32: -1.5 (at byte 35: not 4-aligned)
      hex('182d4454fb210940'), // F64: pi (at byte 39: not 8-aligned)
    );
    const out = readSafetensors(safetensorsFile(header, data));
    expect(Object.keys(out)).toEqual(['h', 'b', 'i', 'm', 'u', 'f', 'd', 'e']);
    expect(out.h.dtype).toBe('float32');
    expect(refElements(out.h)).toEqual([1, -2, 65504, 2 ** -24, Number.POSITIVE_INFINITY]);
    expect(out.b.dtype).toBe('float32');
    expect(refElements(out.b)).toEqual([1, 3.140625]);
    expect(out.i.dtype).toBe('int32');
    expect(out.i.shape).toEqual([1, 2]);
    expect(refElements(out.i)).toEqual([-3, 7]);
    expect(out.m.dtype).toBe('bool');
    expect(refElements(out.m)).toEqual([1, 0, 1]);
    expect(out.u.dtype).toBe('int32');
    expect(refElements(out.u)).toEqual([255, 7]);
    expect(out.f.shape).toEqual([]);
    expect(refElements(out.f)).toEqual([-1.5]);
    expect(out.d.data).toBeInstanceOf(Float64Array);
    expect(refElements(out.d)).toEqual([Math.PI]);
    expect(out.e.shape).toEqual([0, 4]);
  });

  it('keeps BF16 NaN payloads (bfloat16 is the top half of a float32)', () => {
    const file = safetensorsFile('{"x":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]}}', hex('c17f 0080'));
    expect(new Uint32Array(readSafetensors(file).x.data.buffer)).toEqual(new Uint32Array([0x7fc10000, 0x80000000]));
  });

  describe('malformed files give clear errors', () => {
    const t = (dtype: string, shape: unknown, offsets: unknown) =>
      JSON.stringify({ x: { dtype, shape, data_offsets: offsets } });
    const cases: [string, Uint8Array, RegExp][] = [
      ['too short', new Uint8Array(5), /readSafetensors: the file is 5 bytes, too short/],
      [
        'a header length beyond the file',
        concat(le(1n << 60n, 8), ascii('{}')),
        /header length 1152921504606846976 is beyond the file \(only 2 bytes follow\)/,
      ],
      [
        'a header that is not JSON',
        safetensorsFile('{"x": ', []),
        /readSafetensors: the header is not valid UTF-8 JSON/,
      ],
      ['a header that is not UTF-8', concat(le(3, 8), [0x7b, 0xff, 0x7d]), /not valid UTF-8 JSON/],
      ['a header that is an array', safetensorsFile('[1,2]', []), /the header is not a JSON object/],
      [
        'an entry that is not an object',
        safetensorsFile('{"x": 3}', []),
        /tensor "x" has no \{dtype, shape, data_offsets\} entry/,
      ],
      [
        'a missing dtype',
        safetensorsFile('{"x": {"shape": [1], "data_offsets": [0, 4]}}', new Uint8Array(4)),
        /tensor "x" has no dtype string/,
      ],
      [
        'a float8 dtype',
        safetensorsFile(t('F8_E4M3', [1], [0, 1]), [0]),
        /tensor "x" has dtype "F8_E4M3", which is not supported \(supported: F64, F32/,
      ],
      [
        'a bad shape',
        safetensorsFile(t('F32', [2, -1], [0, 4]), new Uint8Array(4)),
        /tensor "x" has shape \[2,-1\], not an array of non-negative integers/,
      ],
      [
        'offsets that are not a pair',
        safetensorsFile(t('F32', [1], [0]), new Uint8Array(4)),
        /data_offsets \[0\], not a pair/,
      ],
      [
        'offsets reversed',
        safetensorsFile(t('F32', [1], [4, 0]), new Uint8Array(4)),
        /data_offsets \[4,0\], not a pair \[begin, end\] with 0 <= begin <= end/,
      ],
      [
        'offsets beyond the data',
        safetensorsFile(t('F32', [4], [0, 16]), new Uint8Array(8)),
        /tensor "x" has data_offsets \[0,16\] beyond the 8 bytes of data/,
      ],
      [
        'a shape that does not match the bytes',
        safetensorsFile(t('F32', [3], [0, 8]), new Uint8Array(8)),
        /tensor "x" of shape \[3\] and dtype F32 needs 12 bytes but data_offsets \[0,8\] hold 8/,
      ],
      [
        'a bogus huge shape',
        safetensorsFile(t('F64', [1e6, 1e6], [0, 8]), new Uint8Array(8)),
        /needs 8000000000000 bytes/,
      ],
      [
        'an I64 beyond int32',
        safetensorsFile(t('I64', [2], [0, 16]), concat(le(1, 8), le(1n << 40n, 8))),
        /tensor "x" is I64 and holds 1099511627776 at element 1, outside the int32 range/,
      ],
      [
        'a U32 beyond int32',
        safetensorsFile(t('U32', [1], [0, 4]), le(0xffffffff, 4)),
        /holds 4294967295 at element 0, outside the int32 range/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      it(name, () => {
        expect(() => readSafetensors(bytes)).toThrow(message);
      });
    }

    it('what is not a Uint8Array', () => {
      expect(() => readSafetensors(new ArrayBuffer(8) as never)).toThrow(
        /readSafetensors: expected the file's bytes as a Uint8Array/,
      );
    });
  });
});

describe('writeSafetensors', () => {
  it('writes the layout of the reference implementation: widest dtype first, header padded to 8', () => {
    const a = makeTensor('float32', new Float32Array([1, 2]), [2]);
    const m = makeTensor('bool', new Uint8Array([1]), [1]);
    const d = makeTensor('float64', new Float64Array([0.5]), []);
    const json =
      '{"__metadata__":{"format":"pt"},"d":{"dtype":"F64","shape":[],"data_offsets":[0,8]},' +
      '"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]},"m":{"dtype":"BOOL","shape":[1],"data_offsets":[16,17]}}';
    const padded = json + ' '.repeat((8 - (json.length % 8)) % 8);
    const expected = concat(le(padded.length, 8), ascii(padded), hex('000000000000e03f 0000803f 00000040 01'));
    expect(writeSafetensors({ m, a, d }, { format: 'pt' })).toEqual(expected);
  });

  it('round-trips random records of tensors and views bit for bit', () => {
    const recordArb = fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9_.]{0,10}$/),
      fc.oneof(
        anyTensorArb({ dtype: 'float32', specials: true, maxRank: 3 }),
        anyTensorArb({ dtype: 'float64', specials: true, maxRank: 3 }),
        anyTensorArb({ dtype: 'int32', maxRank: 3 }),
        anyTensorArb({ dtype: 'bool', maxRank: 3 }),
      ),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(recordArb, (record) => {
        const bytes = writeSafetensors(record);
        const back = readSafetensors(bytes);
        expect(Object.keys(back).sort()).toEqual(Object.keys(record).sort());
        for (const [k, t] of Object.entries(record)) expect(sameTensor(back[k], t)).toBe(true);
        expect(writeSafetensors(back)).toEqual(bytes);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps NaN payloads and -0', () => {
    const f = new Float32Array(new Uint32Array([0x7fa00001, 0x80000000]).buffer);
    expect(bytesOf(readSafetensors(writeSafetensors({ f: makeTensor('float32', f, [2]) })).f.data)).toEqual(bytesOf(f));
  });

  it('rejects bad input', () => {
    const x = makeTensor('float32', new Float32Array(1), [1]);
    expect(() => writeSafetensors(x as never)).toThrow(/writeSafetensors: expected a record of named tensors/);
    expect(() => writeSafetensors({ x: 'no' as never })).toThrow(/writeSafetensors: tensors.x is not a tensor/);
    expect(() => writeSafetensors({ __metadata__: x })).toThrow(/the name __metadata__ is reserved/);
    expect(() => writeSafetensors({ x }, { n: 3 as never })).toThrow(
      /metadata.n is number; safetensors metadata values are strings/,
    );
  });
});
