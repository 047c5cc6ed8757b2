// Benchmarks of @attn/viz: build a spec and render it to SVG in Node (vega, headless), median of interleaved rounds.
// Run after `pnpm build` (imports dist/). Usage: node bench/run.mjs [rounds]
import { performance } from 'node:perf_hooks';
import { heatmap, tokenLinks } from '../dist/index.js';
import { toSVG } from '../dist/render/index.js';

const rounds = Number(process.argv[2] ?? 7);

// A seeded generator, so every run draws the same matrices.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(42);
const matrix = (n) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j > i ? -Infinity : r() * 2 - 1)));
const softmaxRows = (m) =>
  m.map((row) => {
    const e = row.map((x) => Math.exp(4 * x));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  });

const m128 = matrix(128);
const m512 = matrix(512);
const heads = Array.from({ length: 8 }, () =>
  softmaxRows(Array.from({ length: 128 }, () => Array.from({ length: 128 }, () => r() * 2 - 1))),
);
const tokens = Array.from({ length: 128 }, (_, i) => `tok${i}`);
const quiet = {
  onWarning: (m) => {
    throw new Error(m);
  },
};

const cases = {
  'heatmap 128 x 128 (cells)': () => heatmap(m128, { rowLabels: tokens, colLabels: tokens }),
  'heatmap 512 x 512 (image)': () => heatmap(m512),
  'tokenLinks 128 tokens x 8 heads': () => tokenLinks(heads, tokens),
};

const times = Object.fromEntries(Object.keys(cases).map((k) => [k, { build: [], svg: [] }]));
const sizes = {};
for (let round = 0; round < rounds + 1; round++) {
  for (const [name, build] of Object.entries(cases)) {
    const t0 = performance.now();
    const spec = build();
    const t1 = performance.now();
    const svg = await toSVG(spec, quiet);
    const t2 = performance.now();
    if (round === 0) {
      sizes[name] = { spec: JSON.stringify(spec).length, svg: svg.length };
      continue; // warm-up
    }
    times[name].build.push(t1 - t0);
    times[name].svg.push(t2 - t1);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
console.log(`@attn/viz, median of ${rounds} interleaved rounds (ms), Node ${process.version}`);
console.log('case                                build    render SVG   total   spec JSON   SVG');
for (const [name, t] of Object.entries(times)) {
  const b = median(t.build);
  const s = median(t.svg);
  console.log(
    `${name.padEnd(34)} ${b.toFixed(1).padStart(7)} ${s.toFixed(1).padStart(12)} ${(b + s).toFixed(1).padStart(7)} ${kb(sizes[name].spec).padStart(11)} ${kb(sizes[name].svg).padStart(8)}`,
  );
}

// Why 512 x 512 is drawn as an image: the same matrix as one rect per cell, measured once (it is slow).
const t0 = performance.now();
const cells = heatmap(m512, { imageThreshold: Number.POSITIVE_INFINITY });
const svg = await toSVG(cells, quiet);
const cellsMs = performance.now() - t0;
const imageMs = median(times['heatmap 512 x 512 (image)'].build) + median(times['heatmap 512 x 512 (image)'].svg);
console.log(
  `heatmap 512 x 512 as 262144 cells (1 round): ${cellsMs.toFixed(0)} ms, SVG ${kb(svg.length)}; the image is ${(cellsMs / imageMs).toFixed(0)}x faster`,
);
