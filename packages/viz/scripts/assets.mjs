// Renders the README's pictures into packages/viz/assets/ (committed): a small causal self-attention over one
// sentence, from @attn/attention's walkthrough. Run after building viz and attention: node scripts/assets.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedWalkthrough } from '@attn/attention';
import { attentionStages, headGrid, tokenLinks } from '../dist/index.js';
import { toPNG } from '../dist/render/index.js';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const tokens = ['The', 'cat', 'sat', 'on', 'the', 'mat', 'and', 'purred'];
const w = seedWalkthrough({ tokens: tokens.length, dModel: 32, numHeads: 4 });
const batched = (t) => ({ ...t, shape: [1, ...t.shape], strides: [0, ...t.strides] });
const trace = {
  scale: 1 / Math.sqrt(w.dK),
  scores: batched(w.scores),
  scaled: batched(w.scaled),
  mask: { ...w.causalMask, shape: [1, 4, 8, 8], strides: [0, 0, ...w.causalMask.strides] },
  masked: batched(w.masked),
  weights: batched(w.weights),
  output: batched(w.context),
  fullyMasked: { dtype: 'bool', data: new Uint8Array(1), shape: [1, 4, 8], strides: [0, 0, 0], offset: 0 },
};
const pictures = {
  'stages.png': attentionStages(trace, { head: 1, tokens, cellSize: 18 }),
  'token-links.png': tokenLinks(w.weights, tokens, { title: 'Token to token attention, 4 heads', rowHeight: 24 }),
  'head-grid.png': headGrid(w.weights, { tokens, columns: 4 }),
};
for (const [name, spec] of Object.entries(pictures)) {
  writeFileSync(join(assets, name), await toPNG(spec, { scale: name === 'token-links.png' ? 1.5 : 1 }));
  console.log(`assets/${name}`);
}
