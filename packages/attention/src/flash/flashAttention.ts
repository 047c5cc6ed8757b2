import { type GemmKernel, getKernels, makeTensor, type Tensor } from '@attn/tensor';
import { type CausalAlignment, causalLimit } from '../attention/causalMask.js';
import { type AttentionPlan, planAttention } from '../attention/planAttention.js';
import { describe } from '../internal/validate.js';
import type { FlashBlockState, FlashTrace } from './FlashTrace.js';

/** Options of {@link flashAttention}. */
export interface FlashAttentionOptions {
  /** Keys (and values) per block: a positive integer. The result does not depend on it; memory does. */
  blockSize: number;
  /** What the scores Q K^T are multiplied by. Default 1/sqrt(d_k). */
  scale?: number;
  /** A boolean mask (true = may attend) or an additive float mask, broadcasting to `[..., Tq, Tk]`. */
  mask?: Tensor;
  /** As scaledDotProductAttention: `true` / `'upper-left'` (PyTorch's is_causal) or `'lower-right'`. */
  causal?: boolean | CausalAlignment;
  /** Grouped-query attention, as scaledDotProductAttention's `enableGqa`. */
  enableGqa?: boolean;
  /** Also return the running max, running sum and partial output after every block (see {@link FlashTrace}). */
  trace?: boolean;
}

/** What {@link flashAttention} returns. */
export interface FlashAttentionResult {
  /** `[..., Tq, dv]`, in q's dtype: the same as scaledDotProductAttention's output, up to rounding. */
  output: Tensor;
  /** With `trace: true`: the state after every key block. */
  trace?: FlashTrace;
}

/**
 * Attention computed the way FlashAttention does (Dao et al. 2022; Milakov and Gimelshein's online softmax):
 * the keys and values are read one block of `blockSize` at a time, and for each query a running maximum m, a
 * running sum l and an unnormalised output are kept. When a block brings a larger score, what was accumulated
 * is rescaled by exp(m_old - m_new), so that at the end output = accumulated / l = softmax(Q K^T scale + mask) V
 * exactly as the plain computation, for every block size. The `[Tq, Tk]` score matrix is never built: the
 * scratch is one tile of scores (64 queries by one block of keys) and the `[Tq, dv]` accumulator, so long
 * sequences fit. Queries go 64 at a time through the gemm kernels, and under a causal mask a tile skips the key
 * blocks none of its queries may see.
 *
 * Same arguments and semantics as scaledDotProductAttention (broadcasting, GQA, boolean and additive masks,
 * both causal alignments; a query that may see no key gets zeros). Scores and the accumulator are in q's dtype
 * (as the plain computation), the running max and sum in float64; the output is in q's dtype.
 *
 * Shapes: q `[..., Hq, Tq, d]`, k `[..., Hkv, Tk, d]`, v `[..., Hkv, Tk, dv]` -> output `[..., Hq, Tq, dv]`.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { flashAttention } from '@attn/attention';
 * const q = randn([4, 64, 32], { seed: 1 });                    // [heads, T, d]
 * const { output, trace } = flashAttention(q, q, q, { blockSize: 16, causal: true, trace: true });
 * trace.blocks.length;                  // 4 blocks of 16 keys
 * trace.blocks[0].runningMax[0][5];     // query 5 of head 0: its largest score among keys 0..15
 */
