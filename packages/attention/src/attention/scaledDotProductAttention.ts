import { type DataOf, type FloatDType, getKernels, makeTensor, type Tensor } from '@attn/tensor';
import { attendFused } from '../fast/attendFused.js';
import { assertOut } from '../internal/validate.js';
import type { AttentionTrace } from './AttentionTrace.js';
import type { CausalAlignment } from './causalMask.js';
import { maskScores } from './maskScores.js';
import { type AttentionPlan, planAttention } from './planAttention.js';

/** Options of {@link scaledDotProductAttention}. */
export interface ScaledDotProductAttentionOptions {
  /** What the scores Q K^T are multiplied by. Default 1/sqrt(d_k), d_k the last axis of q. */
  scale?: number;
  /**
   * A boolean mask (true = may attend) or an additive float mask (added to the scaled scores, -Infinity hides
   * a key), broadcasting to `[..., Tq, Tk]`.
   */
  mask?: Tensor;
  /**
   * Hide later keys from each query: `true` (or `'upper-left'`) is PyTorch's `is_causal` (`tril(ones(Tq, Tk))`);
   * `'lower-right'` aligns the last query with the last key (decoding with a key/value cache). Combined with
   * `mask` by AND.
   */
  causal?: boolean | CausalAlignment;
  /**
   * Grouped-query attention as PyTorch's `enable_gqa`: k and v have Hkv heads (axis -3), q has Hq, a multiple of
   * Hkv, and query head h uses key/value head floor(h * Hkv / Hq).
   */
  enableGqa?: boolean;
  /** Also return every stage (see {@link AttentionTrace}). Costs memory of four `[batch, head, Tq, Tk]` tensors. */
  trace?: boolean;
  /**
   * Write the output here instead of a fresh tensor (and return it as `output`): a contiguous tensor of the
   * output's shape `[..., Tq, dv]` and q's dtype. With it, repeated calls allocate no output memory.
   */
  out?: Tensor;
}

/** What {@link scaledDotProductAttention} returns. */
export interface AttentionResult {
  /** softmax(mask(Q K^T * scale)) V, `[...batch, Tq, dv]`, in q's dtype. */
  output: Tensor;
  /** Every stage, present when `trace: true`. */
  trace?: AttentionTrace;
}

/**
 * Scaled dot-product attention with PyTorch's semantics (`F.scaled_dot_product_attention`, inference):
 * output = softmax(Q K^T * scale + mask) V, per batch and head.
 *
 * Shapes: q `[..., Hq, Tq, d]`, k `[..., Hkv, Tk, d]`, v `[..., Hkv, Tk, dv]` -> output `[..., Hq, Tq, dv]`.
 * The axes before the last two broadcast (numpy rules), so q `[8, Tq, d]` with k `[1, Tk, d]` shares one key
 * matrix across 8 heads; rank 2 inputs are a single head. q, k, v are read in place through their strides
 * (K^T is a view, never copied). Unlike PyTorch, a query that may attend to no key gets an output of zeros
 * (not NaN), and the trace reports it in `fullyMasked`. Without `trace`, float32 runs on the fused kernel
 * (`sfusedSoftmaxGemm` of `@attn/tensor`: blocked online softmax, no Tq x Tk matrix, key blocks a causal mask
 * hides never computed); the traced path returns the same output, bit for bit.
 *
 * NaN in an input propagates as in PyTorch (a NaN in q's row i makes output row i NaN; a NaN in V reaches every
 * query that gives its key a weight, or any weight at all, since 0 * NaN = NaN), with one exception that the
 * boolean mask guarantees: a NaN score at a key that the boolean or causal mask hides is replaced, not added to.
 * The fast path adds two: an additive -Infinity hides its key the same way, and a key in a block of keys that the
 * causal mask hides from a whole block of 8 queries is never read, so a NaN in its V row does not reach them.
 *
 * @example
 * import { tensor } from '@attn/tensor';
 * import { scaledDotProductAttention } from '@attn/attention';
 * const q = tensor([[1, 0], [0, 1]]);
 * const { output, trace } = scaledDotProductAttention(q, q, q, { causal: true, trace: true });
 * trace.weights; // [1, 1, 2, 2]: row 0 attends only to key 0
 */
