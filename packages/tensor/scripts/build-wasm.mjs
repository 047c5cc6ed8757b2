// Build step of @attn/tensor: assembles the WebAssembly SIMD kernels and writes src/kernels/wasm/kernels.generated.ts
// (their bytes, base64) and src/kernels/threads/threadKernels.generated.ts (the shared-memory gemm module that Node
// worker threads run). `--print-wat` also prints the main module's text.
// Runs before tsup (`pnpm build`), so the bundle embeds the bytes: no .wasm file to ship, fetch or configure.

import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assembleKernels, assembleThreadKernels } from './assembleKernels.mjs';

const targets = [
  ['../src/kernels/wasm/kernels.generated.ts', assembleKernels],
  ['../src/kernels/threads/threadKernels.generated.ts', assembleThreadKernels],
];
for (const [path, assemble] of targets) {
  const target = fileURLToPath(new URL(path, import.meta.url));
  const { wat, bytes, source } = await assemble();
  if (process.argv.includes('--print-wat') && assemble === assembleKernels) process.stdout.write(wat);
  const previous = await readFile(target, 'utf8').catch(() => '');
  if (previous !== source) await writeFile(target, source);
  console.error(
    `build-wasm: ${path.slice(3)}: ${bytes.length} bytes of WebAssembly ${previous === source ? 'unchanged' : 'written'}`,
  );
}
