// The gemm module that worker threads share, as WebAssembly text (WAT). Kernel SOURCE: scripts/build-wasm.mjs
// assembles it with wabt into src/kernels/threads/threadKernels.generated.ts; nothing here runs in the library.
//
// The same sgemm and dgemm as the main module (sgemm.wat.mjs), but the memory is imported and shared: the main
// thread and every worker instantiate this module over one `WebAssembly.Memory({ shared: true })`, so operands are
// copied in once and each thread computes its own block of C in place. No data segment (the gemms need no
// constants), so instantiating it in a worker never writes to the memory the others are using.

import { dgemmWat, sgemmWat } from './sgemm.wat.mjs';

/** The shared memory's maximum, in 64 KiB pages (1 GiB): V8 reserves a shared memory's maximum up front. */
export const THREADS_MAX_PAGES = 16384;

/** The module's text. */
export function threadsWat() {
  return `;; Generated from src/kernels/wasm/wat/threads.wat.mjs by scripts/build-wasm.mjs. Do not edit.
(module
  (import "env" "memory" (memory 1 ${THREADS_MAX_PAGES} shared))
${sgemmWat()}
${dgemmWat()}
)
`;
}
