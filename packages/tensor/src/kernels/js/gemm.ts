import type { GemmKernel, Transpose } from '../Kernels.js';

/**
 * The plain TypeScript gemm kernel: C = alpha * op(A) * op(B) + beta * C, for Float32Array or Float64Array.
 *
 * op(A) is M x K, op(B) is K x N, C is M x N; element (i, j) of a stored matrix X lives at
 * `X[offsetX + i*strideX1 + j*strideX2]` (strides may be negative or zero). beta = 0 ignores whatever C held,
 * NaN included. Never validates: callers (the BLAS layer, `matmul`) have done that. Never allocates: it packs into
 * one workspace made when the module loads.
 *
 * Design (BLIS, scaled to what V8 does well): C is cut into 4 x 2 tiles; each tile is computed by
 * `microKernel`, which keeps the 8 sums in local variables and loops only over k, two steps per iteration.
 * The tile shape is what V8's code allows: its scheduler hoists every load and product of an iteration ahead of
 * the additions, and x64 gives it 15 float registers, so a tile stays in registers only while sums + loads fit
 * (4 x 2: 8 + 6). The 3 x 4 tile used before (12 + 7) kept 8 of its 12 sums on the stack. Measured on the
 * micro-kernel alone (Node 20, Zen 5, CPU time of interleaved rounds), 4 x 2 unrolled twice beat 2 x 4, 3 x 3,
 * 3 x 4, 4 x 3, 2 x 6, 5 x 2, 6 x 2 and 4 x 4, and unrolling 1 or 4 times; with the two V8 details noted in the
 * code (constants in a closure, steps advanced in the loop body) the whole kernel runs 1.3-1.5x faster than the
 * 3 x 4 one at n = 64..256. The operands are read through their strides (a transposed K^T is a stride swap) while
 * being packed, block by block, into float64 panels laid out in the order the micro-kernel reads them. Packing
 * costs O(MK + KN) against O(MNK) work and pays twice over: the micro-kernel always sees unit strides and one
 * array type (a kernel fed both Float32Array and Float64Array runs 20-30% slower in V8, measured; float32 panels
 * measured 12% slower, each load then converting), and a KC x NC block of op(B) stays in cache while every row
 * panel of op(A) meets it. The sums are kept in float64 and rounded once on store.
 *
 * @example
 * const A = new Float32Array([1, 2, 3, 4]); // [[1, 2], [3, 4]]
 * const C = new Float32Array(4);
 * gemm('no-transpose', 'transpose', 2, 2, 2, 1, A, 2, 1, 0, A, 2, 1, 0, 0, C, 2, 1, 0); // C = A A^T = [[5, 11], [11, 25]]
 */
export const gemm: <T extends Float32Array | Float64Array>(...args: Parameters<GemmKernel<T>>) => void =
  /* @__PURE__ */ makeGemm();

/**
 * Builds the gemm kernel around its constants and its packing workspace. A closure rather than module-level
 * constants because bundlers (esbuild, hence tsup) turn a module's top-level `const` into `var`, and V8 folds only
 * what cannot change: from a closure's `const`s it embeds the workspace's address and length and the tile sizes in
 * the compiled micro-kernel, which drops a type check and three reloads per iteration (measured 1.2x on the
 * micro-kernel against the same code reading a `var`).
 */