export function scaledDotProductAttention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options: ScaledDotProductAttentionOptions & { trace: true },
): AttentionResult & { trace: AttentionTrace };
export function scaledDotProductAttention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options?: ScaledDotProductAttentionOptions,
): AttentionResult;
export function scaledDotProductAttention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options: ScaledDotProductAttentionOptions = {},
): AttentionResult {
  const fn = 'scaledDotProductAttention';
  const { mask, ...rest } = options;
  // One public `mask` argument; the plan keeps boolean and additive masks apart (multi-head attention uses both).
  const isBool = mask !== undefined && mask !== null && (mask as Tensor).dtype === 'bool';
  const plan = planAttention(fn, q, k, v, isBool ? { ...rest, mask } : { ...rest, bias: mask });
  const { out } = options;
  if (out !== undefined) assertOut(fn, out, plan.dtype, [...plan.outBatch, plan.tq, plan.dv]);
  return runAttention(plan, options.trace === true, out);
}

/**
 * Runs a checked plan: the plain (fast) path, or the traced one, into `out` when given. Internal (multi-head
 * attention calls it too).
 */
export function runAttention(plan: AttentionPlan, trace: boolean, out?: Tensor): AttentionResult {
  return trace ? attendTraced(plan, out) : attend(plan, out);
}

type Float = DataOf<FloatDType>;

/** The kernels for the plan's dtype (typed loosely: the data arrays match the dtype by construction). */
function kernelsFor(plan: AttentionPlan) {
  const kernels = getKernels();
  const f32 = plan.dtype === 'float32';
  return {
    gemm: (f32 ? kernels.sgemm : kernels.dgemm) as (...args: Parameters<typeof kernels.dgemm>) => void,
    softmaxRows: (f32 ? kernels.ssoftmaxRows : kernels.dsoftmaxRows) as (
      ...args: Parameters<typeof kernels.dsoftmaxRows>
    ) => void,
  };
}

