/**
 * @attn/tensor/node: what only Node can do. Read and write NumPy and safetensors files (the byte-level readers and
 * writers, `readNpy`, `writeNpz`, ..., live in the main entry and work in browsers too; these add the file
 * system), and split large gemms over worker threads (`setKernelThreads`). Browsers never load this entry, so
 * bundlers never see `node:worker_threads` or `node:fs`.
 * @packageDocumentation
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Tensor } from './core/Tensor.js';
import { readNpy } from './io/readNpy.js';
import { readNpzAsync } from './io/readNpzAsync.js';
import { readSafetensors } from './io/readSafetensors.js';
import { writeNpy } from './io/writeNpy.js';
import { writeNpz } from './io/writeNpz.js';
import { writeSafetensors } from './io/writeSafetensors.js';

export { kernelThreads, setKernelThreads } from './kernels/threads/setKernelThreads.js';

/**
 * Reads a `.npy` file into a tensor (see `readNpy` for the dtypes and versions understood).
 *
 * @example
 * import { readNpyFile } from '@attn/tensor/node';
 * const x = await readNpyFile('x.npy');
 */
export async function readNpyFile(path: string): Promise<Tensor> {
  return readNpy(await readFile(path));
}

/**
 * Writes a tensor to a `.npy` file (see `writeNpy`).
 *
 * @example
 * import { writeNpyFile } from '@attn/tensor/node';
 * await writeNpyFile('x.npy', tensor([1, 2, 3]));
 */
export async function writeNpyFile(path: string, t: Tensor): Promise<void> {
  await writeFile(path, writeNpy(t));
}

/**
 * Reads a `.npz` archive, stored or compressed (`np.savez` or `np.savez_compressed`), into a record of tensors.
 *
 * @example
 * import { readNpzFile } from '@attn/tensor/node';
 * const { q, k, v } = await readNpzFile('qkv.npz');
 */
export async function readNpzFile(path: string): Promise<Record<string, Tensor>> {
  return readNpzAsync(await readFile(path));
}

/**
 * Writes named tensors to an uncompressed `.npz` archive (see `writeNpz`).
 *
 * @example
 * import { writeNpzFile } from '@attn/tensor/node';
 * await writeNpzFile('qkv.npz', { q, k, v });
 */
export async function writeNpzFile(path: string, tensors: Record<string, Tensor>): Promise<void> {
  await writeFile(path, writeNpz(tensors));
}

/**
 * Reads a `.safetensors` file into a record of tensors (see `readSafetensors` for the dtypes).
 *
 * @example
 * import { readSafetensorsFile } from '@attn/tensor/node';
 * const weights = await readSafetensorsFile('model.safetensors');
 */
export async function readSafetensorsFile(path: string): Promise<Record<string, Tensor>> {
  return readSafetensors(await readFile(path));
}

/**
 * Writes named tensors to a `.safetensors` file, with optional string metadata (see `writeSafetensors`).
 *
 * @example
 * import { writeSafetensorsFile } from '@attn/tensor/node';
 * await writeSafetensorsFile('model.safetensors', { weight }, { format: 'pt' });
 */
export async function writeSafetensorsFile(
  path: string,
  tensors: Record<string, Tensor>,
  metadata?: Record<string, string>,
): Promise<void> {
  await writeFile(path, writeSafetensors(tensors, metadata));
}
