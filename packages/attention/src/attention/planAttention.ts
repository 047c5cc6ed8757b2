import { broadcastShapes, type DataOf, type FloatDType, showShape, type Tensor } from '@attn/tensor';
import { sliceOffsets } from '../internal/sliceOffsets.js';
import { assertFloatTensor, assertSameDType, assertTensor, describe } from '../internal/validate.js';
import type { CausalAlignment } from './causalMask.js';

/** One operand of attention, read in place: where each of its matrices starts, and its row/column strides. */
export interface StridedOperand<T> {
  data: T;
  /** The data offset of the matrix for each batch index (row-major over the broadcast batch shape). */
  offsets: Float64Array;
  rowStride: number;
  colStride: number;
}

/** Everything the attention loop needs, checked and resolved once at the public boundary. Internal. */
export interface AttentionPlan {
  dtype: FloatDType;
  tq: number;
  tk: number;
  d: number;
  dv: number;
  scale: number;
  /** The broadcast shape of every axis but the last two: the output is `[...outBatch, Tq, dv]`. */
  outBatch: number[];
  /** outBatch flattened for the trace: `[batch, head]`. */
  batch: number;
  heads: number;
  q: StridedOperand<DataOf<FloatDType>>;
  k: StridedOperand<DataOf<FloatDType>>;
  v: StridedOperand<DataOf<FloatDType>>;
  /** The boolean mask (true = may attend), strides 0 along broadcast axes. */
  allow: StridedOperand<Uint8Array> | null;
  /** The additive float mask, added to the scaled scores. */
  bias: StridedOperand<DataOf<FloatDType>> | null;
  causal: CausalAlignment | null;
}

/** The options {@link planAttention} reads (the public options type lives with the function). */
export interface PlanOptions {
  scale?: number;
  /** A boolean mask, true = may attend. */
  mask?: Tensor;
  /** An additive float mask. */
  bias?: Tensor;
  causal?: boolean | CausalAlignment;
  enableGqa?: boolean;
}

/**
 * Checks q, k, v and the options of scaled dot-product attention and works out how to read them:
 * broadcast batch axes, grouped-query head mapping, mask strides. Every error names `fn`, the argument and
 * the shapes. Internal.
 */