export function flashAttention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options: FlashAttentionOptions & { trace: true },
): FlashAttentionResult & { trace: FlashTrace };
export function flashAttention(q: Tensor, k: Tensor, v: Tensor, options: FlashAttentionOptions): FlashAttentionResult;
export function flashAttention(q: Tensor, k: Tensor, v: Tensor, options: FlashAttentionOptions): FlashAttentionResult {
  const fn = 'flashAttention';
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${fn}: options must be an object with a blockSize, got ${describe(options)}`);
  }
  const { blockSize, mask, trace, ...rest } = options;
  if (typeof blockSize !== 'number' || !Number.isInteger(blockSize) || blockSize <= 0) {
    throw new RangeError(`${fn}: blockSize must be a positive integer (keys per block), got ${describe(blockSize)}`);
  }
  const isBool = mask !== undefined && mask !== null && (mask as Tensor).dtype === 'bool';
  const plan = planAttention(fn, q, k, v, isBool ? { ...rest, mask } : { ...rest, bias: mask });
  return attendInBlocks(plan, blockSize, trace === true);
}

/** Queries handled together: one gemm per tile and key block; causal tiles skip the blocks none of them sees. */
const QUERY_TILE = 64;

/** The online-softmax loop over one checked plan. */
function attendInBlocks(plan: AttentionPlan, blockSize: number, wantTrace: boolean): FlashAttentionResult {
  const { tq, tk, d, dv, scale, causal, allow, bias, outBatch, dtype } = plan;
  const count = plan.q.offsets.length;
  const blocks = Math.ceil(tk / blockSize);
  const f32 = dtype === 'float32';
  const kernels = getKernels();
  // Typed loosely: every array below has the plan's dtype by construction.
  const gemm = (f32 ? kernels.sgemm : kernels.dgemm) as GemmKernel<Float64Array>;
  const allocate = (n: number) => (f32 ? new Float32Array(n) : new Float64Array(n)) as Float64Array;
  const out = allocate(count * tq * dv);

  // Scratch, reused for every batch index: a [tile, block] tile of scores (then probabilities) and the running
  // state of every query. A block never holds more keys than there are.
  const width = Math.min(blockSize, tk);
  const tile = Math.min(QUERY_TILE, tq);
  const S = allocate(tile * width);
  const acc = allocate(tq * dv);
  const m = new Float64Array(tq);
  const l = new Float64Array(tq);

  const states: FlashBlockState[] = [];
  if (wantTrace) {
    for (let b = 0; b < blocks; b++) {
      const keyStart = b * blockSize;
      const keyEnd = Math.min(tk, keyStart + blockSize);
      const perBatch = <T>(make: () => T) => Array.from({ length: count }, () => Array.from({ length: tq }, make));
      states.push({
        block: b,
        keyStart,
        keyEnd,
        runningMax: perBatch(() => Number.NEGATIVE_INFINITY),
        runningSum: perBatch(() => 0),
        partialOutput: perBatch(() => new Array<number>(dv).fill(0)),
      });
    }
  }

  const { q, k, v } = plan;
  for (let n = 0; n < count; n++) {
    m.fill(Number.NEGATIVE_INFINITY);
    l.fill(0);
    acc.fill(0);
    for (let i0 = 0; i0 < tq; i0 += tile) {
      const i1 = Math.min(tq, i0 + tile);
      const rows = i1 - i0;
      // Under a causal mask no query of the tile sees past this key: later blocks are skipped outright.
      const lastKey = causal ? Math.min(tk - 1, causalLimit(i1 - 1, tq, tk, causal)) : tk - 1;
      for (let b = 0; b < blocks; b++) {
        const j0 = b * blockSize;
        const j1 = Math.min(tk, j0 + blockSize);
        const bc = j1 - j0;
        if (j0 <= lastKey) {
          // S = scale * Q_tile K_block^T: K^T is K's strides swapped, tile and block are offsets.
          gemm(
            'no-transpose',
            'no-transpose',
            rows,
            bc,
            d,
            scale,
            q.data as Float64Array,
            q.rowStride,
            q.colStride,
            q.offsets[n] + i0 * q.rowStride,
            k.data as Float64Array,
            k.colStride,
            k.rowStride,
            k.offsets[n] + j0 * k.rowStride,
            0,
            S,
            bc,
            1,
            0,
          );
          let changed = false;
          for (let i = i0; i < i1; i++) {
            const row = (i - i0) * bc;
            // Keys this query may see in the block: [j0, j0 + len), minus those the masks hide.
            const len = (causal ? Math.max(j0, Math.min(j1, causalLimit(i, tq, tk, causal) + 1)) : j1) - j0;
            const blockMax = maskRow(S, row, len, n, i, j0, allow, bias);
            if (blockMax === Number.NEGATIVE_INFINITY) {
              // Nothing visible here: this row adds nothing and its state stays as it was.
              S.fill(0, row, row + bc);
              continue;
            }
            changed = true;
            const mOld = m[i];
            const mNew = Math.max(mOld, blockMax);
            // Rescale what was accumulated against the old maximum (nothing was, while it is -Infinity).
            const correction = mOld === Number.NEGATIVE_INFINITY ? 0 : Math.exp(mOld - mNew);
            let sum = l[i] * correction;
            // p = exp(s - m_new): a hidden key (-Infinity) gives exactly 0; keys past the causal limit are zeroed.
            for (let j = row; j < row + len; j++) {
              const p = Math.exp(S[j] - mNew);
              S[j] = p;
              sum += p;
            }
            if (len < bc) S.fill(0, row + len, row + bc);
            if (correction !== 1) for (let c = 0; c < dv; c++) acc[i * dv + c] *= correction;
            m[i] = mNew;
            l[i] = sum;
          }
          // acc_tile += P V_block.
          if (changed) {
            gemm(
              'no-transpose',
              'no-transpose',
              rows,
              dv,
              bc,
              1,
              S,
              bc,
              1,
              0,
              v.data as Float64Array,
              v.rowStride,
              v.colStride,
              v.offsets[n] + j0 * v.rowStride,
              1,
              acc,
              dv,
              1,
              i0 * dv,
            );
          }
        }
        if (wantTrace) record(states[b], n, i0, i1, m, l, acc, dv);
      }
    }
    const base = n * tq * dv;
    for (let i = 0; i < tq; i++) {
      if (l[i] === 0) continue; // a query that saw no key: zeros, as scaledDotProductAttention gives
      const inv = 1 / l[i];
      for (let c = 0; c < dv; c++) out[base + i * dv + c] = acc[i * dv + c] * inv;
    }
  }
  const output = makeTensor(dtype, out, [...outBatch, tq, dv]);
  if (!wantTrace) return { output };
  return { output, trace: { blockSize, batchShape: [...outBatch], blocks: states } };
}

/**
 * Applies the boolean and additive masks to `len` scaled scores of query i in place (a hidden key becomes
 * -Infinity) and returns their maximum (NaN if one is NaN, as the plain softmax would propagate it).
 */
function maskRow(
  S: Float32Array | Float64Array,
  row: number,
  len: number,
  n: number,
  i: number,
  j0: number,
  allow: AttentionPlan['allow'],
  bias: AttentionPlan['bias'],
): number {
  let max = Number.NEGATIVE_INFINITY;
  if (allow === null && bias === null) {
    for (let j = row; j < row + len; j++) max = Math.max(max, S[j]);
    return max;
  }
  let ao = allow === null ? 0 : allow.offsets[n] + i * allow.rowStride + j0 * allow.colStride;
  let bo = bias === null ? 0 : bias.offsets[n] + i * bias.rowStride + j0 * bias.colStride;
  const aStep = allow === null ? 0 : allow.colStride;
  const bStep = bias === null ? 0 : bias.colStride;
  for (let j = row; j < row + len; j++, ao += aStep, bo += bStep) {
    let x = S[j];
    if (allow !== null && allow.data[ao] === 0) x = Number.NEGATIVE_INFINITY;
    else if (bias !== null) x += bias.data[bo];
    S[j] = x;
    max = Math.max(max, x);
  }
  return max;
}

/** Writes the running state of queries [i0, i1) of batch index n after a block into its trace, as plain numbers. */
function record(
  state: FlashBlockState,
  n: number,
  i0: number,
  i1: number,
  m: Float64Array,
  l: Float64Array,
  acc: Float32Array | Float64Array,
  dv: number,
): void {
  for (let i = i0; i < i1; i++) {
    state.runningMax[n][i] = m[i];
    state.runningSum[n][i] = l[i];
    const row = state.partialOutput[n][i];
    if (l[i] > 0) for (let c = 0; c < dv; c++) row[c] = acc[i * dv + c] / l[i];
  }
}
