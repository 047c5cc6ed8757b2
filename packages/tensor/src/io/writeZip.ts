import { crc32 } from './crc32.js';

/**
 * Packs named byte arrays into a zip archive, stored (uncompressed), with CRC-32s and a fixed timestamp
 * (1980-01-01) so the same input always gives the same bytes. `fn` names the caller in errors.
 */
export function writeZip(fn: string, members: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = members.map((m) => encoder.encode(m.name));
  let localSize = 0;
  let centralSize = 0;
  for (let i = 0; i < members.length; i++) {
    localSize += 30 + names[i].length + members[i].data.length;
    centralSize += 46 + names[i].length;
  }
  if (members.length > 0xfffe || localSize + centralSize > 0xfffffffe) {
    throw new RangeError(`${fn}: the archive would need zip64 (over 4 GiB or 65534 members), which is not written`);
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  const offsets: number[] = [];
  const crcs: number[] = [];
  let p = 0;
  members.forEach((m, i) => {
    const utf8 = /[^\x20-\x7e]/.test(m.name) ? 0x0800 : 0;
    offsets.push(p);
    crcs.push(crc32(m.data));
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true); // version needed: 2.0
    view.setUint16(p + 6, utf8, true);
    view.setUint16(p + 8, 0, true); // stored
    view.setUint16(p + 10, 0, true);
    view.setUint16(p + 12, DOS_DATE, true);
    view.setUint32(p + 14, crcs[i], true);
    view.setUint32(p + 18, m.data.length, true);
    view.setUint32(p + 22, m.data.length, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(m.data, p + 30 + names[i].length);
    p += 30 + names[i].length + m.data.length;
  });
  const cdOffset = p;
  members.forEach((m, i) => {
    const utf8 = /[^\x20-\x7e]/.test(m.name) ? 0x0800 : 0;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true); // made by: 2.0, MS-DOS attributes
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, utf8, true);
    view.setUint16(p + 10, 0, true);
    view.setUint16(p + 12, 0, true);
    view.setUint16(p + 14, DOS_DATE, true);
    view.setUint32(p + 16, crcs[i], true);
    view.setUint32(p + 20, m.data.length, true);
    view.setUint32(p + 24, m.data.length, true);
    view.setUint16(p + 28, names[i].length, true);
    // extra, comment, disk, internal and external attributes stay 0
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, members.length, true);
  view.setUint16(p + 10, members.length, true);
  view.setUint32(p + 12, p - cdOffset, true);
  view.setUint32(p + 16, cdOffset, true);
  return out;
}
