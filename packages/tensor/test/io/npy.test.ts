import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTYPES, makeTensor, type Tensor } from '../../src/core/index.js';
import { readNpy, writeNpy } from '../../src/io/index.js';
import { anyTensorArb } from '../support/arbitraries.js';
import { refElements } from '../support/reference.js';
import { ascii, bytesOf, concat, hex, le } from './bytes.js';

/** A .npy file built by hand per the format spec: magic, version, header length, header padded to 64, data. */
function npyFile(major: number, dict: string, data: Uint8Array | number[]): Uint8Array {
  const prefix = major === 1 ? 10 : 12;
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const header = `${dict}${' '.repeat(total - prefix - dict.length - 1)}\n`;
  return concat([0x93], ascii('NUMPY'), [major, 0], le(header.length, major === 1 ? 2 : 4), ascii(header), data);
}

/** Elements compared with Object.is, so -0 and NaN count. */
function sameElements(a: Tensor, b: Tensor): boolean {
  const x = refElements(a);
  const y = refElements(b);
  return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
}

describe('writeNpy', () => {
  it('writes the header byte for byte as the spec lays it out', () => {
    const t = makeTensor('float32', new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    const dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    const expected = concat(
      hex('93 4e 55 4d 50 59 01 00'), // \x93NUMPY 1.0
      [118, 0], // header length: 10 + 118 = 128, a multiple of 64
      ascii(`${dict + ' '.repeat(118 - 59 - 1)}\n`),
      hex('0000803f 00000040 00004040 00008040 0000a040 0000c040'),
    );
    expect(writeNpy(t)).toEqual(expected);
  });

  it('spells 1-d and scalar shapes as Python does, with the right descr per dtype', () => {
    const text = (b: Uint8Array) => String.fromCharCode(...b.subarray(10, 10 + b[8] + 256 * b[9]));
    expect(text(writeNpy(makeTensor('int32', new Int32Array(3), [3])))).toMatch(
      /^\{'descr': '<i4', 'fortran_order': False, 'shape': \(3,\), \} +\n$/,
    );
    expect(text(writeNpy(makeTensor('float64', new Float64Array(1), [])))).toContain(
      "'descr': '<f8', 'fortran_order': False, 'shape': (), }",
    );
    expect(text(writeNpy(makeTensor('bool', new Uint8Array(0), [0, 2])))).toContain(
      "'descr': '|b1', 'fortran_order': False, 'shape': (0, 2), }",
    );
  });

  it('writes a view as its logical row-major content', () => {
    // base [[0,1,2],[3,4,5]] read transposed with the columns reversed: [[2,5],[1,4],[0,3]]
    const view = makeTensor('int32', new Int32Array([0, 1, 2, 3, 4, 5]), [3, 2], [-1, 3], 2);
    const bytes = writeNpy(view);
    expect(bytes.subarray(bytes.length - 24)).toEqual(bytesOf(new Int32Array([2, 5, 1, 4, 0, 3])));
  });

  it('rejects what is not a tensor', () => {
    expect(() => writeNpy([1, 2] as never)).toThrow(/writeNpy: expected a tensor/);
  });
});

describe('readNpy', () => {
  it('reads hand-made files of each version, order and dtype', () => {
    const i4 = readNpy(
      npyFile(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", hex('01000000 feffffff 07000000')),
    );
    expect(i4.dtype).toBe('int32');
    expect(i4.shape).toEqual([3]);
    expect(refElements(i4)).toEqual([1, -2, 7]);

    // version 2.0, big-endian float32, Fortran order: [[1,2,3],[4,5,6]] is stored 1,4,2,5,3,6
    const f = readNpy(
      npyFile(
        2,
        "{'descr': '>f4', 'fortran_order': True, 'shape': (2, 3), }",
        hex('3f800000 40800000 40000000 40a00000 40400000 40c00000'),
      ),
    );
    expect(f.dtype).toBe('float32');
    expect(f.shape).toEqual([2, 3]);
    expect(f.strides).toEqual([3, 1]);
    expect(refElements(f)).toEqual([1, 2, 3, 4, 5, 6]);

    // version 3.0 (UTF-8 header), half floats widened to float32
    const h = readNpy(npyFile(3, "{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }", hex('003c ff7b 0080')));
    expect(h.dtype).toBe('float32');
    expect(refElements(h)).toEqual([1, 65504, -0]);
    expect(Object.is(refElements(h)[2], -0)).toBe(true);

    const i8 = readNpy(
      npyFile(
        1,
        "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }",
        concat(le(2n ** 64n - 1n, 8), le(2147483647, 8)),
      ),
    );
    expect(i8.dtype).toBe('int32');
    expect(refElements(i8)).toEqual([-1, 2147483647]);

    const u1 = readNpy(npyFile(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", [255, 0]));
    expect(u1.dtype).toBe('int32');
    expect(refElements(u1)).toEqual([255, 0]);

    const b = readNpy(npyFile(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (), }", [1]));
    expect(b.dtype).toBe('bool');
    expect(b.shape).toEqual([]);
    expect(refElements(b)).toEqual([1]);

    const empty = readNpy(npyFile(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 3), }", []));
    expect(empty.dtype).toBe('float64');
    expect(empty.shape).toEqual([0, 3]);

    // Python 2 wrote long integers with an L and keys in any order with double quotes
    const py2 = readNpy(
      npyFile(1, `{"shape": (2L,), "fortran_order": False, "descr": ">i2"}`, [0xff, 0xfe, 0x01, 0x00]),
    );
    expect(refElements(py2)).toEqual([-2, 256]);
  });

  it('copies into an aligned array even from an odd offset, and never aliases the input', () => {
    const file = writeNpy(makeTensor('float64', new Float64Array([1.5, -2.5]), [2]));
    const shifted = new Uint8Array(file.length + 1);
    shifted.set(file, 1);
    const t = readNpy(shifted.subarray(1));
    expect(t.data).toBeInstanceOf(Float64Array);
    expect(refElements(t)).toEqual([1.5, -2.5]);
    shifted[shifted.length - 1] ^= 0xff;
    expect(refElements(t)).toEqual([1.5, -2.5]);
  });

  it('round-trips random tensors and views of every dtype bit for bit', () => {
    for (const dtype of DTYPES) {
      fc.assert(
        fc.property(anyTensorArb({ dtype, specials: true }), (t) => {
          const bytes = writeNpy(t);
          const back = readNpy(bytes);
          expect(back.dtype).toBe(t.dtype);
          expect(back.shape).toEqual(t.shape);
          expect(sameElements(back, t)).toBe(true);
          expect(writeNpy(back)).toEqual(bytes);
          const n = refElements(t).length;
          const size = { float32: 4, float64: 8, int32: 4, bool: 1 }[dtype];
          expect((bytes.length - n * size) % 64).toBe(0);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('keeps NaN payloads and -0 through a write and a read', () => {
    const f32 = new Float32Array(new Uint32Array([0x7fc00001, 0xffa00123, 0x80000000, 0x7f800001]).buffer);
    const f64 = new Float64Array(
      new BigUint64Array([0x7ff0000000000001n, 0xfff8dead00000000n, 0x8000000000000000n]).buffer,
    );
    for (const t of [makeTensor('float32', f32, [4]), makeTensor('float64', f64, [3])]) {
      expect(bytesOf(readNpy(writeNpy(t)).data)).toEqual(bytesOf(t.data));
    }
    // through a flipped view too
    const flipped = makeTensor('float32', f32, [4], [-1], 3);
    expect(new Uint32Array(readNpy(writeNpy(flipped)).data.buffer)).toEqual(
      new Uint32Array([0x7f800001, 0x80000000, 0xffa00123, 0x7fc00001]),
    );
  });

  describe('malformed files give clear errors', () => {
    const good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
    const cases: [string, Uint8Array, RegExp][] = [
      ['bad magic', concat(ascii('PK\x03\x04 not numpy at all')), /readNpy: the file is not a \.npy file \(bad magic/],
      ['empty input', new Uint8Array(0), /bad magic.*got nothing/],
      [
        'truncated before the header length',
        concat([0x93], ascii('NUMPY'), [1]),
        /readNpy: the file is truncated: 7 bytes/,
      ],
      ['unknown version', npyFile(1, good, new Uint8Array(8)).map((b, i) => (i === 6 ? 4 : b)), /format version 4\.0/],
      [
        'header length beyond the file',
        concat([0x93], ascii('NUMPY'), [1, 0], le(60000, 2), ascii('{}')),
        /header claims 60000 bytes but only 2 follow/,
      ],
      [
        'header that is not a literal',
        npyFile(1, "{'descr': <f4}", []),
        /readNpy: the header is not a valid Python literal/,
      ],
      ['unterminated header', npyFile(1, "{'descr': '<f4', 'shape': (2,", []), /not a valid Python literal/],
      ['hostile nesting', npyFile(1, '('.repeat(5000), []), /nesting too deep/],
      ['header that is a list', npyFile(1, '[1, 2]', []), /header of the file is not a dict/],
      ['missing shape', npyFile(1, "{'descr': '<f4', 'fortran_order': False}", []), /no 'shape' tuple/],
      [
        'negative shape',
        npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}", []),
        /no 'shape' tuple of non-negative/,
      ],
      ['missing fortran_order', npyFile(1, "{'descr': '<f4', 'shape': (2,)}", []), /no 'fortran_order'/],
      [
        'complex dtype',
        npyFile(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,)}", new Uint8Array(8)),
        /dtype '<c8'.*kind 'c' is not supported/,
      ],
      [
        'object dtype',
        npyFile(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,)}", []),
        /dtype '\|O', which is not a plain dtype/,
      ],
      [
        'string dtype',
        npyFile(1, "{'descr': '<U3', 'fortran_order': False, 'shape': (1,)}", new Uint8Array(12)),
        /kind 'U' is not supported/,
      ],
      [
        'long double',
        npyFile(1, "{'descr': '<f16', 'fortran_order': False, 'shape': (1,)}", new Uint8Array(16)),
        /width 16 is not supported/,
      ],
      [
        'structured dtype',
        npyFile(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}", new Uint8Array(4)),
        /structured dtype/,
      ],
      [
        'ambiguous byte order',
        npyFile(1, "{'descr': 'f4', 'fortran_order': False, 'shape': (1,)}", new Uint8Array(4)),
        /byte order '' is ambiguous/,
      ],
      [
        'truncated data',
        npyFile(1, good, new Uint8Array(7)),
        /has 7 bytes of data but shape \[2\] of <f4 needs 8 \(the file is truncated\)/,
      ],
      [
        'trailing bytes',
        npyFile(1, good, new Uint8Array(9)),
        /has 9 bytes of data .* needs 8 \(the file has trailing bytes\)/,
      ],
      [
        'a bogus huge shape',
        npyFile(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000)}", []),
        /needs 8000000000000 \(the file is truncated\)/,
      ],
      [
        'a shape beyond safe integers',
        npyFile(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296)}", []),
        /shape \[4294967296,4294967296\] of the file is too large/,
      ],
      [
        'an int64 out of the int32 range',
        npyFile(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1,)}", le(2147483648, 8)),
        /is <i8 and holds 2147483648 at element 0, outside the int32 range/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      it(name, () => {
        expect(() => readNpy(bytes)).toThrow(message);
      });
    }

    it('refuses what is not a Uint8Array', () => {
      expect(() => readNpy([1, 2, 3] as never)).toThrow(
        /readNpy: expected the file's bytes as a Uint8Array, got \[object Array\]/,
      );
    });
  });
});
