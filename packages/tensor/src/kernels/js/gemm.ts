import type { Transpose } from '../Kernels.js';

/** Rows of a micro-tile. */
const MR = 3;
/** Columns of a micro-tile. */
const NR = 4;
/** Depth of one packed block: a 3 x KC panel of op(A) (6 kB) stays in L1 while it meets every panel of op(B). */
const KC = 256;
/** Width of one packed block of op(B): KC x NC float64 is 1 MB, about one core's L2. */
const NC = 512;

/** The packing workspace (float64), grown on demand up to KC x NC and then reused by every call. */
let packedB = new Float64Array(0);
const packedA = new Float64Array(MR * KC);
/** Where an edge tile is summed before its valid part is stored. */
const edgeTile = new Float64Array(MR * NR);

/**
 * The plain TypeScript gemm kernel: C = alpha * op(A) * op(B) + beta * C, for Float32Array or Float64Array.
 *
 * op(A) is M x K, op(B) is K x N, C is M x N; element (i, j) of a stored matrix X lives at
 * `X[offsetX + i*strideX1 + j*strideX2]` (strides may be negative or zero). beta = 0 ignores whatever C held,
 * NaN included. Never validates: callers (the BLAS layer, `matmul`) have done that. Its only allocation is the
 * packing workspace, made once (at most 1 MB) and reused.
 *
 * Design (BLIS, scaled to what V8 does well): C is cut into 3 x 4 tiles; each tile is computed by
 * {@link microKernel}, which keeps the 12 sums in local variables (V8 keeps them in registers) and loops only over
 * k, so every element loaded from A is used 4 times and every element loaded from B 3 times. 3 x 4 measured
 * fastest here: 4 x 4 (16 sums + 8 operands) makes V8 spill. The operands are read through their strides (a
 * transposed K^T is a stride swap) while being packed, block by block, into float64 panels laid out in the order
 * the micro-kernel reads them. Packing costs O(MK + KN) against O(MNK) work and pays twice over: the micro-kernel
 * always sees unit strides and one array type (a kernel fed both Float32Array and Float64Array runs 20-30% slower
 * in V8, measured), and a KC x NC block of op(B) stays in cache while every row panel of op(A) meets it.
 * The sums are kept in float64 and rounded once on store.
 *
 * @example
 * const A = new Float32Array([1, 2, 3, 4]); // [[1, 2], [3, 4]]
 * const C = new Float32Array(4);
 * gemm('no-transpose', 'transpose', 2, 2, 2, 1, A, 2, 1, 0, A, 2, 1, 0, 0, C, 2, 1, 0); // C = A A^T = [[5, 11], [11, 25]]
 */
export function gemm<T extends Float32Array | Float64Array>(
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
): void {
  if (M <= 0 || N <= 0) return;
  if (K <= 0 || alpha === 0) {
    scaleC(M, N, beta, C, strideC1, strideC2, offsetC);
    return;
  }
  // Strides of op(A) (rows i, depth p) and op(B) (depth p, columns j): a transpose is a swap, never a copy.
  const ai = transA === 'transpose' ? strideA2 : strideA1;
  const ap = transA === 'transpose' ? strideA1 : strideA2;
  const bp = transB === 'transpose' ? strideB2 : strideB1;
  const bj = transB === 'transpose' ? strideB1 : strideB2;

  const nc0 = Math.min(N, NC);
  const need = Math.min(K, KC) * Math.ceil(nc0 / NR) * NR;
  if (packedB.length < need) packedB = new Float64Array(need);
  const Bp = packedB;
  const Ap = packedA;

  for (let pc = 0; pc < K; pc += KC) {
    const kc = Math.min(KC, K - pc);
    // Later depth blocks add to what the first one stored.
    const betaBlock = pc === 0 ? beta : 1;
    for (let jc = 0; jc < N; jc += NC) {
      const nc = Math.min(NC, N - jc);
      packB(kc, nc, B, offsetB + pc * bp + jc * bj, bp, bj, Bp);
      for (let ic = 0; ic < M; ic += MR) {
        const mr = Math.min(MR, M - ic);
        packA(mr, kc, A, offsetA + ic * ai + pc * ap, ai, ap, Ap);
        const c = offsetC + ic * strideC1 + jc * strideC2;
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          microKernel(kc, alpha, betaBlock, Ap, Bp, jr * kc, C, c + jr * strideC2, strideC1, strideC2, mr, nr);
        }
      }
    }
  }
}

/**
 * Packs a kc x nc block of op(B) into panels of NR columns, each stored depth-major (`[p*NR + j]`), the last panel
 * padded with zeros. Unit-stride rows (the common, untransposed case) take the direct loop.
 */
function packB(
  kc: number,
  nc: number,
  B: Float32Array | Float64Array,
  b: number,
  bp: number,
  bj: number,
  Bp: Float64Array,
): void {
  let to = 0;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr);
    let from = b + jr * bj;
    if (nr === NR && bj === 1) {
      for (let p = 0; p < kc; p++, from += bp, to += NR) {
        Bp[to] = B[from];
        Bp[to + 1] = B[from + 1];
        Bp[to + 2] = B[from + 2];
        Bp[to + 3] = B[from + 3];
      }
    } else {
      for (let p = 0; p < kc; p++, from += bp, to += NR) {
        for (let j = 0; j < NR; j++) Bp[to + j] = j < nr ? B[from + j * bj] : 0;
      }
    }
  }
}

