import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('worker threads and the life of a Node process', () => {
  it('never keep it alive: a program that turned threads on and used them exits by itself', async () => {
    // bundled as the package is (the worker file next to the code that starts it), then run in a child process
    const out = await mkdtemp(path.join(tmpdir(), 'attn-threads-'));
    try {
      await build({
        entry: {
          exitFixture: path.join(here, 'exitFixture.ts'),
          kernelWorker: path.join(here, '../../../src/kernels/threads/kernelWorker.js'),
        },
        outDir: out,
        format: ['esm'],
        platform: 'node',
        target: 'node20',
        silent: true,
        dts: false,
        config: false,
      });
      const run = promisify(execFile);
      // a 20 s timeout kills a child kept alive by its workers, and the test fails with the kill
      const { stdout } = await run(process.execPath, [path.join(out, 'exitFixture.js')], { timeout: 20_000 });
      expect(JSON.parse(stdout)).toEqual({ threads: 2, active: 2, same: true });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
