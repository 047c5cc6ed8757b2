/**
 * Causal multi-head self-attention in float64 with plain loops, with optional RoPE on queries and keys, sharing no
 * code with the package: the oracle for the key/value cache. Rotation is written as complex multiplication.
 */
import { makeTensor, type Tensor } from '@attn/tensor';
import { at } from './reference.js';

export interface ReferenceSelfAttentionParams {
  numHeads: number;
  numKvHeads?: number;
  inProjWeight?: Tensor;
  inProjBias?: Tensor;
  qProjWeight?: Tensor;
  kProjWeight?: Tensor;
  vProjWeight?: Tensor;
  qProjBias?: Tensor;
  kProjBias?: Tensor;
  vProjBias?: Tensor;
  outProjWeight: Tensor;
  outProjBias?: Tensor;
}

export interface ReferenceRope {
  layout: 'rotate-half' | 'interleaved';
  base: number;
  positionOffset: number;
}

/** Rows [from, from + count) of a matrix or vector, as a view. */
function rows(t: Tensor, from: number, count: number): Tensor {
  return makeTensor(t.dtype, t.data, [count, ...t.shape.slice(1)], t.strides, t.offset + from * t.strides[0]);
}

/** Rotates one head vector (length d) at position `pos`, in place. */
function rotate(vec: number[], pos: number, rope: ReferenceRope): void {
  const d = vec.length;
  for (let m = 0; m < d / 2; m++) {
    const [a, b] = rope.layout === 'rotate-half' ? [m, m + d / 2] : [2 * m, 2 * m + 1];
    const angle = pos * rope.base ** ((-2 * m) / d);
    const re = vec[a];
    const im = vec[b];
    vec[a] = re * Math.cos(angle) - im * Math.sin(angle);
    vec[b] = re * Math.sin(angle) + im * Math.cos(angle);
  }
}

/**
 * x `[B, T, E]` -> output `[B, T, E]` row-major, and the (rotated) keys and the values as `[B, Hkv, T, d]`.
 * Query i attends to keys 0..i, with ALiBi's bias when slopes (one per query head) are given.
 */
export function referenceSelfAttention(
  x: Tensor,
  p: ReferenceSelfAttentionParams,
  rope: ReferenceRope | null,
  alibiSlopes: readonly number[] | null = null,
): { output: number[]; keys: number[]; values: number[] } {
  const [B, T, E] = x.shape;
  const H = p.numHeads;
  const Hkv = p.numKvHeads ?? H;
  const d = E / H;
  const wq = p.inProjWeight ? rows(p.inProjWeight, 0, E) : (p.qProjWeight as Tensor);
  const wk = p.inProjWeight ? rows(p.inProjWeight, E, E) : (p.kProjWeight as Tensor);
  const wv = p.inProjWeight ? rows(p.inProjWeight, 2 * E, E) : (p.vProjWeight as Tensor);
  const bq = p.inProjBias ? rows(p.inProjBias, 0, E) : p.qProjBias;
  const bk = p.inProjBias ? rows(p.inProjBias, E, E) : p.kProjBias;
  const bv = p.inProjBias ? rows(p.inProjBias, 2 * E, E) : p.vProjBias;
  const project = (w: Tensor, bias: Tensor | undefined, b: number, t: number, head: number): number[] => {
    const out: number[] = [];
    for (let c = 0; c < d; c++) {
      let s = bias ? at(bias, [head * d + c]) : 0;
      for (let e = 0; e < E; e++) s += at(x, [b, t, e]) * at(w, [head * d + c, e]);
      out.push(s);
    }
    return out;
  };
  const output: number[] = [];
  const keys: number[] = new Array(B * Hkv * T * d).fill(0);
  const values: number[] = new Array(B * Hkv * T * d).fill(0);
  for (let b = 0; b < B; b++) {
    // Keys and values per kv head and token, rotated keys.
    const K: number[][][] = [];
    const V: number[][][] = [];
    for (let g = 0; g < Hkv; g++) {
      K.push([]);
      V.push([]);
      for (let t = 0; t < T; t++) {
        const k = project(wk, bk, b, t, g);
        if (rope) rotate(k, rope.positionOffset + t, rope);
        const v = project(wv, bv, b, t, g);
        K[g].push(k);
        V[g].push(v);
        for (let c = 0; c < d; c++) {
          keys[((b * Hkv + g) * T + t) * d + c] = k[c];
          values[((b * Hkv + g) * T + t) * d + c] = v[c];
        }
      }
    }
    const concat: number[][] = Array.from({ length: T }, () => new Array(E).fill(0));
    for (let h = 0; h < H; h++) {
      const g = Math.floor((h * Hkv) / H);
      for (let i = 0; i < T; i++) {
        const q = project(wq, bq, b, i, h);
        if (rope) rotate(q, rope.positionOffset + i, rope);
        const scores: number[] = [];
        for (let j = 0; j <= i; j++) {
          let s = 0;
          for (let c = 0; c < d; c++) s += q[c] * K[g][j][c];
          // ALiBi: -m_h times how far back key j is.
          scores.push(s / Math.sqrt(d) - (alibiSlopes ? alibiSlopes[h] * (i - j) : 0));
        }
        const max = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - max));
        const sum = e.reduce((a, c) => a + c, 0);
        for (let c = 0; c < d; c++) {
          let o = 0;
          for (let j = 0; j <= i; j++) o += (e[j] / sum) * V[g][j][c];
          concat[i][h * d + c] = o;
        }
      }
    }
    for (let i = 0; i < T; i++) {
      for (let r = 0; r < E; r++) {
        let s = p.outProjBias ? at(p.outProjBias, [r]) : 0;
        for (let c = 0; c < E; c++) s += concat[i][c] * at(p.outProjWeight, [r, c]);
        output.push(s);
      }
    }
  }
  return { output, keys, values };
}
