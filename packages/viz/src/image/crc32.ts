let table: Uint32Array | undefined;

/**
 * The CRC-32 checksum (ISO 3309, the one PNG chunks carry) of some bytes.
 *
 * @example
 * crc32(new TextEncoder().encode('IEND')); // 0xae426082
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
