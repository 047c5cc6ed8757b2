import { isTensor } from '../core/isTensor.js';
import type { Tensor } from '../core/Tensor.js';
import { encodeNpy } from './writeNpy.js';
import { writeZip } from './writeZip.js';

/**
 * Writes named tensors as the bytes of a NumPy `.npz` archive, as `np.savez` does: one stored (uncompressed)
 * `<name>.npy` member per tensor, written by {@link writeNpy}, with CRC-32s. `np.load` gives them back by name.
 *
 * Shapes: each tensor keeps its own shape and dtype.
 *
 * @example
 * import { writeNpz, tensor } from '@attn/tensor';
 * const bytes = writeNpz({ q: tensor([[1, 2]]), mask: tensor([true, false]) });
 */
export function writeNpz(tensors: Record<string, Tensor>): Uint8Array {
  if (typeof tensors !== 'object' || tensors === null || isTensor(tensors)) {
    throw new TypeError('writeNpz: expected a record of named tensors, like { q: tensor(...) }');
  }
  const members = Object.entries(tensors).map(([name, t]) => {
    if (!isTensor(t)) throw new TypeError(`writeNpz: tensors.${name} is not a tensor`);
    if (name.length === 0) throw new RangeError('writeNpz: a tensor name must not be empty');
    return { name: `${name}.npy`, data: encodeNpy(t) };
  });
  return writeZip('writeNpz', members);
}
