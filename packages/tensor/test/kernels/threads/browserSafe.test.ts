import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../src');

/** Every source file reachable from `entry` through relative imports and re-exports, and every bare import. */
function importGraph(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      if (!spec.startsWith('.')) bare.add(spec);
      else visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
    }
  };
  visit(path.join(src, entry));
  return { files, bare };
}

describe('the threads stay out of the browser entry', () => {
  it('@attn/tensor (src/index.ts) reaches no worker-thread code and no node: module', () => {
    const { files, bare } = importGraph('index.ts');
    expect(files.size).toBeGreaterThan(50); // the walk really followed the barrels
    expect([...files].filter((f) => f.includes(`${path.sep}threads${path.sep}`))).toEqual([]);
    expect([...bare].filter((s) => s.startsWith('node:'))).toEqual([]);
  });

  it('@attn/tensor/node (src/node.ts) is where they live', () => {
    const { files, bare } = importGraph('node.ts');
    expect([...files].some((f) => f.endsWith('startGemmThreads.ts'))).toBe(true);
    expect(bare.has('node:worker_threads')).toBe(true);
  });
});
