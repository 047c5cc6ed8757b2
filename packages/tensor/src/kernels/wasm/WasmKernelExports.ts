/**
 * What the WebAssembly SIMD kernel module exports (see `wat/kernels.wat.mjs`). Addresses are byte offsets into
 * `memory`; strides and counts are in elements.
 */
export interface WasmKernelExports {
  /** The module's only memory: the TypeScript side copies operands in, grows it when a call needs more. */
  readonly memory: WebAssembly.Memory;
  /** C = alpha A B + beta C for float32 M x K A, K x N B and M x N C (row stride ldc, column stride 1); K > 0. */
  sgemm(
    M: number,
    N: number,
    K: number,
    alpha: number,
    beta: number,
    a: number,
    rsa: number,
    csa: number,
    b: number,
    rsb: number,
    csb: number,
    c: number,
    ldc: number,
    work: number,
  ): void;
  /** C = alpha A B + beta C for float64, as {@link sgemm} (the same arguments, addresses of float64 data). */
  dgemm(
    M: number,
    N: number,
    K: number,
    alpha: number,
    beta: number,
    a: number,
    rsa: number,
    csa: number,
    b: number,
    rsb: number,
    csb: number,
    c: number,
    ldc: number,
    work: number,
  ): void;
  /** In-place softmax of `rows` rows of `pitch` floats (pitch a multiple of 4, rows padded with -Infinity). */
  softmaxRows(rows: number, pitch: number, x: number): void;
  /**
   * Y = softmax_rows(alpha A B^T + bias^T, row i seeing columns j <= i + diag) C, all float32 in this memory
   * (see `wat/fusedSoftmaxGemm.wat.mjs` for the layout each operand must have); bias 0 means none.
   */
  fusedSoftmaxGemm(
    M: number,
    N: number,
    K: number,
    Pp: number,
    alpha: number,
    a: number,
    b: number,
    c: number,
    bias: number,
    diag: number,
    y: number,
    work: number,
    kb: number,
  ): void;
  /** x = exp(x) for n floats (n a multiple of 4): the kernels' exp, exported for accuracy tests. */
  expf32(x: number, n: number): void;
}