/** Packs an mr x kc panel of op(A) depth-major (`[p*MR + i]`), rows past mr padded with zeros. */
function packA(
  mr: number,
  kc: number,
  A: Float32Array | Float64Array,
  a: number,
  ai: number,
  ap: number,
  Ap: Float64Array,
): void {
  if (mr === MR) {
    const a1 = a + ai;
    const a2 = a1 + ai;
    for (let p = 0, to = 0, off = 0; p < kc; p++, to += MR, off += ap) {
      Ap[to] = A[a + off];
      Ap[to + 1] = A[a1 + off];
      Ap[to + 2] = A[a2 + off];
    }
  } else {
    for (let p = 0, to = 0; p < kc; p++, to += MR) {
      for (let i = 0; i < MR; i++) Ap[to + i] = i < mr ? A[a + i * ai + p * ap] : 0;
    }
  }
}

/**
 * The micro-kernel: one 3 x 4 tile of C from a packed 3 x kc panel of op(A) and a packed kc x 4 panel of op(B)
 * (starting at `b` in `Bp`), summed in 12 locals; stores the valid mr x nr part as alpha * sum + beta * C.
 */
function microKernel(
  kc: number,
  alpha: number,
  beta: number,
  Ap: Float64Array,
  Bp: Float64Array,
  b: number,
  C: Float32Array | Float64Array,
  c: number,
  ci: number,
  cj: number,
  mr: number,
  nr: number,
): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  for (let p = 0, a = 0; p < kc; p++, a += MR, b += NR) {
    const x0 = Ap[a],
      x1 = Ap[a + 1],
      x2 = Ap[a + 2];
    const y0 = Bp[b],
      y1 = Bp[b + 1],
      y2 = Bp[b + 2],
      y3 = Bp[b + 3];
    c00 += x0 * y0;
    c01 += x0 * y1;
    c02 += x0 * y2;
    c03 += x0 * y3;
    c10 += x1 * y0;
    c11 += x1 * y1;
    c12 += x1 * y2;
    c13 += x1 * y3;
    c20 += x2 * y0;
    c21 += x2 * y1;
    c22 += x2 * y2;
    c23 += x2 * y3;
  }
  if (mr === MR && nr === NR) {
    const c1 = c + ci,
      c2 = c1 + ci;
    const j1 = cj,
      j2 = 2 * cj,
      j3 = 3 * cj;
    if (beta === 0) {
      C[c] = alpha * c00;
      C[c + j1] = alpha * c01;
      C[c + j2] = alpha * c02;
      C[c + j3] = alpha * c03;
      C[c1] = alpha * c10;
      C[c1 + j1] = alpha * c11;
      C[c1 + j2] = alpha * c12;
      C[c1 + j3] = alpha * c13;
      C[c2] = alpha * c20;
      C[c2 + j1] = alpha * c21;
      C[c2 + j2] = alpha * c22;
      C[c2 + j3] = alpha * c23;
    } else {
      C[c] = alpha * c00 + beta * C[c];
      C[c + j1] = alpha * c01 + beta * C[c + j1];
      C[c + j2] = alpha * c02 + beta * C[c + j2];
      C[c + j3] = alpha * c03 + beta * C[c + j3];
      C[c1] = alpha * c10 + beta * C[c1];
      C[c1 + j1] = alpha * c11 + beta * C[c1 + j1];
      C[c1 + j2] = alpha * c12 + beta * C[c1 + j2];
      C[c1 + j3] = alpha * c13 + beta * C[c1 + j3];
      C[c2] = alpha * c20 + beta * C[c2];
      C[c2 + j1] = alpha * c21 + beta * C[c2 + j1];
      C[c2 + j2] = alpha * c22 + beta * C[c2 + j2];
      C[c2 + j3] = alpha * c23 + beta * C[c2 + j3];
    }
    return;
  }
  const t = edgeTile;
  t[0] = c00;
  t[1] = c01;
  t[2] = c02;
  t[3] = c03;
  t[4] = c10;
  t[5] = c11;
  t[6] = c12;
  t[7] = c13;
  t[8] = c20;
  t[9] = c21;
  t[10] = c22;
  t[11] = c23;
  for (let i = 0; i < mr; i++) {
    for (let j = 0; j < nr; j++) {
      const at = c + i * ci + j * cj;
      C[at] = beta === 0 ? alpha * t[i * NR + j] : alpha * t[i * NR + j] + beta * C[at];
    }
  }
}

/** C = beta * C, where beta = 0 writes zeros whatever C held (the K = 0 or alpha = 0 case). */
function scaleC(
  M: number,
  N: number,
  beta: number,
  C: Float32Array | Float64Array,
  ci: number,
  cj: number,
  c: number,
): void {
  if (beta === 1) return;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      const at = c + i * ci + j * cj;
      C[at] = beta === 0 ? 0 : beta * C[at];
    }
  }
}
