import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTensor } from '../../src/core/index.js';
import { writeNpy } from '../../src/io/index.js';
import {
  readNpyFile,
  readNpzFile,
  readSafetensorsFile,
  writeNpyFile,
  writeNpzFile,
  writeSafetensorsFile,
} from '../../src/node.js';
import { refElements } from '../support/reference.js';
import { zipFile } from './zipFile.js';

describe('Node file helpers', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'attn-io-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const x = makeTensor('float64', new Float64Array([1.5, -0, 3]), [3]);
  const m = makeTensor('bool', new Uint8Array([1, 0]), [2]);

  it('write and read .npy, .npz and .safetensors files', async () => {
    await writeNpyFile(join(dir, 'x.npy'), x);
    expect(refElements(await readNpyFile(join(dir, 'x.npy')))).toEqual([1.5, -0, 3]);
    await writeNpzFile(join(dir, 'xm.npz'), { x, m });
    const npz = await readNpzFile(join(dir, 'xm.npz'));
    expect(refElements(npz.x)).toEqual([1.5, -0, 3]);
    expect(refElements(npz.m)).toEqual([1, 0]);
    await writeSafetensorsFile(join(dir, 'w.safetensors'), { x, m }, { format: 'pt' });
    const st = await readSafetensorsFile(join(dir, 'w.safetensors'));
    expect(refElements(st.x)).toEqual([1.5, -0, 3]);
    // a Node Buffer from readFile shares a pool: the readers copy out of it, never view the whole pool
    expect((await readFile(join(dir, 'x.npy'))).length).toBe(writeNpy(x).length);
  });

  it('read compressed .npz files', async () => {
    const data = writeNpy(x);
    await writeFile(join(dir, 'c.npz'), zipFile([{ name: 'x.npy', data, stored: deflateRawSync(data), method: 8 }]));
    expect(refElements((await readNpzFile(join(dir, 'c.npz'))).x)).toEqual([1.5, -0, 3]);
  });

  it('report a missing file with its path', async () => {
    await expect(readNpyFile(join(dir, 'missing.npy'))).rejects.toThrow(/ENOENT.*missing\.npy/);
  });
});

describe('readers on Node Buffers', () => {
  it('copy the right bytes out of a Buffer that lives at an offset in a shared pool', async () => {
    const { readNpy } = await import('../../src/io/index.js');
    const file = writeNpy(makeTensor('int32', new Int32Array([7, -8, 9]), [3]));
    const pooled = Buffer.from(file); // small Buffers are carved out of one shared ArrayBuffer
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    expect(refElements(readNpy(pooled))).toEqual([7, -8, 9]);
  });
});
