/**
 * A cross-check against an independent implementation: the same attention composed from tfjs-core ops on its
 * CPU backend, with the same inputs and weights. tfjs is a peer, not the oracle (it has batch-broadcast matMul
 * bugs), so shapes here keep every batch axis explicit and no row fully masked (tfjs would give NaN there).
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { multiHeadAttention, scaledDotProductAttention } from '../src/index.js';
import { makeBoolMask, makeView } from './support/arbitraries.js';
import { elements, maxError } from './support/reference.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const toTf = (t: { shape: readonly number[] } & Parameters<typeof elements>[0]) =>
  tf.tensor(elements(t), [...t.shape], 'float32');

/** softmax(Q K^T * scale, masked) V with tfjs ops. */
function tfAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, allow: tf.Tensor | null, scale: number) {
  let s = tf.mul(tf.matMul(q, k, false, true), scale);
  if (allow) s = tf.where(tf.cast(allow, 'bool'), s, tf.fill(s.shape, Number.NEGATIVE_INFINITY));
  return tf.matMul(tf.softmax(s), v);
}

describe('cross-check with tfjs-core (cpu backend)', () => {
  it('scaled dot-product attention with causal and boolean masks agrees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (b, h, t, d, seed) => {
          const q = makeView([b, h, t, d], seed);
          const k = makeView([b, h, t, d], seed + 1);
          const v = makeView([b, h, t, d + 1], seed + 2);
          // A random boolean mask with the diagonal always allowed, and the causal mask on top.
          const mask = makeBoolMask([b, h, t, t], seed + 3, 0.6);
          for (let n = 0; n < b * h; n++) for (let i = 0; i < t; i++) mask.data[(n * t + i) * t + i] = 1;
          const ours = scaledDotProductAttention(q, k, v, { mask, causal: true }).output;
          const causal = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
          const allow = tf.mul(toTf(mask), causal);
          const theirs = tfAttention(toTf(q), toTf(k), toTf(v), allow, 1 / Math.sqrt(d));
          expect(maxError(elements(ours), Array.from(theirs.dataSync()))).toBeLessThan(1e-5);
          tf.dispose([allow, causal, theirs]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('multi-head attention (projections, heads, concat, output projection, padding) agrees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom(1, 2, 4),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (b, heads, dh, tq, tk, seed) => {
          const e = heads * dh;
          const x = makeView([b, tq, e], seed);
          const mem = makeView([b, tk, e], seed + 1);
          const params = {
            numHeads: heads,
            inProjWeight: makeView([3 * e, e], seed + 2, 'contiguous', 'float32', 0.5),
            inProjBias: makeView([3 * e], seed + 3),
            outProjWeight: makeView([e, e], seed + 4, 'contiguous', 'float32', 0.5),
            outProjBias: makeView([e], seed + 5),
          };
          // Key padding with key 0 always real, so no row is fully masked.
          const kpm = makeBoolMask([b, tk], seed + 6, 0.6);
          for (let i = 0; i < b; i++) kpm.data[i * tk] = 1;
          const ours = multiHeadAttention(x, mem, mem, params, { keyPaddingMask: kpm }).output;

          const W = toTf(params.inProjWeight);
          const bias = toTf(params.inProjBias);
          const project = (input: tf.Tensor, part: number) => {
            const w = tf.slice(W, [part * e, 0], [e, e]);
            const bb = tf.slice(bias, [part * e], [e]);
            const y = tf.add(tf.matMul(tf.reshape(input, [-1, e]), w, false, true), bb);
            return tf.transpose(tf.reshape(y, [b, -1, heads, dh]), [0, 2, 1, 3]); // [b, heads, T, dh]
          };
          const qh = project(toTf(x), 0);
          const kh = project(toTf(mem), 1);
          const vh = project(toTf(mem), 2);
          const allow = tf.tile(tf.reshape(toTf(kpm), [b, 1, 1, tk]), [1, heads, tq, 1]);
          const heads4 = tfAttention(qh, kh, vh, allow, 1 / Math.sqrt(dh));
          const concat = tf.reshape(tf.transpose(heads4, [0, 2, 1, 3]), [b * tq, e]);
          const out = tf.add(tf.matMul(concat, toTf(params.outProjWeight), false, true), toTf(params.outProjBias));
          expect(maxError(elements(ours), Array.from(out.dataSync()))).toBeLessThan(1e-5);
          tf.dispose([W, bias, qh, kh, vh, allow, heads4, concat, out]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
