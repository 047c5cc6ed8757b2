import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adler32 } from '../src/image/adler32.js';
import { colormap } from '../src/image/colormap.js';
import { crc32 } from '../src/image/crc32.js';
import { zlibStored } from '../src/image/zlibStored.js';
import { colorScale, encodePNG, matrixImage, matrixPixels, toDataURL } from '../src/index.js';

const ascii = (s: string) => new TextEncoder().encode(s);

/** Reads a PNG's chunks, checking every CRC, and returns them by type. */
function chunks(png: Uint8Array): Map<string, Uint8Array[]> {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out = new Map<string, Uint8Array[]>();
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    expect(view.getUint32(at + 8 + len)).toBe(crc32(png, at + 4, at + 8 + len));
    out.set(type, [...(out.get(type) ?? []), png.subarray(at + 8, at + 8 + len)]);
    at += 12 + len;
  }
  return out;
}

describe('checksums', () => {
  it('match the published check values', () => {
    expect(crc32(ascii('IEND'))).toBe(0xae426082);
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(adler32(ascii('Wikipedia'))).toBe(0x11e60398);
  });
});

describe('zlibStored', () => {
  it('round-trips through zlib for any bytes, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(new Uint8Array(inflateSync(zlibStored(bytes)))).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
    const big = new Uint8Array(200_000).map((_, i) => i * 7);
    expect(new Uint8Array(inflateSync(zlibStored(big)))).toEqual(big);
  });
});

describe('encodePNG', () => {
  it('writes a valid palette PNG whose pixels inflate back', () => {
    const pixels = new Uint8Array([0, 1, 2, 1, 0, 2]);
    const png = encodePNG({ width: 3, height: 2, pixels, palette: new Uint8Array([0, 0, 0, 255, 0, 0, 0, 0, 255]) });
    const c = chunks(png);
    expect([...c.keys()]).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    const ihdr = new DataView(c.get('IHDR')![0].buffer, c.get('IHDR')![0].byteOffset);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), ihdr.getUint8(8), ihdr.getUint8(9)]).toEqual([3, 2, 8, 3]);
    const raw = new Uint8Array(inflateSync(c.get('IDAT')![0]));
    expect([...raw]).toEqual([0, 0, 1, 2, 0, 1, 0, 2]);
  });

  it('refuses sizes that do not match', () => {
    const palette = new Uint8Array(3);
    expect(() => encodePNG({ width: 2, height: 2, pixels: new Uint8Array(3), palette })).toThrow(
      'encodePNG: 2 x 2 needs 4 pixels, got 3',
    );
    expect(() => encodePNG({ width: 0, height: 2, pixels: new Uint8Array(0), palette })).toThrow(/positive integers/);
    expect(() => encodePNG({ width: 1, height: 1, pixels: new Uint8Array(1), palette: new Uint8Array(4) })).toThrow(
      /palette must hold 1 to 256 RGB triples/,
    );
  });
});

describe('toDataURL', () => {
  it('matches Buffer base64 for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        expect(toDataURL(bytes, 'image/png')).toBe(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`);
      }),
    );
  });
});

describe('matrixImage', () => {
  it('colours cells like the legend and masks -Infinity in grey', () => {
    const grid = { shape: [1, 3], values: new Float64Array([0, 1, Number.NEGATIVE_INFINITY]) };
    const url = matrixImage(grid, colorScale(grid.values));
    const c = chunks(new Uint8Array(Buffer.from(url.split(',')[1], 'base64')));
    const raw = new Uint8Array(inflateSync(c.get('IDAT')![0]));
    expect([...raw]).toEqual([0, 0, 254, 255]);
    const palette = c.get('PLTE')![0];
    expect([...palette.subarray(0, 3)]).toEqual([...colormap('viridis').subarray(0, 3)]); // viridis #440154
    expect([...palette.subarray(0, 3)]).toEqual([0x44, 0x01, 0x54]);
    expect([...palette.subarray(254 * 3, 255 * 3)]).toEqual([0xfd, 0xe7, 0x25]); // viridis' last stop
    expect([...palette.subarray(255 * 3)]).toEqual([0x9b, 0x9b, 0x9b]);
  });
});

describe('matrixPixels', () => {
  it('gives a canvas the colours of the legend, masked cells grey, every pixel opaque', () => {
    const grid = { shape: [1, 3], values: new Float64Array([0, 1, Number.NEGATIVE_INFINITY]) };
    const image = matrixPixels(grid, colorScale(grid.values));
    expect(image.width).toBe(3);
    expect(image.height).toBe(1);
    expect([...image.data]).toEqual([0x44, 0x01, 0x54, 255, 0xfd, 0xe7, 0x25, 255, 0x9b, 0x9b, 0x9b, 255]);
  });

  it('paints exactly the pixels of the PNG matrixImage draws, for any matrix and scale', () => {
    const matrix = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).chain(([rows, cols]) =>
      fc.record({
        shape: fc.constant([rows, cols]),
        values: fc
          .array(fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(Number.NEGATIVE_INFINITY)), {
            minLength: rows * cols,
            maxLength: rows * cols,
          })
          .map((v) => Float64Array.from(v)),
      }),
    );
    fc.assert(
      fc.property(matrix, ({ shape, values }) => {
        const grid = { shape, values };
        const scale = colorScale(values);
        const url = matrixImage(grid, scale);
        const c = chunks(new Uint8Array(Buffer.from(url.split(',')[1], 'base64')));
        const raw = new Uint8Array(inflateSync(c.get('IDAT')![0]));
        const palette = c.get('PLTE')![0];
        const [rows, cols] = shape;
        const expected: number[] = [];
        for (let y = 0; y < rows; y++) {
          for (let x = 0; x < cols; x++) {
            const k = raw[y * (cols + 1) + 1 + x] * 3; // each scanline starts with its filter byte
            expected.push(palette[k], palette[k + 1], palette[k + 2], 255);
          }
        }
        const image = matrixPixels(grid, scale);
        expect([image.height, image.width]).toEqual(shape);
        expect([...image.data]).toEqual(expected);
      }),
    );
  });
});
