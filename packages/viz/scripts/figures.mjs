// pnpm figures: the seed project's whole walkthrough as figures, done right, plus the multi-head figures it never
// had. Writes figures/<nn-name>.svg and .png at the repository root (gitignored), one progress line per figure.
// Needs the built @attn/viz and @attn/attention (the root script builds both first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedWalkthrough } from '@attn/attention';
import {
  alibiBias,
  attentionStages,
  attentionWeights,
  headGrid,
  headStats,
  heatmap,
  matrixProduct,
  positionalEncoding,
  queryKeyBreakdown,
  ropeRotation,
  scoreDistribution,
  tokenLinks,
} from '../dist/index.js';
import { svgToPNG, toSVG } from '../dist/render/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'figures');
mkdirSync(out, { recursive: true });

const started = performance.now();
const w = seedWalkthrough();
const { tokens: n, dModel, numHeads: H, dK } = w;
console.log(
  `seedWalkthrough(): ${n} tokens, d_model ${dModel}, ${H} heads, d_k ${dK} (${(performance.now() - started).toFixed(0)} ms)`,
);

// Views into tensors without copying: fix leading indices, keep the first `keep` entries of later axes.
const pick = (t, index = [], keep = []) => {
  let offset = t.offset;
  index.forEach((i, a) => {
    offset += i * t.strides[a];
  });
  const shape = t.shape.slice(index.length).map((s, a) => Math.min(s, keep[a] ?? s));
  return { dtype: t.dtype, data: t.data, shape, strides: t.strides.slice(index.length), offset };
};
const batched = (t) => ({ ...t, shape: [1, ...t.shape], strides: [0, ...t.strides] });
const broadcastHeads = (mask) => ({ ...mask, shape: [1, H, ...mask.shape], strides: [0, 0, ...mask.strides] });
const at = (t, idx) => t.data[t.offset + idx.reduce((s, i, a) => s + i * t.strides[a], 0)];
const nested = (t) =>
  t.shape.length === 1
    ? Array.from({ length: t.shape[0] }, (_, i) => at(t, [i]))
    : Array.from({ length: t.shape[0] }, (_, i) => nested(pick(t, [i])));
const tokenLabels = (count) => Array.from({ length: count }, (_, i) => `t${i}`);

const inProj = w.attentionParams.inProjWeight;
const W = (k) => ({ ...inProj, shape: [dModel, dModel], offset: inProj.offset + k * dModel * inProj.strides[0] });

// Head statistics, computed here from the weights (entropy, max weight, mean distance, first-token weight).
const weightsNested = nested(w.weights);
const stats = weightsNested.map((rows, head) => {
  let entropy = 0;
  let maxWeight = 0;
  let meanDistance = 0;
  let firstTokenWeight = 0;
  rows.forEach((row, i) => {
    entropy -= row.reduce((s, p) => (p > 0 ? s + p * Math.log(p) : s), 0);
    maxWeight += Math.max(...row);
    meanDistance += row.reduce((s, p, j) => s + p * Math.abs(i - j), 0);
    firstTokenWeight += row[0];
  });
  return {
    head,
    entropy: entropy / n,
    maxWeight: maxWeight / n,
    meanDistance: meanDistance / n,
    firstTokenWeight: firstTokenWeight / n,
  };
});
const flat = weightsNested.map((rows) => rows.flat());
const cosine = (a, b) => {
  const dot = a.reduce((s, x, i) => s + x * b[i], 0);
  return dot / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
};
const similarity = flat.map((a) => flat.map((b) => cosine(a, b)));

// RoPE for pair m = 0 (theta = 1 rad per position) of head 0's queries, first 12 tokens.
const q0 = nested(pick(w.q, [0], [12]));
const before = q0.map((row) => [row[0], row[1]]);
const after = before.map(([x, y], p) => [x * Math.cos(p) - y * Math.sin(p), x * Math.sin(p) + y * Math.cos(p)]);

// A small product for the tutorial: the scores of 5 tokens of head 0 from 6 of its dimensions.
const qSmall = nested(pick(w.q, [0], [5, 6]));
const kSmallT = nested(pick(w.k, [0], [5, 6]));
const kT = kSmallT[0].map((_, c) => kSmallT.map((row) => row[c]));

const few = 12;
const trace = {
  scale: 1 / Math.sqrt(dK),
  scores: batched(pick(w.scores, [], [H, few, few])),
  scaled: batched(pick(w.scaled, [], [H, few, few])),
  mask: broadcastHeads(pick(w.causalMask, [], [few, few])),
  masked: batched(pick(w.masked, [], [H, few, few])),
  weights: batched(pick(w.weights, [], [H, few, few])),
  output: batched(pick(w.context, [], [H, few, dK])),
  fullyMasked: { dtype: 'bool', data: new Uint8Array(1), shape: [1, H, few], strides: [0, 0, 0], offset: 0 },
};

