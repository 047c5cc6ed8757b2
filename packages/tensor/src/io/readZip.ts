/** One member of a zip archive, as its central directory describes it; `data` is still compressed. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc: number;
  /** The uncompressed size the archive declares. */
  size: number;
  /** The member's bytes as stored in the archive (a view into the archive, not a copy). */
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Lists the members of a zip archive from its central directory (zip64 included), checking every size and
 * offset against the archive's length first, so a damaged archive gives an error, never a huge allocation.
 * `fn` names the caller in errors.
 */
export function readZip(fn: string, bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (what: string): never => {
    throw new RangeError(`${fn}: not a valid zip archive: ${what}`);
  };
  const u64 = (at: number): number => {
    const v = view.getBigUint64(at, true);
    return v > BigInt(bytes.length)
      ? fail(`a zip64 field (${v}) is beyond the archive's ${bytes.length} bytes`)
      : Number(v);
  };

  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) {
    fail(
      bytes.length < 22 ? `only ${bytes.length} bytes` : 'no end-of-central-directory record (is the file truncated?)',
    );
  }
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== ZIP64_LOCATOR) fail('a zip64 archive without its zip64 locator');
    const z = u64(loc + 8);
    if (z + 56 > bytes.length || view.getUint32(z, true) !== ZIP64_EOCD) fail('the zip64 end record is missing');
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
  }
  if (cdOffset + cdSize > bytes.length) {
    fail(`the central directory (offset ${cdOffset}, ${cdSize} bytes) is beyond the archive's ${bytes.length} bytes`);
  }
  if (count * 46 > cdSize) fail(`${count} entries cannot fit in a ${cdSize}-byte central directory`);

  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== CENTRAL)
      fail(`central directory entry ${k} is damaged`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressed = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let local = view.getUint32(p + 42, true);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > cdOffset + cdSize) fail(`central directory entry ${k} runs past the directory`);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64: the 8-byte values stand in an extra field, in this order, for those fields that read 0xffffffff.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const take = () => {
          if (q + 8 > e + 4 + len) fail(`the zip64 field of ${JSON.stringify(name)} is too short`);
          const v = u64(q);
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = take();
        if (compressed === 0xffffffff) compressed = take();
        if (local === 0xffffffff) local = take();
      }
      e += 4 + len;
    }
    if (flags & 1)
      throw new TypeError(`${fn}: zip member ${JSON.stringify(name)} is encrypted, which is not supported`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) {
      fail(`the local header of ${JSON.stringify(name)} (at ${local}) is missing`);
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) {
      fail(
        `the data of ${JSON.stringify(name)} (${compressed} bytes at ${start}) is beyond the archive's ${bytes.length} bytes`,
      );
    }
    entries.push({ name, method, crc, size, data: bytes.subarray(start, start + compressed) });
    p = end;
  }
  return entries;
}
