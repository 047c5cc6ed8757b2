import { makeTensor, showShape, type Tensor } from '@attn/tensor';
import { attendFused } from '../fast/attendFused.js';
import { projectHeads } from '../fast/projectHeads.js';
import { projectRows } from '../fast/projectRows.js';
import { scratch } from '../fast/scratch.js';
import {
  assertFloatTensor,
  assertOut,
  assertPositiveInteger,
  assertSameDType,
  assertTensor,
} from '../internal/validate.js';
import { linearUnchecked } from '../layers/linear.js';
import type { AttentionTrace, MultiHeadTrace } from './AttentionTrace.js';
import { andMasks } from './andMasks.js';
import type { CausalAlignment } from './causalMask.js';
import type { MultiHeadAttentionParams } from './MultiHeadAttentionParams.js';
import { mergeHeads } from './mergeHeads.js';
import { planAttention } from './planAttention.js';
import { runAttention } from './scaledDotProductAttention.js';
import { splitHeads } from './splitHeads.js';

/** Options of {@link multiHeadAttention}. */
export interface MultiHeadAttentionOptions {
  /**
   * Which keys are real tokens: bool `[B, Tk]` (`[Tk]` for unbatched inputs), **true = a real token** that may be
   * attended to, false = padding. (PyTorch's `key_padding_mask` has the opposite polarity: pass `not(kpm)`.)
   */
  keyPaddingMask?: Tensor;
  /**
   * An attention mask broadcasting to `[B, H, Tq, Tk]`: bool (true = may attend) or float (added to the
   * scores). PyTorch's `attn_mask`: a bool one there means true = NOT allowed; its 3-D `[B*H, Tq, Tk]` form is
   * this `[B, H, Tq, Tk]` reshaped.
   */
  mask?: Tensor;
  /** A causal mask, applied (not a hint, unlike PyTorch's `is_causal` here): `true` upper-left, or `'lower-right'`. */
  causal?: boolean | CausalAlignment;
  /** Return the attention weights as PyTorch's `need_weights` does. Default false (PyTorch: true). */
  needWeights?: boolean;
  /** With `needWeights`, average the weights over heads (`[B, Tq, Tk]`) or not (`[B, H, Tq, Tk]`). Default true. */
  averageAttnWeights?: boolean;
  /** Also return every stage (see {@link MultiHeadTrace}). */
  trace?: boolean;
  /**
   * Write the output here instead of a fresh tensor (and return it as `output`): a contiguous tensor of the
   * output's shape (`[B, Tq, E]`, or `[Tq, E]` unbatched) and the query's dtype. With it, repeated calls on the fast
   * path allocate no memory beyond a few small objects: the workspaces are reused.
   */
  out?: Tensor;
}

/** What {@link multiHeadAttention} returns. */
export interface MultiHeadAttentionResult {
  /** `[B, Tq, E]` (`[Tq, E]` for unbatched inputs). */
  output: Tensor;
  /** With `needWeights`: `[B, Tq, Tk]` averaged over heads, or `[B, H, Tq, Tk]` (no B for unbatched inputs). */
  weights?: Tensor;
  /** With `trace`: every stage, batch axis always present. */
  trace?: MultiHeadTrace;
}

/**
 * Multi-head attention as PyTorch's `nn.MultiheadAttention(batch_first=True)` computes it for inference
 * (`F.multi_head_attention_forward`): project queries, keys and values, split them into heads, attend per head
 * (scaled dot-product, scale 1/sqrt(d)), concatenate the heads and project the result.
 *
 * MultiHead(Q, K, V) = Concat(head_1, ..., head_H) W_O^T + b_O, head_h = Attention(Q W_Q,h^T, K W_K,h^T, V W_V,h^T).
 *
 * Self-attention passes the same tensor three times; cross-attention passes keys and values of another length
 * (Tk) and width (kdim, vdim). With `numKvHeads` < `numHeads` it is grouped-query attention (1: multi-query).
 * A query that may attend to no key gets zeros from attention (PyTorch gives NaN), so its output is b_O.
 * Without `trace` and `needWeights`, float32 takes the fast path (one gemm for packed self-attention projections,
 * the fused attention kernel, heads written straight into the concatenation; see the README's "The fast path").
 *
 * Shapes: query `[B, Tq, E]`, key `[B, Tk, kdim]`, value `[B, Tk, vdim]` -> output `[B, Tq, E]`; the batch
 * axis may be left out of all three (unbatched).
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { initMultiHeadAttention, multiHeadAttention } from '@attn/attention';
 * const params = initMultiHeadAttention({ embedDim: 16, numHeads: 4, seed: 1 });
 * const x = randn([2, 5, 16], { seed: 2 });
 * const { output } = multiHeadAttention(x, x, x, params, { causal: true }); // [2, 5, 16]
 */
