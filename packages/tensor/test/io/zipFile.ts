import { crc32 } from '../../src/io/crc32.js';
import { ascii, concat, le } from './bytes.js';

/** One member of a hand-made zip archive. */
export interface Member {
  name: string;
  /** The uncompressed bytes. */
  data: Uint8Array;
  /** The bytes as stored, when compressed (method 8). */
  stored?: Uint8Array;
  method?: number;
  flags?: number;
  /** Write sizes and offset as 0xffffffff with a zip64 extra field in the central directory. */
  zip64?: boolean;
}

/** A zip archive built by hand per PKWARE's APPNOTE (local headers, central directory, end record). */
export function zipFile(members: Member[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = ascii(m.name);
    const body = m.stored ?? m.data;
    const crc = crc32(m.data);
    const local = concat(
      le(0x04034b50, 4),
      le(20, 2),
      le(m.flags ?? 0, 2),
      le(m.method ?? 0, 2),
      le(0, 2),
      le(0x21, 2),
      le(crc, 4),
      le(body.length, 4),
      le(m.data.length, 4),
      le(name.length, 2),
      le(0, 2),
      name,
      body,
    );
    const big = m.zip64 ?? false;
    const extra = big
      ? concat(le(1, 2), le(24, 2), le(m.data.length, 8), le(body.length, 8), le(offset, 8))
      : new Uint8Array(0);
    centrals.push(
      concat(
        le(0x02014b50, 4),
        le(big ? 45 : 20, 2), // version made by / needed: 4.5 for zip64, else 2.0
        le(big ? 45 : 20, 2),
        le(m.flags ?? 0, 2),
        le(m.method ?? 0, 2),
        le(0, 2),
        le(0x21, 2),
        le(crc, 4),
        le(big ? 0xffffffff : body.length, 4),
        le(big ? 0xffffffff : m.data.length, 4),
        le(name.length, 2),
        le(extra.length, 2),
        le(0, 2),
        le(0, 2),
        le(0, 2),
        le(0, 4),
        le(big ? 0xffffffff : offset, 4),
        name,
        extra,
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const cd = concat(...centrals);
  const end = concat(
    le(0x06054b50, 4),
    le(0, 2),
    le(0, 2),
    le(members.length, 2),
    le(members.length, 2),
    le(cd.length, 4),
    le(offset, 4),
    le(0, 2),
  );
  return concat(...locals, cd, end);
}
