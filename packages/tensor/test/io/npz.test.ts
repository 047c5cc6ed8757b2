import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTensor, type Tensor } from '../../src/core/index.js';
import { crc32, readNpz, readNpzAsync, writeNpy, writeNpz } from '../../src/io/index.js';
import { anyTensorArb } from '../support/arbitraries.js';
import { refElements } from '../support/reference.js';
import { ascii, concat, le } from './bytes.js';
import { NUMPY_SAVEZ, NUMPY_SAVEZ_COMPRESSED } from './numpyFixtures.js';
import { zipFile } from './zipFile.js';

const recordArb = fc.dictionary(
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/),
  fc.oneof(
    anyTensorArb({ dtype: 'float32', specials: true, maxRank: 3 }),
    anyTensorArb({ dtype: 'float64', specials: true, maxRank: 3 }),
    anyTensorArb({ dtype: 'int32', maxRank: 3 }),
    anyTensorArb({ dtype: 'bool', maxRank: 3 }),
  ),
  { maxKeys: 4 },
);

function sameTensor(a: Tensor, b: Tensor): boolean {
  const x = refElements(a);
  const y = refElements(b);
  return a.dtype === b.dtype && a.shape.join() === b.shape.join() && x.every((v, i) => Object.is(v, y[i]));
}