export function multiHeadAttention(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  params: MultiHeadAttentionParams,
  options: MultiHeadAttentionOptions & { trace: true },
): MultiHeadAttentionResult & { trace: MultiHeadTrace };
export function multiHeadAttention(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  params: MultiHeadAttentionParams,
  options?: MultiHeadAttentionOptions,
): MultiHeadAttentionResult;
export function multiHeadAttention(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  params: MultiHeadAttentionParams,
  options: MultiHeadAttentionOptions = {},
): MultiHeadAttentionResult {
  const fn = 'multiHeadAttention';
  const p = checkInputs(fn, query, key, value, params);
  const { heads, kvHeads, batched } = p;
  const q3 = batched ? query : unsqueeze0(query);
  const k3 = batched ? key : unsqueeze0(key);
  const v3 = batched ? value : unsqueeze0(value);
  const [b, tq] = q3.shape;
  const tk = k3.shape[1];
  const { out } = options;
  if (out !== undefined) assertOut(fn, out, query.dtype, batched ? [b, tq, p.wo.shape[0]] : [tq, p.wo.shape[0]]);

  const wantTrace = options.trace === true || options.needWeights === true;
  // The fast path (float32, no trace): projections into one reused workspace, heads straight into the concatenation.
  const fast = !wantTrace && query.dtype === 'float32';
  const { q, k, v } = fast
    ? projectHeads(q3, k3, v3, p, heads, kvHeads)
    : {
        q: splitHeads(linearUnchecked(q3, p.wq, p.bq), heads),
        k: splitHeads(linearUnchecked(k3, p.wk, p.bk), kvHeads),
        v: splitHeads(linearUnchecked(v3, p.wv, p.bv), kvHeads),
      };

  // Masks: the key padding mask is [B, 1, 1, Tk] against [B, H, Tq, Tk]; a boolean attention mask joins it by AND.
  let allow: Tensor<'bool'> | undefined;
  let bias: Tensor | undefined;
  if (options.keyPaddingMask !== undefined) {
    const kpm = options.keyPaddingMask;
    assertTensor(fn, 'keyPaddingMask', kpm);
    const expected = batched ? [b, tk] : [tk];
    if (kpm.dtype !== 'bool') {
      throw new TypeError(
        `${fn}: keyPaddingMask must be bool (true = a real token), got ${kpm.dtype} ${showShape(kpm.shape)}; for an additive float mask use mask`,
      );
    }
    if (showShape(kpm.shape) !== showShape(expected)) {
      throw new RangeError(
        `${fn}: keyPaddingMask must be ${showShape(expected)} (batch, keys) for key ${showShape(key.shape)}, got ${showShape(kpm.shape)}`,
      );
    }
    const [sb, sk] = batched ? kpm.strides : [0, kpm.strides[0]];
    allow = makeTensor('bool', kpm.data as Uint8Array, [b, 1, 1, tk], [sb, 0, 0, sk], kpm.offset);
  }
  if (options.mask !== undefined) {
    assertTensor(fn, 'mask', options.mask);
    const m = options.mask;
    const target = [b, heads, tq, tk];
    const fits = m.shape.length <= 4 && m.shape.every((n, a) => n === 1 || n === target[4 - m.shape.length + a]);
    if (!fits) {
      throw new RangeError(
        `${fn}: mask ${showShape(m.shape)} does not broadcast to [B, H, Tq, Tk] = ${showShape(target)}`,
      );
    }
    if (m.dtype === 'bool') {
      const mb = m as Tensor<'bool'>;
      allow = allow ? andMasks(fn, allow, mb) : mb;
    } else bias = m;
  }
  const plan = planAttention(fn, q, k, v, {
    mask: allow,
    bias,
    causal: options.causal,
    enableGqa: kvHeads !== heads,
  });
  let concat: Tensor;
  let trace: AttentionTrace | undefined;
  if (fast) {
    // Each head's output goes straight to its columns of the concatenation: no merge copy.
    const width = heads * plan.dv;
    const data = scratch('concatenation', b * tq * width);
    attendFused(plan, data, width, (n) => Math.floor(n / heads) * tq * width + (n % heads) * plan.dv);
    concat = makeTensor('float32', data, [b, tq, width]);
  } else {
    const result = runAttention(plan, wantTrace);
    concat = mergeHeads(result.output);
    trace = result.trace;
  }
  let out3: Tensor;
  if (fast) {
    const e = p.wo.shape[0];
    const data = out === undefined ? new Float32Array(b * tq * e) : (out.data as Float32Array);
    const offset = out === undefined ? 0 : out.offset;
    projectRows(concat, p.wo, p.bo, data, offset, e);
    out3 = makeTensor('float32', data, [b, tq, e], undefined, offset);
  } else {
    out3 = linearUnchecked(concat, p.wo, p.bo);
    out?.data.set(out3.data as Float32Array & Float64Array, out.offset);
  }
  const output = out ?? (batched ? out3 : makeTensor(out3.dtype, out3.data, out3.shape.slice(1)));

  const result: MultiHeadAttentionResult = { output };
  if (options.needWeights && trace) {
    result.weights = headWeights(trace, options.averageAttnWeights ?? true, batched);
  }
  if (options.trace && trace) {
    const full: MultiHeadTrace = { q, k, v, attention: trace as AttentionTrace, concat, output: out3 };
    result.trace = full;
  }
  return result;
}

