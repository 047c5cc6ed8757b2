/**
 * The Adler-32 checksum that ends a zlib stream.
 *
 * @example
 * adler32(new TextEncoder().encode('Wikipedia')); // 0x11e60398
 */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the longest run before b can overflow 2^32 (zlib's NMAX), so the modulo is taken once per run.
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