describe('crc32', () => {
  it('gives the check value of the CRC-32 catalogue', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('writeNpz', () => {
  it('writes the stored zip a hand-built archive has, byte for byte', () => {
    const a = makeTensor('float32', new Float32Array([1, 2]), [2]);
    const m = makeTensor('bool', new Uint8Array([1, 0, 1]), [3]);
    const expected = zipFile([
      { name: 'a.npy', data: writeNpy(a) },
      { name: 'mask.npy', data: writeNpy(m) },
    ]);
    expect(writeNpz({ a, mask: m })).toEqual(expected);
  });

  it('round-trips random records of tensors and views bit for bit', async () => {
    await fc.assert(
      fc.asyncProperty(recordArb, async (record) => {
        const bytes = writeNpz(record);
        for (const back of [readNpz(bytes), await readNpzAsync(bytes)]) {
          expect(Object.keys(back).sort()).toEqual(Object.keys(record).sort());
          for (const [k, t] of Object.entries(record)) expect(sameTensor(back[k], t)).toBe(true);
          expect(writeNpz(back)).toEqual(bytes);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rejects what is not a record of tensors', () => {
    expect(() => writeNpz(null as never)).toThrow(/writeNpz: expected a record of named tensors/);
    expect(() => writeNpz(makeTensor('float32', new Float32Array(1), [1]) as never)).toThrow(
      /writeNpz: expected a record/,
    );
    expect(() => writeNpz({ x: [1, 2] as never })).toThrow(/writeNpz: tensors.x is not a tensor/);
    expect(() => writeNpz({ '': makeTensor('float32', new Float32Array(1), [1]) })).toThrow(/must not be empty/);
  });
});

describe('readNpz and readNpzAsync', () => {
  it('read the archives NumPy writes (zip64 local headers)', async () => {
    for (const out of [
      readNpz(NUMPY_SAVEZ),
      await readNpzAsync(NUMPY_SAVEZ),
      await readNpzAsync(NUMPY_SAVEZ_COMPRESSED),
    ]) {
      expect(Object.keys(out)).toEqual(['a', 'b']);
      expect(out.a.dtype).toBe('float32');
      expect(out.a.shape).toEqual([2, 2]);
      expect(refElements(out.a)).toEqual([1, 2, 3, 4]);
      expect(out.b.dtype).toBe('int32'); // int64 narrowed, every value fits
      expect(refElements(out.b)).toEqual([5, 6]);
    }
  });

  it('inflate hand-made deflated members, and zip64 central directories', async () => {
    const x = writeNpy(
      makeTensor(
        'float64',
        Float64Array.from({ length: 100 }, (_, i) => i % 7),
        [10, 10],
      ),
    );
    const y = writeNpy(makeTensor('int32', new Int32Array([1, 2, 3]), [3]));
    const bytes = zipFile([
      { name: 'x.npy', data: x, stored: deflateRawSync(x), method: 8 },
      { name: 'y.npy', data: y, zip64: true },
    ]);
    const out = await readNpzAsync(bytes);
    expect(refElements(out.x)).toEqual(Array.from({ length: 100 }, (_, i) => i % 7));
    expect(refElements(out.y)).toEqual([1, 2, 3]);
    expect(() => readNpz(bytes)).toThrow(/readNpz: member "x.npy" is deflate-compressed .*use readNpzAsync/);
    expect(refElements(readNpz(zipFile([{ name: 'y.npy', data: y, zip64: true }])).y)).toEqual([1, 2, 3]);
  });

  describe('damaged archives give clear errors', () => {
    const y = writeNpy(makeTensor('int32', new Int32Array([1, 2, 3]), [3]));
    const good = zipFile([{ name: 'y.npy', data: y }]);
    /** A zip64 archive whose compressed size (the second zip64 value) points far past the end. */
    const zip64Beyond = () => {
      const z = zipFile([{ name: 'y.npy', data: y, zip64: true }]);
      new DataView(z.buffer).setBigUint64(z.length - 22 - 24 + 8, 1n << 40n, true);
      return z;
    };
    const sync: [string, Uint8Array, RegExp][] = [
      [
        'not a zip',
        ascii('just some text, no archive here'),
        /readNpz: not a valid zip archive: no end-of-central-directory record/,
      ],
      ['too short', new Uint8Array(5), /not a valid zip archive: only 5 bytes/],
      [
        'truncated',
        good.subarray(0, good.length - 10),
        /no end-of-central-directory record \(is the file truncated\?\)/,
      ],
      [
        'a flipped data byte',
        good.map((b, i) => (i === 30 + 5 + y.length - 1 ? b ^ 1 : b)),
        /readNpz: member "y.npy" is damaged: CRC-32 [0-9a-f]{8} != [0-9a-f]{8} recorded/,
      ],
      [
        'a central directory beyond the file',
        (() => {
          const b = good.slice();
          new DataView(b.buffer).setUint32(b.length - 6, 1e6, true);
          return b;
        })(),
        /the central directory \(offset 1000000, \d+ bytes\) is beyond the archive's \d+ bytes/,
      ],
      [
        'an entry count the directory cannot hold',
        (() => {
          const b = good.slice();
          new DataView(b.buffer).setUint16(b.length - 12, 60000, true);
          return b;
        })(),
        /60000 entries cannot fit/,
      ],
      [
        'a member that is not .npy',
        zipFile([{ name: 'notes.txt', data: ascii('hi') }]),
        /member "notes.txt" is not a \.npy file/,
      ],
      [
        'a name twice',
        zipFile([
          { name: 'y.npy', data: y },
          { name: 'y.npy', data: y },
        ]),
        /member "y.npy" appears twice/,
      ],
      [
        'an unknown method',
        zipFile([{ name: 'y.npy', data: y, method: 12 }]),
        /compression method 12; only stored \(0\) and deflate \(8\)/,
      ],
      ['an encrypted member', zipFile([{ name: 'y.npy', data: y, flags: 1 }]), /member "y.npy" is encrypted/],
      [
        'a member that is not a .npy inside',
        zipFile([{ name: 'y.npy', data: ascii('garbage bytes') }]),
        /readNpz: member "y.npy" is not a \.npy file \(bad magic/,
      ],
      ['a data size beyond the file', zip64Beyond(), /a zip64 field \(1099511627776\) is beyond the archive's/],
    ];
    for (const [name, bytes, message] of sync) {
      it(name, async () => {
        expect(() => readNpz(bytes)).toThrow(message);
        await expect(readNpzAsync(bytes)).rejects.toThrow(
          new RegExp(message.source.replace('readNpz:', 'readNpzAsync:')),
        );
      });
    }

    it('a deflated member that inflates past its declared size', async () => {
      const big = new Uint8Array(1 << 20); // 1 MiB of zeros, declared as 100 bytes
      const bomb = zipFile([{ name: 'y.npy', data: big, stored: deflateRawSync(big), method: 8 }]);
      new DataView(bomb.buffer).setUint32(22, 100, true); // local header's uncompressed size
      const cdAt = bomb.length - 22 - (46 + 5);
      new DataView(bomb.buffer).setUint32(cdAt + 24, 100, true);
      await expect(readNpzAsync(bomb)).rejects.toThrow(
        /member "y.npy" inflates to more than the 100 bytes the archive declares/,
      );
    });

    it('a deflated member that is not deflate data', async () => {
      const junk = zipFile([{ name: 'y.npy', data: y, stored: concat([0xff, 0xff, 0xff], le(0, 4)), method: 8 }]);
      await expect(readNpzAsync(junk)).rejects.toThrow(/readNpzAsync: member "y.npy" is not valid deflate data/);
    });

    it('what is not a Uint8Array', async () => {
      expect(() => readNpz('file.npz' as never)).toThrow(/readNpz: expected the archive's bytes as a Uint8Array/);
      await expect(readNpzAsync({} as never)).rejects.toThrow(/readNpzAsync: expected the archive's bytes/);
    });
  });
});