function allocateFloat(plan: AttentionPlan, length: number): Float {
  return plan.dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** The output's data and where it starts: `out`'s when given, else a fresh array. */
function outputData(plan: AttentionPlan, out: Tensor | undefined): { O: Float; base: number } {
  if (out !== undefined) return { O: out.data as Float, base: out.offset };
  return { O: allocateFloat(plan, plan.q.offsets.length * plan.tq * plan.dv), base: 0 };
}

/** float32: every head through the fused kernel (see `fast/attendFused.ts`), heads one after another in O. */
function attendFloat32(plan: AttentionPlan, O: Float, base: number): void {
  const block = plan.tq * plan.dv;
  attendFused(plan, O as Float32Array, plan.dv, (n) => base + n * block);
}

/** S = scale * Q_n K_n^T into S[offsetS ..], a `[Tq, Tk]` row-major block. K^T is K's strides swapped. */
function scores(
  plan: AttentionPlan,
  gemm: ReturnType<typeof kernelsFor>['gemm'],
  n: number,
  scale: number,
  S: Float,
  offsetS: number,
) {
  const { q, k, tq, tk, d } = plan;
  gemm(
    'no-transpose',
    'no-transpose',
    tq,
    tk,
    d,
    scale,
    q.data as Float64Array,
    q.rowStride,
    q.colStride,
    q.offsets[n],
    k.data as Float64Array,
    k.colStride,
    k.rowStride,
    k.offsets[n],
    0,
    S as Float64Array,
    tk,
    1,
    offsetS,
  );
}

/** O_n = W V_n, then zero the rows of queries that could attend to nothing (0 * Infinity would give NaN). */
function weightedValues(
  plan: AttentionPlan,
  gemm: ReturnType<typeof kernelsFor>['gemm'],
  n: number,
  W: Float,
  offsetW: number,
  O: Float,
  fullyMasked: Uint8Array,
  fullOffset: number,
  fullRows: number,
  base: number,
) {
  const { v, tq, tk, dv } = plan;
  const offsetO = base + n * tq * dv;
  gemm(
    'no-transpose',
    'no-transpose',
    tq,
    dv,
    tk,
    1,
    W as Float64Array,
    tk,
    1,
    offsetW,
    v.data as Float64Array,
    v.rowStride,
    v.colStride,
    v.offsets[n],
    0,
    O as Float64Array,
    dv,
    1,
    offsetO,
  );
  if (fullRows === 0) return;
  for (let i = 0; i < tq; i++) {
    if (fullyMasked[fullOffset + i]) O.fill(0, offsetO + i * dv, offsetO + (i + 1) * dv);
  }
}

/**
 * The plain path. float32 takes the fused kernel (no `[Tq, Tk]` matrix at all); float64 composes the kernels with
 * one `[Tq, Tk]` scratch block reused for every batch index and head.
 */
function attend(plan: AttentionPlan, out: Tensor | undefined): AttentionResult {
  const { tq, tk, dv, outBatch } = plan;
  const { O, base } = outputData(plan, out);
  const output = out ?? makeTensor(plan.dtype, O, [...outBatch, tq, dv]);
  if (plan.dtype === 'float32') {
    attendFloat32(plan, O, base);
    return { output };
  }
  const { gemm, softmaxRows } = kernelsFor(plan);
  const count = plan.q.offsets.length;
  const S = allocateFloat(plan, tq * tk);
  const fully = new Uint8Array(tq);
  for (let n = 0; n < count; n++) {
    scores(plan, gemm, n, plan.scale, S, 0);
    fully.fill(0);
    const fullRows = maskScores(plan, n, S, 0, fully, 0, null, 0);
    softmaxRows(tq, tk, S as Float64Array, tk, 1, 0, S as Float64Array, tk, 1, 0);
    weightedValues(plan, gemm, n, S, 0, O, fully, 0, fullRows, base);
  }
  return { output };
}

/**
 * The traced path: every stage kept, as `[batch, head, Tq, Tk]` tensors, by the plain composition of kernels.
 * The output itself comes from the same code as {@link attend} (the fused kernel for float32), so traced and
 * plain outputs are identical, bit for bit.
 */
function attendTraced(plan: AttentionPlan, out: Tensor | undefined): AttentionResult & { trace: AttentionTrace } {
  const { tq, tk, dv, outBatch, batch, heads, dtype, scale } = plan;
  const { gemm, softmaxRows } = kernelsFor(plan);
  const count = plan.q.offsets.length;
  const block = tq * tk;
  const { O, base } = outputData(plan, out);
  const scoresData = allocateFloat(plan, count * block);
  const scaledData = allocateFloat(plan, count * block);
  const maskedData = allocateFloat(plan, count * block);
  const weightsData = allocateFloat(plan, count * block);
  const allowed = new Uint8Array(count * block);
  const fully = new Uint8Array(count * tq);
  for (let n = 0; n < count; n++) {
    const at = n * block;
    scores(plan, gemm, n, 1, scoresData, at);
    // Scaled by the gemm's alpha exactly as the plain path does, so traced and plain outputs are identical.
    scores(plan, gemm, n, scale, scaledData, at);
    maskedData.set(scaledData.subarray(at, at + block), at);
    const fullRows = maskScores(plan, n, maskedData, at, fully, n * tq, allowed, at);
    softmaxRows(tq, tk, maskedData as Float64Array, tk, 1, at, weightsData as Float64Array, tk, 1, at);
    if (dtype === 'float64') weightedValues(plan, gemm, n, weightsData, at, O, fully, n * tq, fullRows, base);
  }
  if (dtype === 'float32') attendFloat32(plan, O, base);
  const output = out ?? makeTensor(dtype, O, [...outBatch, tq, dv]);
  const stage = [batch, heads, tq, tk];
  const trace: AttentionTrace = {
    scale,
    scores: makeTensor(dtype, scoresData, stage),
    scaled: makeTensor(dtype, scaledData, stage),
    mask: makeTensor('bool', allowed, stage),
    masked: makeTensor(dtype, maskedData, stage),
    weights: makeTensor(dtype, weightsData, stage),
    output: makeTensor(dtype, O, [batch, heads, tq, dv], undefined, base),
    fullyMasked: makeTensor('bool', fully, [batch, heads, tq]),
  };
  return { output, trace };
}
