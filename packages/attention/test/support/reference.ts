/**
 * The oracle: naive float64 attention written index by index with plain nested loops. It reads tensors only
 * through `shape`, `strides`, `offset` and `data`, and shares no code with the package (broadcasting, head
 * grouping and masking are re-derived here), so a bug in the package cannot hide by being repeated.
 */
import type { Tensor } from '@attn/tensor';

/** The element of `t` at `index` (a full index of t's rank), as a float64 number. */
export function at(t: Tensor, index: readonly number[]): number {
  let pos = t.offset;
  for (let a = 0; a < index.length; a++) pos += index[a] * t.strides[a];
  return Number(t.data[pos]);
}

/** Every element of `t` in row-major order, as float64. */
export function elements(t: Tensor): number[] {
  const out: number[] = [];
  walk(t.shape, (index) => out.push(at(t, index)));
  return out;
}

/** Calls `fn` with every index of `shape`, row-major (the array is reused). */
export function walk(shape: readonly number[], fn: (index: number[]) => void): void {
  for (const d of shape) if (d === 0) return;
  const index = new Array<number>(shape.length).fill(0);
  for (;;) {
    fn(index);
    let a = shape.length - 1;
    for (; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
    if (a < 0) return;
  }
}

/** The numpy broadcast of several shapes (throws when they do not broadcast). */
export function broadcast(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const a = rank - s.length + i;
      if (s[i] === 1 || s[i] === out[a]) continue;
      if (out[a] !== 1) throw new Error(`reference: ${s} does not broadcast`);
      out[a] = s[i];
    }
  }
  return out;
}

/** The index into an operand of shape `shape` for a broadcast index `index` (right-aligned, size-1 axes read 0). */
function project(shape: readonly number[], index: readonly number[]): number[] {
  const shift = index.length - shape.length;
  return shape.map((d, a) => (d === 1 ? 0 : index[a + shift]));
}

export interface ReferenceOptions {
  scale?: number;
  mask?: Tensor;
  causal?: boolean | 'upper-left' | 'lower-right';
  enableGqa?: boolean;
}

export interface ReferenceResult {
  /** `[...batch, Tq, dv]` row-major. */
  output: number[];
  outShape: number[];
  /** `[count, Tq, Tk]` row-major (count = product of the batch axes). */
  scores: number[];
  masked: number[];
  weights: number[];
  allowed: boolean[];
  fullyMasked: boolean[];
  scale: number;
}

/** Scaled dot-product attention, float64, the textbook way: for each batch, query and key, one dot product. */
export function referenceAttention(q: Tensor, k: Tensor, v: Tensor, options: ReferenceOptions = {}): ReferenceResult {
  const tq = q.shape.at(-2)!;
  const d = q.shape.at(-1)!;
  const tk = k.shape.at(-2)!;
  const dv = v.shape.at(-1)!;
  const scale = options.scale ?? 1 / Math.sqrt(d);
  const qb = q.shape.slice(0, -2);
  const kb = k.shape.slice(0, -2);
  const vb = v.shape.slice(0, -2);
  const hq = qb.at(-1) ?? 1;
  const hkv = kb.at(-1) ?? 1;
  const gqa = options.enableGqa === true && hkv !== hq;
  // With GQA the kv batch is broadcast as if it had Hq heads; the head is then mapped back.
  const asHq = (s: number[]) => (gqa ? [...s.slice(0, -1), hq] : s);
  const mask = options.mask;
  const mshape = mask ? [...new Array(Math.max(0, 2 - mask.shape.length)).fill(1), ...mask.shape] : null;
  const outBatch = broadcast(qb, asHq(kb), asHq(vb), mshape ? mshape.slice(0, -2) : []);
  const count = outBatch.reduce((a, b) => a * b, 1);
  const res: ReferenceResult = {
    output: new Array(count * tq * dv).fill(0),
    outShape: [...outBatch, tq, dv],
    scores: [],
    masked: [],
    weights: [],
    allowed: [],
    fullyMasked: [],
    scale,
  };
  let n = 0;
  const each = (fn: (index: number[]) => void) => (outBatch.length === 0 ? fn([]) : walk(outBatch, fn));
  each((index) => {
    const qi = project(qb, index);
    const kvIndex = (shape: readonly number[]) => {
      const p = project(gqa ? [...shape.slice(0, -1), hq] : shape, index);
      if (gqa) p[p.length - 1] = Math.floor((index[index.length - 1] * hkv) / hq);
      return p;
    };
    const ki = kvIndex(kb);
    const vi = kvIndex(vb);
    const mi = mshape ? project(mshape.slice(0, -2), index) : [];
    for (let i = 0; i < tq; i++) {
      const row: number[] = [];
      let anyFinite = false;
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += at(q, [...qi, i, c]) * at(k, [...ki, j, c]);
        res.scores.push(s);
        let ok = true;
        if (options.causal === true || options.causal === 'upper-left') ok = j <= i;
        if (options.causal === 'lower-right') ok = j <= i + tk - tq;
        let x = s * scale;
        if (mask && mshape) {
          const mIndex = [...mi, mshape.at(-2) === 1 ? 0 : i, mshape.at(-1) === 1 ? 0 : j].slice(
            mshape.length - mask.shape.length,
          );
          const m = at(mask, mIndex);
          if (mask.dtype === 'bool') ok = ok && m !== 0;
          else x += m;
        }
        res.allowed.push(ok);
        if (!ok) x = Number.NEGATIVE_INFINITY;
        if (x !== Number.NEGATIVE_INFINITY) anyFinite = true;
        row.push(x);
        res.masked.push(x);
      }
      res.fullyMasked.push(!anyFinite);
      const max = Math.max(...row);
      const e = row.map((x) => (anyFinite ? Math.exp(x - max) : 0));
      const sum = e.reduce((a, b) => a + b, 0);
      const w = e.map((x) => (anyFinite ? x / sum : 0));
      res.weights.push(...w);
      for (let c = 0; c < dv; c++) {
        let o = 0;
        if (anyFinite) for (let j = 0; j < tk; j++) o += w[j] * at(v, [...vi, j, c]);
        res.output[(n * tq + i) * dv + c] = o;
      }
    }
    n++;
  });
  return res;
}

/** x W^T + b, float64: x `[..., in]`, W `[out, in]`, b `[out]`; returns row-major values and shape. */
export function referenceLinear(x: Tensor, w: Tensor, b?: Tensor): { values: number[]; shape: number[] } {
  const [out, inn] = w.shape;
  const lead = x.shape.slice(0, -1);
  const values: number[] = [];
  const each = (fn: (index: number[]) => void) => (lead.length === 0 ? fn([]) : walk(lead, fn));
  each((index) => {
    for (let o = 0; o < out; o++) {
      let s = b ? at(b, [o]) : 0;
      for (let i = 0; i < inn; i++) s += at(x, [...index, i]) * at(w, [o, i]);
      values.push(s);
    }
  });
  return { values, shape: [...lead, out] };
}

/** Largest |a - b| relative to max(1, |b|); NaN positions must match (returns Infinity when they do not). */
export function maxError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (Number.isNaN(a) || Number.isNaN(b)) {
      if (Number.isNaN(a) !== Number.isNaN(b)) return Number.POSITIVE_INFINITY;
      continue;
    }
    if (a === b) continue;
    worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b)));
  }
  return worst;
}
