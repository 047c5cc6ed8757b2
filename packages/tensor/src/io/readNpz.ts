import type { Tensor } from '../core/Tensor.js';
import { crc32 } from './crc32.js';
import { parseNpy } from './readNpy.js';
import { readZip, type ZipEntry } from './readZip.js';

/**
 * Reads a NumPy `.npz` archive (as `np.savez` writes it) from its bytes into a record of tensors, keyed by the
 * names given to `np.savez` (the `.npy` suffix dropped). Each member is read as {@link readNpy} reads a file;
 * CRC-32s are checked.
 *
 * This synchronous reader takes stored (uncompressed) members only; for `np.savez_compressed` archives use
 * {@link readNpzAsync}, which inflates them.
 *
 * Shapes: each member keeps its own shape and dtype.
 *
 * @example
 * import { readNpz, writeNpz, tensor } from '@attn/tensor';
 * const { q, k } = readNpz(writeNpz({ q: tensor([1, 2]), k: tensor([3, 4]) }));
 */
export function readNpz(bytes: Uint8Array): Record<string, Tensor> {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(
      `readNpz: expected the archive's bytes as a Uint8Array, got ${Object.prototype.toString.call(bytes)}`,
    );
  }
  const out: Record<string, Tensor> = Object.create(null);
  for (const entry of npzMembers('readNpz', bytes)) {
    if (entry.method === 8) {
      throw new TypeError(
        `readNpz: member ${JSON.stringify(entry.name)} is deflate-compressed (np.savez_compressed); use readNpzAsync for compressed archives`,
      );
    }
    out[npzKey(entry)] = npzTensor('readNpz', entry, entry.data);
  }
  return out;
}

/** The members of an `.npz` archive, checked: each named `*.npy`, no name twice, stored or deflated. */
export function npzMembers(fn: string, bytes: Uint8Array): ZipEntry[] {
  const entries = readZip(fn, bytes);
  const seen = new Set<string>();
  for (const e of entries) {
    if (!e.name.endsWith('.npy')) {
      throw new TypeError(
        `${fn}: member ${JSON.stringify(e.name)} is not a .npy file; an .npz holds only .npy members`,
      );
    }
    if (seen.has(e.name)) throw new RangeError(`${fn}: member ${JSON.stringify(e.name)} appears twice`);
    seen.add(e.name);
    if (e.method !== 0 && e.method !== 8) {
      throw new TypeError(
        `${fn}: member ${JSON.stringify(e.name)} uses zip compression method ${e.method}; only stored (0) and deflate (8) are read`,
      );
    }
  }
  return entries;
}

/** The record key of a member: its name without `.npy`. */
export function npzKey(entry: ZipEntry): string {
  return entry.name.slice(0, -'.npy'.length);
}

/** Checks a member's uncompressed bytes against the sizes and CRC-32 of its directory entry, then reads them. */
export function npzTensor(fn: string, entry: ZipEntry, raw: Uint8Array): Tensor {
  const what = `member ${JSON.stringify(entry.name)}`;
  if (raw.length !== entry.size) {
    throw new RangeError(`${fn}: ${what} has ${raw.length} bytes but the archive declares ${entry.size}`);
  }
  const crc = crc32(raw);
  if (crc !== entry.crc) {
    throw new RangeError(
      `${fn}: ${what} is damaged: CRC-32 ${crc.toString(16).padStart(8, '0')} != ${entry.crc.toString(16).padStart(8, '0')} recorded`,
    );
  }
  return parseNpy(fn, what, raw);
}