/** The weights as PyTorch returns them: averaged over heads `[B, Tq, Tk]`, or per head `[B, H, Tq, Tk]`. */
function headWeights(trace: AttentionTrace, average: boolean, batched: boolean): Tensor {
  const w = trace.weights;
  const [b, h, tq, tk] = w.shape;
  if (!average) return batched ? w : makeTensor(w.dtype, w.data, [h, tq, tk]);
  const block = tq * tk;
  const out = w.dtype === 'float32' ? new Float32Array(b * block) : new Float64Array(b * block);
  const sum = new Float64Array(block);
  for (let bi = 0; bi < b; bi++) {
    sum.fill(0);
    for (let hi = 0; hi < h; hi++) {
      const from = (bi * h + hi) * block;
      for (let e = 0; e < block; e++) sum[e] += w.data[from + e];
    }
    for (let e = 0; e < block; e++) out[bi * block + e] = sum[e] / h;
  }
  return makeTensor(w.dtype, out, batched ? [b, tq, tk] : [tq, tk]);
}

/** A view with a leading axis of length 1. */
function unsqueeze0(t: Tensor): Tensor {
  return makeTensor(t.dtype, t.data, [1, ...t.shape], [0, ...t.strides], t.offset);
}

interface CheckedParams {
  heads: number;
  kvHeads: number;
  batched: boolean;
  wq: Tensor;
  wk: Tensor;
  wv: Tensor;
  wo: Tensor;
  bq?: Tensor;
  bk?: Tensor;
  bv?: Tensor;
  bo?: Tensor;
}

