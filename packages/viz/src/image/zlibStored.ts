import { adler32 } from './adler32.js';

const MAX_BLOCK = 65535;

/**
 * Wraps bytes in a zlib stream of uncompressed ("stored") deflate blocks: valid for every inflater, no dependency.
 * The image data we store is small palette indices, so compression would buy little next to base64's own cost.
 *
 * Shapes: `n` bytes -> `n + 5 * ceil(n / 65535) + 6` bytes.
 *
 * @example
 * zlibStored(new Uint8Array([1, 2, 3])).length; // 14
 */
export function zlibStored(bytes: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(bytes.length / MAX_BLOCK));
  const out = new Uint8Array(2 + blocks * 5 + bytes.length + 4);
  out[0] = 0x78; // deflate, 32 KiB window
  out[1] = 0x01; // no preset dictionary, fastest; 0x7801 is a multiple of 31 as the header check requires
  let at = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * MAX_BLOCK;
    const len = Math.min(MAX_BLOCK, bytes.length - start);
    out[at++] = b === blocks - 1 ? 1 : 0; // BFINAL on the last block, BTYPE 00 (stored)
    out[at++] = len & 0xff;
    out[at++] = len >>> 8;
    out[at++] = ~len & 0xff;
    out[at++] = (~len >>> 8) & 0xff;
    out.set(bytes.subarray(start, start + len), at);
    at += len;
  }
  const sum = adler32(bytes);
  out[at++] = sum >>> 24;
  out[at++] = (sum >>> 16) & 0xff;
  out[at++] = (sum >>> 8) & 0xff;
  out[at++] = sum & 0xff;
  return out;
}
