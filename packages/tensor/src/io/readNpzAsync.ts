import type { Tensor } from '../core/Tensor.js';
import { npzKey, npzMembers, npzTensor } from './readNpz.js';

/**
 * Reads a NumPy `.npz` archive like {@link readNpz}, also inflating deflate-compressed members
 * (`np.savez_compressed`) with the platform's `DecompressionStream` (Node 20+, current browsers).
 * No member is inflated past the size its directory entry declares.
 *
 * Shapes: each member keeps its own shape and dtype.
 *
 * @example
 * import { readNpzAsync } from '@attn/tensor';
 * const bytes = new Uint8Array(await (await fetch('weights.npz')).arrayBuffer());
 * const { wq, wk } = await readNpzAsync(bytes);
 */
export async function readNpzAsync(bytes: Uint8Array): Promise<Record<string, Tensor>> {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(
      `readNpzAsync: expected the archive's bytes as a Uint8Array, got ${Object.prototype.toString.call(bytes)}`,
    );
  }
  const out: Record<string, Tensor> = Object.create(null);
  for (const entry of npzMembers('readNpzAsync', bytes)) {
    const raw = entry.method === 8 ? await inflateRaw(entry.name, entry.data, entry.size) : entry.data;
    out[npzKey(entry)] = npzTensor('readNpzAsync', entry, raw);
  }
  return out;
}

/** Inflates raw deflate data, refusing to produce more than `limit` bytes. */
async function inflateRaw(name: string, data: Uint8Array, limit: number): Promise<Uint8Array> {
  const what = `readNpzAsync: member ${JSON.stringify(name)}`;
  if (typeof DecompressionStream === 'undefined') {
    throw new TypeError(`${what} is compressed and this platform has no DecompressionStream`);
  }
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Errors of the write side surface again on the read side, where they are reported.
  writer.write(data.slice()).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const out = new Uint8Array(limit);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > limit) {
        await reader.cancel();
        throw new RangeError(`${what} inflates to more than the ${limit} bytes the archive declares`);
      }
      out.set(value, length);
      length += value.length;
    }
  } catch (e) {
    if (e instanceof RangeError) throw e;
    throw new RangeError(`${what} is not valid deflate data (${(e as Error).message})`);
  }
  return out.subarray(0, length);
}