export function planAttention(fn: string, q: unknown, k: unknown, v: unknown, options: PlanOptions): AttentionPlan {
  assertFloatTensor(fn, 'q', q);
  assertFloatTensor(fn, 'k', k);
  assertFloatTensor(fn, 'v', v);
  assertSameDType(fn, 'k', k, 'q', q);
  assertSameDType(fn, 'v', v, 'q', q);
  const qs = q.shape;
  const ks = k.shape;
  const vs = v.shape;
  const shapes = `q ${showShape(qs)}, k ${showShape(ks)}, v ${showShape(vs)}`;
  const minRank = options.enableGqa ? 3 : 2;
  for (const [name, t] of [
    ['q', q],
    ['k', k],
    ['v', v],
  ] as const) {
    if (t.shape.length < minRank) {
      const what = options.enableGqa ? '[..., heads, tokens, dim] (enableGqa needs a head axis)' : '[..., tokens, dim]';
      throw new RangeError(`${fn}: ${name} must be ${what}, got ${showShape(t.shape)}`);
    }
  }
  const tq = qs[qs.length - 2];
  const d = qs[qs.length - 1];
  const tk = ks[ks.length - 2];
  const dv = vs[vs.length - 1];
  if (ks[ks.length - 1] !== d) {
    throw new RangeError(`${fn}: q and k must have the same last axis (d_k), got ${shapes}`);
  }
  if (vs[vs.length - 2] !== tk) {
    throw new RangeError(`${fn}: k and v must have as many keys as values (axis -2), got ${shapes}`);
  }

  // Grouped-query attention: k and v have Hkv heads, q has Hq = g * Hkv; query head h reads kv head floor(h*Hkv/Hq).
  // For broadcasting, k and v are seen as having Hq heads; the map below picks the real one.
  const qBatch = qs.slice(0, -2);
  let kBatch = ks.slice(0, -2);
  let vBatch = vs.slice(0, -2);
  const kvHeadMap = new Map<number, (i: number) => number>();
  let hq = 0;
  let hkv = 0;
  if (options.enableGqa) {
    hq = qs[qs.length - 3];
    hkv = ks[ks.length - 3];
    if (vs[vs.length - 3] !== hkv) {
      throw new RangeError(`${fn}: k and v must have the same number of heads (axis -3) with enableGqa, got ${shapes}`);
    }
    if (hkv === 0 || hq % hkv !== 0) {
      throw new RangeError(
        `${fn}: with enableGqa the query heads (${hq}) must be a multiple of the key/value heads (${hkv}), got ${shapes}`,
      );
    }
    kBatch = [...kBatch.slice(0, -1), hq];
    vBatch = [...vBatch.slice(0, -1), hq];
  }

  const allow = readMask(fn, options.mask, 'bool', tq, tk, shapes);
  const bias = readMask(fn, options.bias, 'float', tq, tk, shapes);
  const maskShapes = [allow, bias].filter((m) => m !== null);

  let outBatch: number[];
  try {
    outBatch = broadcastShapes(fn, qBatch, kBatch, vBatch, ...maskShapes.map((m) => m.shape.slice(0, -2)));
  } catch {
    const m = maskShapes.map((m) => `, mask ${showShape(m.tensor.shape)}`).join('');
    const hint =
      !options.enableGqa && qs.length >= 3 && ks.length >= 3 && qs[qs.length - 3] !== ks[ks.length - 3]
        ? ' (for grouped-query attention pass enableGqa: true)'
        : '';
    throw new RangeError(`${fn}: the batch axes of ${shapes}${m} do not broadcast${hint}`);
  }
  if (options.enableGqa) {
    const head = outBatch.length - 1;
    if (outBatch[head] !== hq) {
      throw new RangeError(
        `${fn}: with enableGqa the head axis must be q's (${hq}), got ${outBatch[head]} from ${shapes}`,
      );
    }
    if (hkv !== hq) kvHeadMap.set(head, (h) => Math.floor((h * hkv) / hq));
  }

  const scale = options.scale ?? 1 / Math.sqrt(d);
  if (typeof scale !== 'number' || Number.isNaN(scale)) {
    throw new TypeError(`${fn}: scale must be a number, got ${describe(scale)}`);
  }
  const causalOption = options.causal ?? false;
  let causal: CausalAlignment | null;
  if (causalOption === false) causal = null;
  else if (causalOption === true || causalOption === 'upper-left') causal = 'upper-left';
  else if (causalOption === 'lower-right') causal = 'lower-right';
  else {
    throw new RangeError(
      `${fn}: causal must be true, false, 'upper-left' or 'lower-right', got ${JSON.stringify(causalOption)}`,
    );
  }

  const operand = <T>(t: Tensor, batch: readonly number[], map?: Map<number, (i: number) => number>) => ({
    data: t.data as T,
    offsets: sliceOffsets(batch, t.strides.slice(0, -2), t.offset, outBatch, map),
    rowStride: t.strides[t.strides.length - 2],
    colStride: t.strides[t.strides.length - 1],
  });
  // k and v keep their real head counts for the strides; the map turns a query head into its kv head.
  const kMapped = (t: Tensor) =>
    operand<DataOf<FloatDType>>(t, t.shape.slice(0, -2), kvHeadMap.size ? kvHeadMap : undefined);

  const maskOperand = <T>(m: PaddedMask | null): StridedOperand<T> | null => {
    if (m === null) return null;
    const rank = m.shape.length;
    return {
      data: m.tensor.data as T,
      offsets: sliceOffsets(m.shape.slice(0, -2), m.strides.slice(0, -2), m.tensor.offset, outBatch),
      rowStride: m.shape[rank - 2] === 1 ? 0 : m.strides[rank - 2],
      colStride: m.shape[rank - 1] === 1 ? 0 : m.strides[rank - 1],
    };
  };

  const heads = outBatch.length > 0 ? outBatch[outBatch.length - 1] : 1;
  let batch = 1;
  for (let a = 0; a < outBatch.length - 1; a++) batch *= outBatch[a];
  return {
    dtype: q.dtype,
    tq,
    tk,
    d,
    dv,
    scale,
    outBatch,
    batch,
    heads,
    q: operand<DataOf<FloatDType>>(q, qBatch),
    k: kMapped(k),
    v: kMapped(v),
    allow: maskOperand<Uint8Array>(allow),
    bias: maskOperand<DataOf<FloatDType>>(bias),
    causal,
  };
}

/** A mask with its shape padded to rank >= 2 (leading 1s, stride 0). */
interface PaddedMask {
  tensor: Tensor;
  shape: number[];
  strides: number[];
}

/** Checks a mask's dtype and that its last two axes broadcast to [Tq, Tk]; pads it to rank 2. */
function readMask(
  fn: string,
  mask: Tensor | undefined,
  kind: 'bool' | 'float',
  tq: number,
  tk: number,
  shapes: string,
): PaddedMask | null {
  if (mask === undefined || mask === null) return null;
  assertTensor(fn, 'mask', mask);
  if ((kind === 'bool') !== (mask.dtype === 'bool') || mask.dtype === 'int32') {
    throw new TypeError(
      kind === 'bool'
        ? `${fn}: mask must be bool (true = may attend), got ${mask.dtype} ${showShape(mask.shape)}`
        : `${fn}: mask must be bool (true = may attend) or float (added to the scores), got ${mask.dtype} ${showShape(mask.shape)}`,
    );
  }
  const pad = Math.max(0, 2 - mask.shape.length);
  const shape = [...new Array<number>(pad).fill(1), ...mask.shape];
  const strides = [...new Array<number>(pad).fill(0), ...mask.strides];
  const mq = shape[shape.length - 2];
  const mk = shape[shape.length - 1];
  if ((mq !== 1 && mq !== tq) || (mk !== 1 && mk !== tk)) {
    throw new RangeError(
      `${fn}: mask ${showShape(mask.shape)} does not broadcast to [..., ${tq}, ${tk}] (queries, keys) for ${shapes}`,
    );
  }
  return { tensor: mask, shape, strides };
}