function makeGemm() {
  /** Rows of a micro-tile. */
  const MR = 4;
  /** Columns of a micro-tile. */
  const NR = 2;
  /** Depth of one packed block: a 4 x KC panel of op(A) (8 kB) stays in L1 while it meets every panel of op(B). */
  const KC = 256;
  /** Width of one packed block of op(B): KC x NC float64 is 512 kB, half of one core's L2. */
  const NC = 256;
  /** Where the packed block of op(B) starts in the workspace; the packed panel of op(A) sits before it. */
  const B_AT = MR * KC;

  /**
   * The packing workspace: one 4 x KC panel of op(A), then one KC x NC block of op(B), as float64 (532 kB, made
   * once when the module loads and reused by every call).
   */
  const workspace = new Float64Array(B_AT + KC * NC);
  /** Where an edge tile is summed before its valid part is stored. */
  const edgeTile = new Float64Array(MR * NR);

  return function gemm(
    transA: Transpose,
    transB: Transpose,
    M: number,
    N: number,
    K: number,
    alpha: number,
    A: Float32Array | Float64Array,
    strideA1: number,
    strideA2: number,
    offsetA: number,
    B: Float32Array | Float64Array,
    strideB1: number,
    strideB2: number,
    offsetB: number,
    beta: number,
    C: Float32Array | Float64Array,
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

    for (let pc = 0; pc < K; pc += KC) {
      const kc = Math.min(KC, K - pc);
      // Later depth blocks add to what the first one stored.
      const betaBlock = pc === 0 ? beta : 1;
      for (let jc = 0; jc < N; jc += NC) {
        const nc = Math.min(NC, N - jc);
        packB(kc, nc, B, offsetB + pc * bp + jc * bj, bp, bj);
        for (let ic = 0; ic < M; ic += MR) {
          const mr = Math.min(MR, M - ic);
          packA(mr, kc, A, offsetA + ic * ai + pc * ap, ai, ap);
          const c = offsetC + ic * strideC1 + jc * strideC2;
          for (let jr = 0; jr < nc; jr += NR) {
            const nr = Math.min(NR, nc - jr);
            microKernel(kc, alpha, betaBlock, B_AT + jr * kc, C, c + jr * strideC2, strideC1, strideC2, mr, nr);
          }
        }
      }
    }
  };

  /**
   * Packs a kc x nc block of op(B) into the workspace as panels of NR columns, each stored depth-major
   * (`[p*NR + j]`), the last panel padded with zeros.
   */
  function packB(kc: number, nc: number, B: Float32Array | Float64Array, b: number, bp: number, bj: number): void {
    const W = workspace;
    let to = B_AT;
    for (let jr = 0; jr < nc; jr += NR) {
      let from = b + jr * bj;
      if (nc - jr >= NR) {
        const from1 = from + bj;
        for (let p = 0, off = 0; p < kc; p++, off += bp, to += NR) {
          W[to] = B[from + off];
          W[to + 1] = B[from1 + off];
        }
      } else {
        for (let p = 0; p < kc; p++, from += bp, to += NR) {
          W[to] = B[from];
          W[to + 1] = 0;
        }
      }
    }
  }

  /** Packs an mr x kc panel of op(A) into the workspace depth-major (`[p*MR + i]`), rows past mr padded with zeros. */
  function packA(mr: number, kc: number, A: Float32Array | Float64Array, a: number, ai: number, ap: number): void {
    const W = workspace;
    if (mr === MR) {
      const a1 = a + ai;
      const a2 = a1 + ai;
      const a3 = a2 + ai;
      for (let p = 0, to = 0, off = 0; p < kc; p++, to += MR, off += ap) {
        W[to] = A[a + off];
        W[to + 1] = A[a1 + off];
        W[to + 2] = A[a2 + off];
        W[to + 3] = A[a3 + off];
      }
    } else {
      for (let p = 0, to = 0; p < kc; p++, to += MR) {
        for (let i = 0; i < MR; i++) W[to + i] = i < mr ? A[a + i * ai + p * ap] : 0;
      }
    }
  }

  /**
   * The micro-kernel: one 4 x 2 tile of C from the packed 4 x kc panel of op(A) and the packed kc x 2 panel of op(B)
   * starting at `b` in the workspace, summed in 8 locals two depth steps at a time; stores the valid mr x nr part as
   * alpha * sum + beta * C.
   */
  function microKernel(
    kc: number,
    alpha: number,
    beta: number,
    b: number,
    C: Float32Array | Float64Array,
    c: number,
    ci: number,
    cj: number,
    mr: number,
    nr: number,
  ): void {
    const W = workspace;
    let c00 = 0;
    let c01 = 0;
    let c10 = 0;
    let c11 = 0;
    let c20 = 0;
    let c21 = 0;
    let c30 = 0;
    let c31 = 0;
    let a = 0;
    let p = 0;
    // The steps advance at the end of the body, not in the for clause: V8 then keeps each sum in one register
    // across iterations instead of shuffling them at the loop head (1.5x, measured).
    for (; p + 1 < kc; p += 2) {
      const x0 = W[a];
      const x1 = W[a + 1];
      const x2 = W[a + 2];
      const x3 = W[a + 3];
      const y0 = W[b];
      const y1 = W[b + 1];
      c00 += x0 * y0;
      c01 += x0 * y1;
      c10 += x1 * y0;
      c11 += x1 * y1;
      c20 += x2 * y0;
      c21 += x2 * y1;
      c30 += x3 * y0;
      c31 += x3 * y1;
      const u0 = W[a + 4];
      const u1 = W[a + 5];
      const u2 = W[a + 6];
      const u3 = W[a + 7];
      const v0 = W[b + 2];
      const v1 = W[b + 3];
      c00 += u0 * v0;
      c01 += u0 * v1;
      c10 += u1 * v0;
      c11 += u1 * v1;
      c20 += u2 * v0;
      c21 += u2 * v1;
      c30 += u3 * v0;
      c31 += u3 * v1;
      a += 2 * MR;
      b += 2 * NR;
    }
    if (p < kc) {
      const x0 = W[a];
      const x1 = W[a + 1];
      const x2 = W[a + 2];
      const x3 = W[a + 3];
      const y0 = W[b];
      const y1 = W[b + 1];
      c00 += x0 * y0;
      c01 += x0 * y1;
      c10 += x1 * y0;
      c11 += x1 * y1;
      c20 += x2 * y0;
      c21 += x2 * y1;
      c30 += x3 * y0;
      c31 += x3 * y1;
    }
    if (mr === MR && nr === NR) {
      const c1 = c + ci;
      const c2 = c1 + ci;
      const c3 = c2 + ci;
      if (beta === 0) {
        C[c] = alpha * c00;
        C[c + cj] = alpha * c01;
        C[c1] = alpha * c10;
        C[c1 + cj] = alpha * c11;
        C[c2] = alpha * c20;
        C[c2 + cj] = alpha * c21;
        C[c3] = alpha * c30;
        C[c3 + cj] = alpha * c31;
      } else {
        C[c] = alpha * c00 + beta * C[c];
        C[c + cj] = alpha * c01 + beta * C[c + cj];
        C[c1] = alpha * c10 + beta * C[c1];
        C[c1 + cj] = alpha * c11 + beta * C[c1 + cj];
        C[c2] = alpha * c20 + beta * C[c2];
        C[c2 + cj] = alpha * c21 + beta * C[c2 + cj];
        C[c3] = alpha * c30 + beta * C[c3];
        C[c3 + cj] = alpha * c31 + beta * C[c3 + cj];
      }
      return;
    }
    const t = edgeTile;
    t[0] = c00;
    t[1] = c01;
    t[2] = c10;
    t[3] = c11;
    t[4] = c20;
    t[5] = c21;
    t[6] = c30;
    t[7] = c31;
    for (let i = 0; i < mr; i++) {
      for (let j = 0; j < nr; j++) {
        const at = c + i * ci + j * cj;
        C[at] = beta === 0 ? alpha * t[i * NR + j] : alpha * t[i * NR + j] + beta * C[at];
      }
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
