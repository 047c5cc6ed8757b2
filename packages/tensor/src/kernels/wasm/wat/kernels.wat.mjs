// The whole WebAssembly SIMD kernel module, as WebAssembly text (WAT). Kernel SOURCE: scripts/build-wasm.mjs
// assembles it with wabt into src/kernels/wasm/kernels.generated.ts; nothing here runs in the library.
//
// One memory, exported (bytes below HEAP_BASE hold constants), that the TypeScript side grows to the high-water mark of the largest call and reuses.
// No imports: the module needs nothing from its host, so it instantiates the same in Node, bundlers and pages.

import { EXP_TABLE, expTableWat, expWat } from './exp.wat.mjs';
import { fusedSoftmaxGemmWat } from './fusedSoftmaxGemm.wat.mjs';
import { DGEMM_BLOCKING, dgemmWat, SGEMM_BLOCKING, sgemmWat } from './sgemm.wat.mjs';
import { softmaxRowsWat } from './softmaxRows.wat.mjs';

export { DGEMM_BLOCKING, SGEMM_BLOCKING };

/**
 * The first byte callers may use for operands: below it lives the exp constants table (16-byte aligned, with
 * room to spare).
 */
export const HEAP_BASE = EXP_TABLE + 256;

/** The module's text. */
export function kernelsWat() {
  return `;; Generated from src/kernels/wasm/wat/*.wat.mjs by scripts/build-wasm.mjs. Do not edit.
(module
  (memory (export "memory") 1)
  ${expTableWat()}
${sgemmWat()}
${dgemmWat()}
${softmaxRowsWat()}
${expWat()}
${fusedSoftmaxGemmWat()}
)
`;
}
