// The seed project's walkthrough in the terminal: every step with its shape, the corners of each matrix, and the
// checks. Run from the repository root with `pnpm walkthrough` (it builds @attn/tensor and @attn/attention first).
import { performance } from 'node:perf_hooks';
import { format, kernelBackend, ready, select } from '@attn/tensor';
import { seedSingleHead, seedWalkthrough } from '../dist/index.js';

/** A matrix's corners as @attn/tensor prints them (the first head/slice of a rank-3 tensor), indented. */
function corners(t) {
  const matrix = t.shape.length > 2 ? select(t, 0, 0) : t;
  return format(matrix, { threshold: 16, edgeItems: 2 })
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

function show(title, steps) {
  console.log(`\n=== ${title} ===`);
  steps.forEach((s, n) => {
    const where = s.shape.length > 2 ? ` (${s.axes[0]} 0)` : '';
    console.log(`\n${String(n + 1).padStart(2)}. ${s.title}  [${s.shape.join(', ')}]  ${s.axes.join(' x ')}`);
    console.log(`    ${s.formula}${where}`);
    console.log(corners(s.tensor));
  });
}

/** Every row of weights sums to 1 and every weight the causal mask hides is exactly 0. */
function check(weights) {
  const [tq, tk] = weights.shape.slice(-2);
  const rows = weights.data.length / tk;
  let worstSum = 0;
  let maskedNonZero = 0;
  for (let r = 0; r < rows; r++) {
    const i = r % tq;
    let sum = 0;
    for (let j = 0; j < tk; j++) {
      const w = weights.data[r * tk + j];
      sum += w;
      if (j > i && w !== 0) maskedNonZero++;
    }
    worstSum = Math.max(worstSum, Math.abs(sum - 1));
  }
  return { rows, worstSum, maskedNonZero };
}

// Use the WebAssembly SIMD kernels from the first call (without this the first calls run plain TypeScript).
await ready();
const t0 = performance.now();
const walk = seedWalkthrough();
// The feed-forward block is computed when first read: read it here so the time below covers it.
void walk.feedForward;
const t1 = performance.now();
const single = seedSingleHead();
const t2 = performance.now();

console.log('The seed walkthrough, done right: seed 42, 128 tokens, d_model 512, 8 heads of 64, causal, no dropout.');
show('Multi-head attention (seedWalkthrough)', walk.steps);
show("The seed's own single head, for comparison (seedSingleHead)", single.steps);

console.log('\n=== Checks ===');
let failed = false;
for (const [name, weights] of [
  ['multi-head', walk.weights],
  ['single head', single.weights],
]) {
  const c = check(weights);
  const ok = c.worstSum < 1e-5 && c.maskedNonZero === 0;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name}: ${c.rows} rows of weights, largest |row sum - 1| = ${c.worstSum.toExponential(2)}, masked weights not 0: ${c.maskedNonZero}`,
  );
}
const nan = [...walk.steps, ...single.steps].filter((s) => Array.prototype.some.call(s.tensor.data, Number.isNaN));
failed ||= nan.length > 0;
console.log(
  `${nan.length === 0 ? 'ok  ' : 'FAIL'} no NaN in any step${nan.length ? `: ${nan.map((s) => s.key).join(', ')}` : ''}`,
);
console.log(
  `\nseedWalkthrough ${(t1 - t0).toFixed(0)} ms, seedSingleHead ${(t2 - t1).toFixed(0)} ms (${kernelBackend().active} kernels)`,
);
if (failed) process.exitCode = 1;
