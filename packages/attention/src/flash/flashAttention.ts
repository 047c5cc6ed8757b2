import { makeTensor, type Tensor } from '@attn/tensor';
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
 * memory is O(Tq * dv + blockSize * (d + dv)) per batch index, so long sequences fit.
 *
 * Same arguments and semantics as scaledDotProductAttention (broadcasting, GQA, boolean and additive masks,
 * both causal alignments; a query that may see no key gets zeros). Sums are kept in float64; the output is in
 * q's dtype.
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

/** The online-softmax loop over one checked plan. */
function attendInBlocks(plan: AttentionPlan, blockSize: number, wantTrace: boolean): FlashAttentionResult {
  const { tq, tk, d, dv, scale, causal, allow, bias, outBatch, dtype } = plan;
  const count = plan.q.offsets.length;
  const blocks = Math.ceil(tk / blockSize);
  const out = dtype === 'float32' ? new Float32Array(count * tq * dv) : new Float64Array(count * tq * dv);

  // Scratch, reused for every batch index: the queries, one block of keys and values, and the running state.
  const Q = new Float64Array(tq * d);
  const width = Math.min(blockSize, tk); // a block never holds more keys than there are
  const K = new Float64Array(width * d);
  const V = new Float64Array(width * dv);
  const m = new Float64Array(tq);
  const l = new Float64Array(tq);
  const acc = new Float64Array(tq * dv);
  const s = new Float64Array(width);

  const states: FlashBlockState[] = [];
  if (wantTrace) {
    for (let b = 0; b < blocks; b++) {
      const keyStart = b * blockSize;
      const keyEnd = Math.min(tk, keyStart + blockSize);
      states.push({ block: b, keyStart, keyEnd, runningMax: [], runningSum: [], partialOutput: [] });
    }
  }

  const qd = plan.q.data;
  const kd = plan.k.data;
  const vd = plan.v.data;
  for (let n = 0; n < count; n++) {
    copyRows(qd, plan.q.offsets[n], plan.q.rowStride, plan.q.colStride, 0, tq, d, Q);
    m.fill(Number.NEGATIVE_INFINITY);
    l.fill(0);
    acc.fill(0);
    for (let b = 0; b < blocks; b++) {
      const j0 = b * blockSize;
      const j1 = Math.min(tk, j0 + blockSize);
      copyRows(kd, plan.k.offsets[n], plan.k.rowStride, plan.k.colStride, j0, j1, d, K);
      copyRows(vd, plan.v.offsets[n], plan.v.rowStride, plan.v.colStride, j0, j1, dv, V);
      for (let i = 0; i < tq; i++) {
        // Keys this query may see in the block: [j0, end), minus those the masks hide.
        const end = causal ? Math.min(j1, causalLimit(i, tq, tk, causal) + 1) : j1;
        if (end <= j0) continue;
        let blockMax = Number.NEGATIVE_INFINITY;
        const qRow = i * d;
        for (let j = j0; j < end; j++) {
          let x: number;
          if (allow !== null && allow.data[allow.offsets[n] + i * allow.rowStride + j * allow.colStride] === 0) {
            x = Number.NEGATIVE_INFINITY;
          } else {
            let dot = 0;
            const kRow = (j - j0) * d;
            for (let c = 0; c < d; c++) dot += Q[qRow + c] * K[kRow + c];
            x = dot * scale;
            if (bias !== null) x += bias.data[bias.offsets[n] + i * bias.rowStride + j * bias.colStride];
          }
          s[j - j0] = x;
          // Math.max keeps a NaN score, so a NaN reaches the output as it does in the plain computation.
          blockMax = Math.max(blockMax, x);
        }
        if (blockMax === Number.NEGATIVE_INFINITY) continue; // nothing visible here: the state stays as it was
        const mOld = m[i];
        const mNew = Math.max(mOld, blockMax);
        // Rescale what was accumulated against the old maximum (nothing was, while it is -Infinity).
        const correction = mOld === Number.NEGATIVE_INFINITY ? 0 : Math.exp(mOld - mNew);
        const aRow = i * dv;
        let sum = l[i] * correction;
        for (let c = 0; c < dv; c++) acc[aRow + c] *= correction;
        for (let j = j0; j < end; j++) {
          const x = s[j - j0];
          if (x === Number.NEGATIVE_INFINITY) continue;
          const p = Math.exp(x - mNew);
          sum += p;
          const vRow = (j - j0) * dv;
          for (let c = 0; c < dv; c++) acc[aRow + c] += p * V[vRow + c];
        }
        m[i] = mNew;
        l[i] = sum;
      }
      if (wantTrace) record(states[b], m, l, acc, tq, dv);
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

/** Rows [from, to) of a strided matrix, as float64 into a contiguous `[to - from, width]` buffer. */
function copyRows(
  data: ArrayLike<number>,
  offset: number,
  rowStride: number,
  colStride: number,
  from: number,
  to: number,
  width: number,
  into: Float64Array,
): void {
  for (let r = from; r < to; r++) {
    const src = offset + r * rowStride;
    const dst = (r - from) * width;
    for (let c = 0; c < width; c++) into[dst + c] = data[src + c * colStride];
  }
}

/** Appends one batch index's running state to a block's trace, as plain arrays. */
function record(state: FlashBlockState, m: Float64Array, l: Float64Array, acc: Float64Array, tq: number, dv: number) {
  state.runningMax.push(Array.from(m));
  state.runningSum.push(Array.from(l));
  const partial: number[][] = [];
  for (let i = 0; i < tq; i++) {
    const row = new Array<number>(dv).fill(0);
    if (l[i] > 0) for (let c = 0; c < dv; c++) row[c] = acc[i * dv + c] / l[i];
    partial.push(row);
  }
  state.partialOutput.push(partial);
}
