/**
 * Multi-head attention in float64 with plain nested loops, written from PyTorch's F.multi_head_attention_forward
 * (batch_first) and sharing no code with the package: project, split, attend per head, concat, project.
 */
import type { Tensor } from '@attn/tensor';
import { at } from './reference.js';

export interface ReferenceMhaParams {
  numHeads: number;
  numKvHeads?: number;
  wq: Tensor;
  wk: Tensor;
  wv: Tensor;
  wo: Tensor;
  bq?: Tensor;
  bk?: Tensor;
  bv?: Tensor;
  bo?: Tensor;
}

export interface ReferenceMhaOptions {
  /** [B, Tk], true = real token. */
  keyPaddingMask?: Tensor;
  /** bool (true = may attend) or additive, any shape broadcasting to [B, H, Tq, Tk]. */
  mask?: Tensor;
  causal?: boolean | 'lower-right';
}

/** Returns output [B, Tq, E] and per-head weights [B, H, Tq, Tk], row-major, for batched inputs [B, T, width]. */
export function referenceMultiHead(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  p: ReferenceMhaParams,
  o: ReferenceMhaOptions = {},
): { output: number[]; weights: number[]; concat: number[] } {
  const [B, Tq, E] = query.shape;
  const Tk = key.shape[1];
  const H = p.numHeads;
  const Hkv = p.numKvHeads ?? H;
  const d = E / H;
  const proj = (x: Tensor, w: Tensor, bias: Tensor | undefined, b: number, t: number, row: number) => {
    let s = bias ? at(bias, [row]) : 0;
    for (let e = 0; e < x.shape[2]; e++) s += at(x, [b, t, e]) * at(w, [row, e]);
    return s;
  };
  const maskAt = (b: number, h: number, i: number, j: number) => {
    const m = o.mask!;
    const full = [b, h, i, j];
    const idx = m.shape.map((n, a) => (n === 1 ? 0 : full[full.length - m.shape.length + a]));
    return at(m, idx);
  };
  const output: number[] = [];
  const weights: number[] = new Array(B * H * Tq * Tk).fill(0);
  const concat: number[] = new Array(B * Tq * E).fill(0);
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < H; h++) {
      const g = Math.floor((h * Hkv) / H);
      for (let i = 0; i < Tq; i++) {
        const qi: number[] = [];
        for (let c = 0; c < d; c++) qi.push(proj(query, p.wq, p.bq, b, i, h * d + c));
        const row: number[] = [];
        for (let j = 0; j < Tk; j++) {
          let s = 0;
          for (let c = 0; c < d; c++) s += qi[c] * proj(key, p.wk, p.bk, b, j, g * d + c);
          s /= Math.sqrt(d);
          let ok = true;
          if (o.keyPaddingMask && !at(o.keyPaddingMask, [b, j])) ok = false;
          if (o.causal === true && j > i) ok = false;
          if (o.causal === 'lower-right' && j > i + Tk - Tq) ok = false;
          if (o.mask) {
            if (o.mask.dtype === 'bool') ok = ok && maskAt(b, h, i, j) !== 0;
            else s += maskAt(b, h, i, j);
          }
          row.push(ok ? s : Number.NEGATIVE_INFINITY);
        }
        const max = Math.max(...row);
        if (max === Number.NEGATIVE_INFINITY) continue; // no key: weights and head output stay 0
        const e = row.map((x) => Math.exp(x - max));
        const sum = e.reduce((a, c) => a + c, 0);
        for (let j = 0; j < Tk; j++) weights[((b * H + h) * Tq + i) * Tk + j] = e[j] / sum;
        for (let c = 0; c < d; c++) {
          let acc = 0;
          for (let j = 0; j < Tk; j++) acc += (e[j] / sum) * proj(value, p.wv, p.bv, b, j, g * d + c);
          concat[(b * Tq + i) * E + h * d + c] = acc;
        }
      }
    }
    for (let i = 0; i < Tq; i++) {
      for (let r = 0; r < E; r++) {
        let s = p.bo ? at(p.bo, [r]) : 0;
        for (let c = 0; c < E; c++) s += concat[(b * Tq + i) * E + c] * at(p.wo, [r, c]);
        output.push(s);
      }
    }
  }
  return { output, weights, concat };
}
