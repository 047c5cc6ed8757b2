import type { FusedSoftmaxGemmKernel } from '../Kernels.js';
import { gemm } from './gemm.js';

/** At most this many scores are held at once (256 kB): a block of rows times the columns they may see. */
const BLOCK_FLOATS = 1 << 16;

/** The workspace, grown on demand to the largest block and reused by every later call. */
let scores = new Float32Array(0);
let hiddenRows = new Uint8Array(0);

/**
 * The plain TypeScript fused kernel: Y = softmax_rows(alpha * A B^T + bias) C, row i seeing only columns
 * j <= i + diagonal (see {@link FusedSoftmaxGemmKernel} for the contract).
 *
 * Rows go through in blocks whose scores fit in 256 kB: the block's scores come from the register-blocked gemm
 * (B^T read through swapped strides, never copied), then each row is masked, exponentiated and normalised in
 * one sweep, then the gemm again multiplies the weights by the rows of C the block may see. Columns past the last
 * one a block's rows may see are neither scored nor multiplied. The only allocation is the workspace, kept between
 * calls.
 *
 * @example
 * const A = new Float32Array([1, 0]); // one row, K = 2
 * const B = new Float32Array([1, 0, 0, 1]); // two rows
 * const C = new Float32Array([10, 20]); // N = 2 rows of P = 1
 * const Y = new Float32Array(1);
 * sfusedSoftmaxGemm(1, 2, 2, 1, 1, A, 2, 1, 0, B, 2, 1, 0, C, 1, 1, 0, null, 0, 0, 0, Infinity, Y, 1, 1, 0);
 * // Y[0] = (e * 10 + 1 * 20) / (e + 1)
 */
export const sfusedSoftmaxGemm: FusedSoftmaxGemmKernel = function sfusedSoftmaxGemm(
  M,
  N,
  K,
  P,
  alpha,
  A,
  strideA1,
  strideA2,
  offsetA,
  B,
  strideB1,
  strideB2,
  offsetB,
  C,
  strideC1,
  strideC2,
  offsetC,
  bias,
  strideBias1,
  strideBias2,
  offsetBias,
  diagonal,
  Y,
  strideY1,
  strideY2,
  offsetY,
) {
  if (M <= 0 || P <= 0) return;
  const block = Math.max(1, Math.min(M, Math.floor(BLOCK_FLOATS / Math.max(N, 1))));
  if (scores.length < block * N) scores = new Float32Array(block * N);
  if (hiddenRows.length < block) hiddenRows = new Uint8Array(block);
  const S = scores;
  for (let i0 = 0; i0 < M; i0 += block) {
    const rows = Math.min(block, M - i0);
    // Only the columns some row of the block may see: 0 .. width - 1.
    const width = Math.max(0, Math.min(N, i0 + rows + diagonal));
    if (width > 0 && K > 0) {
      gemm(
        'no-transpose',
        'transpose',
        rows,
        width,
        K,
        alpha,
        A,
        strideA1,
        strideA2,
        offsetA + i0 * strideA1,
        B,
        strideB1,
        strideB2,
        offsetB,
        0,
        S,
        width,
        1,
        0,
      );
    } else S.fill(0, 0, rows * width);
    let anyHidden = false;
    for (let r = 0; r < rows; r++) {
      const i = i0 + r;
      const row = r * width;
      const last = Math.min(width - 1, i + diagonal);
      let max = Number.NEGATIVE_INFINITY;
      let nan = false;
      for (let j = 0; j <= last; j++) {
        let x = S[row + j];
        if (bias !== null) {
          const b = bias[offsetBias + i * strideBias1 + j * strideBias2];
          // -Infinity hides the column outright, so a NaN score there never leaks
          x = b === Number.NEGATIVE_INFINITY ? b : x + b;
        }
        S[row + j] = x;
        if (x > max) max = x;
        else if (Number.isNaN(x)) nan = true;
      }
      hiddenRows[r] = 0;
      if (nan || max === Number.NEGATIVE_INFINITY) {
        // NaN anywhere makes the row NaN (as softmax would); a row that sees nothing becomes zeros below
        S.fill(nan ? Number.NaN : 0, row, row + width);
        if (!nan) {
          hiddenRows[r] = 1;
          anyHidden = true;
        }
        continue;
      }
      let sum = 0;
      for (let j = 0; j <= last; j++) {
        const e = Math.exp(S[row + j] - max);
        S[row + j] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let j = 0; j <= last; j++) S[row + j] *= inv;
      S.fill(0, row + Math.max(last + 1, 0), row + width);
    }
    const y0 = offsetY + i0 * strideY1;
    if (width > 0) {
      gemm(
        'no-transpose',
        'no-transpose',
        rows,
        P,
        width,
        1,
        S,
        width,
        1,
        0,
        C,
        strideC1,
        strideC2,
        offsetC,
        0,
        Y,
        strideY1,
        strideY2,
        y0,
      );
    }
    if (width === 0 || anyHidden) {
      for (let r = 0; r < rows; r++) {
        if (width > 0 && hiddenRows[r] === 0) continue;
        for (let c = 0; c < P; c++) Y[y0 + r * strideY1 + c * strideY2] = 0;
      }
    }
  }
};
