import type { MultiHeadAttentionParams } from '@attn/attention';
import { toFlat } from '@attn/tensor';
import { type Matrix64, matmulT, matrix64, referenceAttention } from './reference';
import { rope64 } from './rope64';

/** softmax(scale · q kᵀ − slope · (i − j)) v over keys j ≤ i, in float64: one head of causal ALiBi attention. */
function alibiHead(q: Matrix64, k: Matrix64, v: Matrix64, scale: number, slope: number): Matrix64 {
  const s = matmulT(q, k);
  const T = q.rows;
  const out = new Float64Array(T * v.cols);
  for (let i = 0; i < T; i++) {
    const row = Array.from({ length: i + 1 }, (_, j) => scale * s.data[i * T + j] - slope * (i - j));
    const top = Math.max(...row);
    const e = row.map((z) => Math.exp(z - top));
    const sum = e.reduce((a, b) => a + b, 0);
    for (let j = 0; j <= i; j++)
      for (let c = 0; c < v.cols; c++) out[i * v.cols + c] += (e[j] / sum) * v.data[j * v.cols + c];
  }
  return { rows: T, cols: v.cols, data: out };
}

/**
 * Causal multi-head self-attention in float64, from `x` (`[T, E]`) and the layer's weights: project, optionally
 * rotate queries and keys (RoPE, rotate-half pairs, Llama's layout), attend per head (query head h reads key/value
 * head ⌊h·Hkv/H⌋, so grouped-query and multi-query layers work too) with an optional ALiBi slope per head,
 * concatenate, project with W_O. A textbook loop in double precision, sharing no code with @attn/attention.
 * @example
 * referenceSelfAttention(matrix64(toFlat(x), 12, 64), params).data; // [12, 64]
 */
export function referenceSelfAttention(
  x: Matrix64,
  params: MultiHeadAttentionParams,
  { rope = false, alibiSlopes }: { rope?: boolean; alibiSlopes?: readonly number[] } = {},
): Matrix64 {
  const T = x.rows;
  const E = x.cols;
  const H = params.numHeads;
  const Hkv = params.numKvHeads ?? H;
  const d = E / H;
  const weight = (part: number): Float32Array | Float64Array => {
    const separate = [params.qProjWeight, params.kProjWeight, params.vProjWeight][part];
    if (separate) return toFlat(separate) as Float32Array;
    const packed = toFlat(params.inProjWeight as NonNullable<typeof params.inProjWeight>) as Float32Array;
    return packed.subarray(part * E * E, (part + 1) * E * E);
  };
  const bias = (part: number, width: number): ArrayLike<number> => {
    const separate = [params.qProjBias, params.kProjBias, params.vProjBias][part];
    if (separate) return toFlat(separate) as Float32Array;
    if (params.inProjBias) return (toFlat(params.inProjBias) as Float32Array).subarray(part * E, part * E + width);
    return new Float64Array(width);
  };
  // one head's projection: rows [head*d, (head+1)*d) of the part's weight
  const project = (part: number, head: number): Matrix64 => {
    const w = weight(part);
    const b = bias(part, part === 0 ? E : Hkv * d);
    const out = matmulT(x, matrix64(w.subarray(head * d * E, (head + 1) * d * E), d, E));
    for (let t = 0; t < T; t++) for (let c = 0; c < d; c++) out.data[t * d + c] += b[head * d + c];
    return rope && part < 2 ? rope64(out, { layout: 'rotate-half' }) : out;
  };
  const concat = new Float64Array(T * E);
  for (let h = 0; h < H; h++) {
    const g = Math.floor((h * Hkv) / H);
    const [q, k, v] = [project(0, h), project(1, g), project(2, g)];
    const output = alibiSlopes
      ? alibiHead(q, k, v, 1 / Math.sqrt(d), alibiSlopes[h])
      : referenceAttention(q, k, v, 1 / Math.sqrt(d), (i, j) => j <= i).output;
    for (let t = 0; t < T; t++) for (let c = 0; c < d; c++) concat[t * E + h * d + c] = output.data[t * d + c];
  }
  const out = matmulT({ rows: T, cols: E, data: concat }, matrix64(toFlat(params.outProjWeight), E, E));
  const bo = params.outProjBias ? toFlat(params.outProjBias) : new Float64Array(E);
  for (let t = 0; t < T; t++) for (let c = 0; c < E; c++) out.data[t * E + c] += bo[c];
  return out;
}
