import { tensor } from '@attn/tensor';
import type { AttentionTrace, HeadStatRecord } from '../src/index.js';

/** A small seeded PRNG (mulberry32) and Box-Muller normals, so fixtures are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randn(rows: number, cols: number, seed: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())),
  );
}

export function matmulT(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b.map((col) => row.reduce((s, x, k) => s + x * col[k], 0)));
}

export function softmaxRows(m: number[][]): number[][] {
  return m.map((row) => {
    const max = Math.max(...row);
    if (max === Number.NEGATIVE_INFINITY) return row.map(() => 0);
    const e = row.map((x) => Math.exp(x - max));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  });
}

export const TOKENS = ['The', 'cat', 'sat', 'on', 'the', 'mat', 'and', 'purred'];

/** A causal self-attention trace of `heads` heads over `tokens.length` tokens, as @attn/attention would return it. */
export function makeTrace(heads = 2, n = TOKENS.length, d = 4): AttentionTrace {
  const scale = 1 / Math.sqrt(d);
  const per = Array.from({ length: heads }, (_, h) => {
    const q = randn(n, d, 10 + h);
    const k = randn(n, d, 20 + h);
    const v = randn(n, d, 30 + h);
    const scores = matmulT(q, k);
    const scaled = scores.map((r) => r.map((x) => x * scale));
    const mask = scores.map((r, i) => r.map((_, j) => j <= i));
    const masked = scaled.map((r, i) => r.map((x, j) => (mask[i][j] ? x : Number.NEGATIVE_INFINITY)));
    const weights = softmaxRows(masked);
    const output = weights.map((w) => v[0].map((_, c) => w.reduce((s, x, j) => s + x * v[j][c], 0)));
    return { scores, scaled, mask, masked, weights, output };
  });
  const stack = <K extends keyof (typeof per)[0]>(key: K) => [per.map((p) => p[key])];
  return {
    scale,
    scores: tensor(stack('scores') as number[][][][]),
    scaled: tensor(stack('scaled') as number[][][][]),
    mask: tensor(stack('mask') as boolean[][][][]) as AttentionTrace['mask'],
    masked: tensor(stack('masked') as number[][][][]),
    weights: tensor(stack('weights') as number[][][][]),
    output: tensor(stack('output') as number[][][][]),
    fullyMasked: tensor([per.map(() => Array.from({ length: n }, () => false))]) as AttentionTrace['fullyMasked'],
  };
}

/** Sinusoidal positional encoding, [n, d]. */
export function sinusoidal(n: number, d: number): number[][] {
  return Array.from({ length: n }, (_, p) =>
    Array.from({ length: d }, (_, i) => {
      const angle = p / 10000 ** ((2 * Math.floor(i / 2)) / d);
      return i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}

export function headRecords(heads: number, layers?: number): HeadStatRecord[] {
  const r = rng(7);
  const out: HeadStatRecord[] = [];
  for (let l = 0; l < (layers ?? 1); l++)
    for (let h = 0; h < heads; h++)
      out.push({
        ...(layers === undefined ? {} : { layer: l }),
        head: h,
        entropy: 0.2 + 2 * r(),
        maxWeight: 0.2 + 0.8 * r(),
        meanDistance: 6 * r(),
        firstTokenWeight: r() * 0.6,
      });
  return out;
}
