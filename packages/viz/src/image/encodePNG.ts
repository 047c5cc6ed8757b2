import { crc32 } from './crc32.js';
import { zlibStored } from './zlibStored.js';

/** An 8-bit palette image: one palette index per pixel, row-major, and up to 256 RGB colours. */
export interface PaletteImage {
  width: number;
  height: number;
  /** `width * height` palette indices, row-major, top row first. */
  pixels: Uint8Array;
  /** `[r0, g0, b0, r1, g1, b1, ...]`, at most 256 colours. */
  palette: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * Encodes a palette image as PNG bytes (colour type 3, 8 bits), in plain TypeScript for Node and the browser alike.
 *
 * Shapes: `width * height` indices + palette -> PNG file bytes.
 *
 * @example
 * const png = encodePNG({ width: 2, height: 1, pixels: new Uint8Array([0, 1]), palette: new Uint8Array([0, 0, 0, 255, 255, 255]) });
 * png.subarray(1, 4); // 'PNG' in ASCII
 */
export function encodePNG(image: PaletteImage): Uint8Array {
  const { width, height, pixels, palette } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`encodePNG: width and height must be positive integers, got ${width} x ${height}`);
  }
  if (pixels.length !== width * height) {
    throw new RangeError(`encodePNG: ${width} x ${height} needs ${width * height} pixels, got ${pixels.length}`);
  }
  if (palette.length === 0 || palette.length % 3 !== 0 || palette.length > 768) {
    throw new RangeError(`encodePNG: the palette must hold 1 to 256 RGB triples, got ${palette.length} bytes`);
  }
  // Each scanline starts with its filter type; 0 (none) keeps the encoder trivial.
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);

  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // bit depth 8, colour type 3 (palette), deflate, adaptive filters, no interlace

  const chunks = [
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(SIGNATURE.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(SIGNATURE, 0);
  let at = SIGNATURE.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}