// [128, 512] matrices as images too: 65536 cells are slow as marks and make 4 MB SVGs.
const tokenDim = { rowTitle: 'token', colTitle: 'dimension', imageThreshold: 65536 };
const figures = [
  [
    'positional-encoding',
    () =>
      positionalEncoding(w.positionalEncoding, {
        title: `Sinusoidal positional encoding, built for width ${dModel}`,
        imageThreshold: 65536,
      }),
  ],
  [
    'input-x',
    () => heatmap(w.x, { title: 'Input x = embeddings + positional encoding', ...tokenDim, valueTitle: 'x' }),
  ],
  ...['Q', 'K', 'V'].map((name, k) => [
    `w-${name.toLowerCase()}`,
    () =>
      heatmap(W(k), {
        title: `W_${name}, as used: ${name} = x W_${name}ᵀ`,
        subtitle: `row r makes output dimension r (heads take ${dK} rows each); ${dModel} x ${dModel}, drawn as one image`,
        rowTitle: 'output dimension',
        colTitle: 'input dimension',
        valueTitle: 'weight',
      }),
  ]),
  ...['q', 'k', 'v'].map((name) => [
    `${name}-head0`,
    () =>
      heatmap(pick(w[name], [0]), {
        title: `${name.toUpperCase()} of head 0`,
        subtitle: `${n} tokens x d_k = ${dK}`,
        ...tokenDim,
        valueTitle: name.toUpperCase(),
      }),
  ]),
  [
    'masked-scores-head0',
    () =>
      heatmap(pick(w.masked, [0]), {
        title: 'Masked scores of head 0',
        subtitle: `Q Kᵀ / √${dK}, causal mask`,
        rowTitle: 'query',
        colTitle: 'key',
        valueTitle: 'score',
      }),
  ],
  [
    'attention-weights-head0',
    () =>
      attentionWeights(pick(w.weights, [0]), undefined, { title: 'Attention weights of head 0', mask: w.causalMask }),
  ],
  [
    'context-head0',
    () =>
      heatmap(pick(w.context, [0]), {
        title: 'Context vectors of head 0',
        subtitle: 'weights V',
        rowTitle: 'query',
        colTitle: 'dimension',
        valueTitle: 'context',
      }),
  ],
  [
    'concat',
    () =>
      heatmap(w.concat, {
        title: 'The 8 heads side by side',
        subtitle: `Concat(head_1, ..., head_${H}): dimensions ${dK}h to ${dK}h + ${dK - 1} are head h`,
        ...tokenDim,
        valueTitle: 'value',
      }),
  ],
  [
    'output',
    () =>
      heatmap(w.output, {
        title: 'Multi-head attention output',
        subtitle: 'Concat W_Oᵀ + b_O',
        ...tokenDim,
        valueTitle: 'output',
      }),
  ],
  [
    'feed-forward',
    () =>
      heatmap(w.feedForward, { title: 'Feed-forward output (inference: no dropout)', ...tokenDim, valueTitle: 'FFN' }),
  ],
  [
    'stages-head0',
    () =>
      attentionStages(trace, {
        head: 0,
        tokens: tokenLabels(few),
        title: `Head 0, stage by stage (first ${few} tokens)`,
      }),
  ],
  [
    'head-grid',
    () =>
      headGrid(pick(w.weights, [], [H, 32, 32]), { title: `Attention weights of all ${H} heads (first 32 tokens)` }),
  ],
  [
    'token-links',
    () =>
      tokenLinks(pick(w.weights, [], [3, 24, 24]), tokenLabels(24), {
        title: 'Token to token attention, heads 0 to 2 (first 24 tokens)',
      }),
  ],
  ['score-distribution', () => scoreDistribution(w.scores, w.scaled)],
  ['head-stats', () => headStats(stats, { similarity, title: `What each of the ${H} heads does` })],
  ['query-key-breakdown', () => queryKeyBreakdown(pick(w.q, [0]), pick(w.k, [0]), 10, 3, { tokens: tokenLabels(n) })],
  [
    'matrix-product',
    () =>
      matrixProduct(qSmall, kT, undefined, {
        names: ['Q', 'Kᵀ', 'Q Kᵀ'],
        rowLabels: tokenLabels(5),
        highlight: [3, 1],
        title: 'Scores are dot products: Q Kᵀ',
      }),
  ],
  [
    'alibi',
    () =>
      alibiBias(
        Array.from({ length: H }, (_, h) => 2 ** -(h + 1)),
        { length: 12, columns: 4 },
      ),
  ],
  [
    'rope',
    () =>
      ropeRotation(
        { before, after, theta: 1, pair: 0, tokens: tokenLabels(12) },
        { title: 'RoPE on head 0’s queries, pair m = 0' },
      ),
  ],
];

let failed = 0;
for (const [k, [name, build]] of figures.entries()) {
  const file = `${String(k + 1).padStart(2, '0')}-${name}`;
  const t0 = performance.now();
  try {
    const spec = build();
    const warn = (m) => console.warn(`    warning: ${m}`);
    const svg = await toSVG(spec, { onWarning: warn });
    writeFileSync(join(out, `${file}.svg`), svg);
    writeFileSync(join(out, `${file}.png`), svgToPNG(svg, { scale: 2 }));
    const how = spec.usermeta?.attnViz?.drawing === 'image' ? ', drawn as an image' : '';
    console.log(
      `[${String(k + 1).padStart(2)}/${figures.length}] ${relative(root, join(out, file))}.{svg,png}${how} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  } catch (e) {
    failed++;
    console.error(`[${String(k + 1).padStart(2)}/${figures.length}] ${file} FAILED: ${e.message}`);
  }
}
console.log(
  `${figures.length - failed} figures in ${relative(process.cwd(), out) || '.'}/ (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
process.exitCode = failed > 0 ? 1 : 0;
