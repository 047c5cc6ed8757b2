// Build step of @attn/tensor: assembles the WebAssembly SIMD kernels and writes
// src/kernels/wasm/kernels.generated.ts (their bytes, base64). `--print-wat` also prints the module text.
// Runs before tsup (`pnpm build`), so the bundle embeds the bytes: no .wasm file to ship, fetch or configure.

import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assembleKernels } from './assembleKernels.mjs';

const target = fileURLToPath(new URL('../src/kernels/wasm/kernels.generated.ts', import.meta.url));
const { wat, bytes, source } = await assembleKernels();
if (process.argv.includes('--print-wat')) process.stdout.write(wat);
const previous = await readFile(target, 'utf8').catch(() => '');
if (previous !== source) await writeFile(target, source);
console.error(`build-wasm: ${bytes.length} bytes of WebAssembly ${previous === source ? 'unchanged' : 'written'}`);
