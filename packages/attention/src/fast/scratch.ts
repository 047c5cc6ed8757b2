/** The fast path's reusable float32 buffers, one per use, grown on demand and never shrunk. */
const buffers = new Map<string, Float32Array>();

/**
 * A float32 buffer of at least `length` elements for `use` (e.g. `'projections'`), the same one on every call
 * unless it must grow: the fast path's steady state allocates no intermediate arrays. Its contents are whatever
 * the previous user left. Internal.
 */
export function scratch(use: string, length: number): Float32Array {
  let buffer = buffers.get(use);
  if (buffer === undefined || buffer.length < length) {
    buffer = new Float32Array(length);
    buffers.set(use, buffer);
  }
  return buffer;
}
