// `pnpm bench` in packages/attention: attention against its peers, side by side in ONE process, one thread,
// interleaved rounds (each contender once per round, in turn), medians per call. Builds @attn/tensor and
// @attn/attention first and times their BUILT dist (`--no-build` skips that).
//
//   node bench/run.mjs                      every row
//   node bench/run.mjs --quick              3 rounds instead of 7
//   node bench/run.mjs --only=1024 --rounds=9
//   node bench/run.mjs --wall               wall-clock time instead of this process's CPU time
//
// Rows: scaled dot-product attention alone (batch 1, 8 heads of 64, T = 128 and 1024, without and with a causal
// mask), and the whole multi-head layer with its projections at the seed's size (T = 128, d_model = 512, 8 heads).
// Peers: onnxruntime-web 1.30 (WASM, 1 thread) on ONNX's opset-23 `Attention` operator (one-node graph built in
// code) and on the whole layer as a graph; tfjs-backend-wasm (XNNPACK, 1 thread) and tfjs-backend-cpu composing
// per-head 2-D matMuls. Each row checks that every contender computed the same numbers (max |difference|).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { interleaved, parseArgs, printTable, random } from '../../tensor/bench/harness.mjs';
import { onnxAttention, onnxMultiHeadLayer } from './peers/onnxruntimeWeb.mjs';
import { tfjsAttention, useTfjsBackend } from './peers/tfjs.mjs';

const opts = parseArgs(process.argv.slice(2));
const rounds = opts.rounds ?? (opts.quick ? 3 : 7);
const clock = process.argv.includes('--wall') ? 'wall' : 'cpu';
if (!process.argv.includes('--no-build')) {
  for (const pkg of ['../../tensor', '..']) {
    execFileSync('pnpm', ['build'], { cwd: fileURLToPath(new URL(pkg, import.meta.url)), stdio: 'ignore' });
  }
}
const tensorLib = await import('../../tensor/dist/index.js');
const attn = await import('../dist/index.js');
const simd = await tensorLib.ready();

const maxDiff = (a, b) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const ms = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(3) : x.toFixed(1));
const ratio = (peer, ours) => (peer === undefined ? '—' : `${(peer / ours).toFixed(2)}x`);

console.log(`# @attn/attention benchmarks (Node ${process.version}, one thread, SIMD kernels: ${simd})`);
console.log(
  `Median ms per call (${clock === 'cpu' ? "this process's CPU time, which neighbours on the shared cores do not inflate" : 'wall clock'}) over ${rounds} interleaved rounds; "x" = peer time / our time (> 1: we are faster).`,
);
console.log('');

const rows = [];
const checks = [];

/** Attention alone: q, k, v [1, 8, T, 64]. */
async function attentionRow(tokens, causal) {
  const label = `attention, 8 heads x 64, T = ${tokens}${causal ? ', causal' : ''}`;
  if (opts.only && !label.includes(opts.only)) return;
  const heads = 8;
  const dim = 64;
  const n = heads * tokens * dim;
  const [Q, K, V] = [random(n, 1), random(n, 2), random(n, 3)];
  const shape = [1, heads, tokens, dim];
  const t = (data) => tensorLib.makeTensor('float32', data, shape);
  const [q, k, v] = [t(Q), t(K), t(V)];
  const out = tensorLib.zeros(shape);
  const ours = () => attn.scaledDotProductAttention(q, k, v, { causal, out }).output.data;
  const onnx = await onnxAttention({ heads, tokens, dim, causal }, Q, K, V);
  await useTfjsBackend('wasm');
  const tfWasm = tfjsAttention({ heads, tokens, dim, causal }, Q, K, V);
  // tfjs-backend-cpu takes seconds per call at T = 1024 (see the performance notes): only the small rows
  let tfCpu;
  if (tokens <= 128) {
    await useTfjsBackend('cpu');
    tfCpu = tfjsAttention({ heads, tokens, dim, causal }, Q, K, V);
  }
  const mine = Float32Array.from(ours());
  const flat = (parts) => Float32Array.from(parts.flatMap((p) => Array.from(p)));
  await useTfjsBackend('wasm');
  checks.push(
    `${label}: max |ours - onnxruntime-web| = ${maxDiff(mine, await onnx()).toExponential(1)}, ` +
      `max |ours - tfjs-wasm| = ${maxDiff(mine, flat(tfWasm())).toExponential(1)}`,
  );
  const runs = [ours, onnx, tfWasm];
  const before = [undefined, undefined, () => useTfjsBackend('wasm')];
  if (tfCpu) {
    runs.push(tfCpu);
    before.push(() => useTfjsBackend('cpu'));
  }
  const [tOurs, tOnnx, tWasm, tCpu] = await interleaved(runs, { rounds, before, clock });
  rows.push([
    label,
    ms(tOurs),
    ms(tOnnx),
    ratio(tOnnx, tOurs),
    ms(tWasm),
    ratio(tWasm, tOurs),
    ms(tCpu),
    ratio(tCpu, tOurs),
  ]);
}

/**
 * The multi-head attention layer with projections: x [1, 128, 512], 8 heads, biases, the weights as drawn by
 * initMultiHeadAttention (PyTorch's [out, in], row-major) against the same layer as an onnxruntime-web graph.
 */
async function layerRows() {
  const label = 'multi-head layer, T = 128, d_model = 512, 8 heads';
  if (opts.only && !label.includes(opts.only)) return;
  const tokens = 128;
  const embed = 512;
  const heads = 8;
  const params = attn.initMultiHeadAttention({ embedDim: embed, numHeads: heads, seed: 7 });
  // non-zero biases, so the cross-check covers them
  for (const b of [params.inProjBias, params.outProjBias]) b.data.set(random(b.data.length, 11));
  const X = random(tokens * embed, 5);
  const x = tensorLib.makeTensor('float32', X, [1, tokens, embed]);
  const ours = () => attn.multiHeadAttention(x, x, x, params).output.data;
  const w = params.inProjWeight.data;
  const bin = params.inProjBias.data;
  const e2 = embed * embed;
  const weights = {
    wq: w.subarray(0, e2),
    wk: w.subarray(e2, 2 * e2),
    wv: w.subarray(2 * e2, 3 * e2),
    wo: params.outProjWeight.data,
    bq: bin.subarray(0, embed),
    bk: bin.subarray(embed, 2 * embed),
    bv: bin.subarray(2 * embed, 3 * embed),
    bo: params.outProjBias.data,
  };
  const onnx = await onnxMultiHeadLayer({ tokens, embed, heads }, X, weights);
  const reference = await onnx();
  checks.push(`${label}: max |ours - onnxruntime-web| = ${maxDiff(ours(), reference).toExponential(1)}`);
  const [tOurs, tOnnx] = await interleaved([ours, onnx], { rounds, clock });
  rows.push([label, ms(tOurs), ms(tOnnx), ratio(tOnnx, tOurs), '—', '—', '—', '—']);
}

for (const causal of [false, true]) {
  for (const tokens of opts.quick ? [128] : [128, 1024]) await attentionRow(tokens, causal);
}
await layerRows();

printTable(
  [
    'row',
    'ours ms',
    'onnxruntime-web ms',
    'vs ort',
    'tfjs-backend-wasm ms',
    'vs tfjs-wasm',
    'tfjs-backend-cpu ms',
    'vs tfjs-cpu',
  ],
  rows,
);
console.log('');
for (const c of checks) console.log(`- ${c}`);
