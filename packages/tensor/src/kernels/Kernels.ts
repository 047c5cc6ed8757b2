/**
 * The kernel boundary: the few routines whose speed decides everything else, behind one interface so a
 * WebAssembly SIMD implementation can be dispatched in place of the plain TypeScript one.
 *
 * Kernels see only TypedArrays, counts, strides and offsets (in elements, stdlib-js `.ndarray` style):
 * they know nothing of tensors or shapes, never allocate, and never validate (callers have done that).
 */

/** Whether a gemm operand is used as stored or transposed, as in BLAS. */
export type Transpose = 'no-transpose' | 'transpose';

/**
 * C = alpha * op(A) * op(B) + beta * C, with op(X) = X or X^T.
 * op(A) is M x K, op(B) is K x N, C is M x N. Element (i, j) of a stored matrix X lives at
 * `X[offsetX + i*strideX1 + j*strideX2]`. beta = 0 ignores whatever C held (NaN included).
 */
export type GemmKernel<T extends Float32Array | Float64Array> = (
  transA: Transpose,
  transB: Transpose,
  M: number,
  N: number,
  K: number,
  alpha: number,
  A: T,
  strideA1: number,
  strideA2: number,
  offsetA: number,
  B: T,
  strideB1: number,
  strideB2: number,
  offsetB: number,
  beta: number,
  C: T,
  strideC1: number,
  strideC2: number,
  offsetC: number,
) => void;

/**
 * Y[r, :] = softmax(X[r, :]) for each of `rows` rows of `cols` elements (X and Y may be the same memory).
 * Numerically stable (subtracts the row max). Every implementation gives the same special rows: all -Infinity (a
 * fully masked attention row) gives zeros, never NaN (PyTorch gives NaN there; zeros let such a row contribute
 * nothing); a NaN anywhere, or a +Infinity, makes the whole row NaN.
 */
export type SoftmaxRowsKernel<T extends Float32Array | Float64Array> = (
  rows: number,
  cols: number,
  X: T,
  strideX1: number,
  strideX2: number,
  offsetX: number,
  Y: T,
  strideY1: number,
  strideY2: number,
  offsetY: number,
) => void;

/**
 * Y = softmax_rows(alpha * A B^T + bias) C, fused: the M x N matrix of the product is never held whole.
 * A is M x K, B is N x K (read as B^T, a stride swap), C is N x P, Y is M x P; `bias` (or `null`) is M x N.
 * Row i may see only columns j <= i + `diagonal` (`Infinity` for all; a lower-triangular limit when 0): the others
 * count as -Infinity and, where no row of a block sees them, are not computed at all. A bias of -Infinity hides its
 * column outright (even where alpha A B^T is NaN); any other bias is added. A row that may see no column gets
 * zeros, never NaN. Y must not overlap the inputs.
 *
 * Attention is the best-known user (softmax(Q K^T / sqrt(d_k) + mask) V), but the kernel is plain linear
 * algebra: it is any "weights from a product, then a weighted sum of rows" computation.
 */
export type FusedSoftmaxGemmKernel = (
  M: number,
  N: number,
  K: number,
  P: number,
  alpha: number,
  A: Float32Array,
  strideA1: number,
  strideA2: number,
  offsetA: number,
  B: Float32Array,
  strideB1: number,
  strideB2: number,
  offsetB: number,
  C: Float32Array,
  strideC1: number,
  strideC2: number,
  offsetC: number,
  bias: Float32Array | null,
  strideBias1: number,
  strideBias2: number,
  offsetBias: number,
  diagonal: number,
  Y: Float32Array,
  strideY1: number,
  strideY2: number,
  offsetY: number,
) => void;

/** One complete set of kernels: the plain TypeScript set, or the WebAssembly SIMD set. */
export interface Kernels {
  /** `'js'` for plain TypeScript, `'wasm-simd'` for WebAssembly SIMD. */
  readonly name: 'js' | 'wasm-simd';
  readonly sgemm: GemmKernel<Float32Array>;
  readonly dgemm: GemmKernel<Float64Array>;
  readonly ssoftmaxRows: SoftmaxRowsKernel<Float32Array>;
  readonly dsoftmaxRows: SoftmaxRowsKernel<Float64Array>;
  /** float32 softmax(alpha A B^T + bias) C without the M x N matrix (see {@link FusedSoftmaxGemmKernel}). */
  readonly sfusedSoftmaxGemm: FusedSoftmaxGemmKernel;
}