/** Checks inputs and weights against each other; resolves a packed in_proj_weight into three row views. */
function checkInputs(
  fn: string,
  query: Tensor,
  key: Tensor,
  value: Tensor,
  params: MultiHeadAttentionParams,
): CheckedParams {
  assertFloatTensor(fn, 'query', query);
  assertFloatTensor(fn, 'key', key);
  assertFloatTensor(fn, 'value', value);
  assertSameDType(fn, 'key', key, 'query', query);
  assertSameDType(fn, 'value', value, 'query', query);
  const shapes = `query ${showShape(query.shape)}, key ${showShape(key.shape)}, value ${showShape(value.shape)}`;
  const rank = query.shape.length;
  if ((rank !== 2 && rank !== 3) || key.shape.length !== rank || value.shape.length !== rank) {
    throw new RangeError(
      `${fn}: query, key and value must all be [B, T, width] (or all [T, width] unbatched), got ${shapes}`,
    );
  }
  const batched = rank === 3;
  if (batched && (key.shape[0] !== query.shape[0] || value.shape[0] !== query.shape[0])) {
    throw new RangeError(`${fn}: query, key and value must have the same batch size, got ${shapes}`);
  }
  if (key.shape[rank - 2] !== value.shape[rank - 2]) {
    throw new RangeError(`${fn}: key and value must have as many tokens, got ${shapes}`);
  }
  if (typeof params !== 'object' || params === null) throw new TypeError(`${fn}: params must be an object`);
  const e = query.shape[rank - 1];
  const kdim = key.shape[rank - 1];
  const vdim = value.shape[rank - 1];
  const heads = params.numHeads;
  assertPositiveInteger(fn, 'numHeads', heads);
  const kvHeads = params.numKvHeads ?? heads;
  assertPositiveInteger(fn, 'numKvHeads', kvHeads);
  if (e % heads !== 0) {
    throw new RangeError(
      `${fn}: numHeads (${heads}) must divide the embedding width E (${e}) of query ${showShape(query.shape)}`,
    );
  }
  if (heads % kvHeads !== 0) {
    throw new RangeError(`${fn}: numKvHeads (${kvHeads}) must divide numHeads (${heads})`);
  }
  const d = e / heads;
  const kvWidth = kvHeads * d;

  const weight = (name: string, w: Tensor | undefined, rows: number, cols: number): Tensor => {
    if (w === undefined) throw new TypeError(`${fn}: params.${name} is missing (expected [${rows}, ${cols}])`);
    assertFloatTensor(fn, `params.${name}`, w);
    assertSameDType(fn, `params.${name}`, w, 'query', query);
    if (w.shape.length !== 2 || w.shape[0] !== rows || w.shape[1] !== cols) {
      throw new RangeError(`${fn}: params.${name} must be [${rows}, ${cols}] for ${shapes}, got ${showShape(w.shape)}`);
    }
    return w;
  };
  const vector = (name: string, b: Tensor | undefined, length: number): Tensor | undefined => {
    if (b === undefined) return undefined;
    assertFloatTensor(fn, `params.${name}`, b);
    assertSameDType(fn, `params.${name}`, b, 'query', query);
    if (b.shape.length !== 1 || b.shape[0] !== length) {
      throw new RangeError(`${fn}: params.${name} must be [${length}], got ${showShape(b.shape)}`);
    }
    return b;
  };
  // Rows [from, from + count) of a matrix or vector, as a view.
  const rows = (t: Tensor, from: number, count: number): Tensor =>
    makeTensor(t.dtype, t.data, [count, ...t.shape.slice(1)], t.strides, t.offset + from * t.strides[0]);

  let wq: Tensor;
  let wk: Tensor;
  let wv: Tensor;
  if (params.inProjWeight !== undefined) {
    if (params.qProjWeight || params.kProjWeight || params.vProjWeight) {
      throw new TypeError(`${fn}: give either params.inProjWeight or params.q/k/vProjWeight, not both`);
    }
    if (kvHeads !== heads || kdim !== e || vdim !== e) {
      throw new RangeError(
        `${fn}: a packed params.inProjWeight needs numKvHeads = numHeads and kdim = vdim = E (${e}); got numKvHeads ${kvHeads}, ${shapes}: use q/k/vProjWeight`,
      );
    }
    const w = weight('inProjWeight', params.inProjWeight, 3 * e, e);
    wq = rows(w, 0, e);
    wk = rows(w, e, e);
    wv = rows(w, 2 * e, e);
  } else {
    wq = weight('qProjWeight', params.qProjWeight, e, e);
    wk = weight('kProjWeight', params.kProjWeight, kvWidth, kdim);
    wv = weight('vProjWeight', params.vProjWeight, kvWidth, vdim);
  }
  let bq = vector('qProjBias', params.qProjBias, e);
  let bk = vector('kProjBias', params.kProjBias, kvWidth);
  let bv = vector('vProjBias', params.vProjBias, kvWidth);
  if (params.inProjBias !== undefined) {
    if (bq || bk || bv) throw new TypeError(`${fn}: give either params.inProjBias or params.q/k/vProjBias, not both`);
    if (kvHeads !== heads) {
      throw new RangeError(`${fn}: a packed params.inProjBias needs numKvHeads = numHeads; use q/k/vProjBias`);
    }
    const b = vector('inProjBias', params.inProjBias, 3 * e) as Tensor;
    bq = rows(b, 0, e);
    bk = rows(b, e, e);
    bv = rows(b, 2 * e, e);
  }
  const wo = weight('outProjWeight', params.outProjWeight, e, e);
  const bo = vector('outProjBias', params.outProjBias, e);
  return { heads, kvHeads, batched, wq, wk, wv, wo, bq, bk, bv, bo };
}
