import { ready, type Tensor } from '@attn/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  feedForward,
  initFeedForward,
  initMultiHeadAttention,
  linear,
  seedSingleHead,
  seedWalkthrough,
  sinusoidalEncoding,
} from '../src/index.js';
import { at, elements, maxError } from './support/reference.js';

// The same kernels for every call (the SIMD set once compiled), so results can be compared bit for bit.
beforeAll(async () => {
  await ready();
});

describe('seedWalkthrough', () => {
  const walk = () => seedWalkthrough({ tokens: 12, dModel: 32, numHeads: 4, seed: 42 });
  let w: ReturnType<typeof walk>;
  beforeAll(() => {
    w = walk();
  });

  it('returns every intermediate with its shape, in order', () => {
    expect(w.steps.map((s) => s.key)).toEqual([
      'embeddings',
      'positionalEncoding',
      'x',
      'q',
      'k',
      'v',
      'causalMask',
      'scores',
      'scaled',
      'masked',
      'weights',
      'context',
      'concat',
      'output',
      'feedForward',
    ]);
    const shapes = Object.fromEntries(w.steps.map((s) => [s.key, s.shape]));
    expect(shapes).toMatchObject({
      x: [12, 32],
      q: [4, 12, 8],
      causalMask: [12, 12],
      weights: [4, 12, 12],
      context: [4, 12, 8],
      concat: [12, 32],
      output: [12, 32],
      feedForward: [12, 32],
    });
    for (const s of w.steps) expect(s.axes.length).toBe(s.shape.length);
  });

  it('passes the checks: rows sum to 1, masked weights are 0, no NaN', () => {
    const weights = elements(w.weights);
    for (let r = 0; r < 4 * 12; r++) {
      const i = r % 12;
      let sum = 0;
      for (let j = 0; j < 12; j++) {
        const x = weights[r * 12 + j];
        if (j > i) expect(x).toBe(0);
        sum += x;
      }
      expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
    }
    for (const s of w.steps) expect(elements(s.tensor).some(Number.isNaN)).toBe(false);
  });

  it('is consistent: x = E + PE, concat lays heads side by side, output = concat W_O^T + b_O', () => {
    expect(maxError(elements(w.positionalEncoding), elements(sinusoidalEncoding(12, 32)))).toBe(0);
    const sum = elements(w.embeddings).map((v, i) => v + elements(w.positionalEncoding)[i]);
    expect(maxError(elements(w.x), sum)).toBeLessThan(1e-6);
    for (let h = 0; h < 4; h++) {
      for (let t = 0; t < 12; t++) {
        for (let c = 0; c < 8; c++) expect(at(w.concat, [t, h * 8 + c])).toBe(at(w.context, [h, t, c]));
      }
    }
    const out = linear(w.concat, w.attentionParams.outProjWeight, w.attentionParams.outProjBias);
    expect(elements(out)).toEqual(elements(w.output));
    // Deterministic for a seed.
    expect(elements(seedWalkthrough({ tokens: 12, dModel: 32, numHeads: 4, seed: 42 }).output)).toEqual(
      elements(w.output),
    );
  });

  it('draws its weights from seed + 1 and seed + 2, once per seed and sizes, and the feed-forward block on first read', () => {
    const a = seedWalkthrough({ tokens: 6, dModel: 16, numHeads: 2, seed: 5 });
    const drawn = initMultiHeadAttention({ embedDim: 16, numHeads: 2, seed: 6 });
    expect(elements(a.attentionParams.inProjWeight as Tensor)).toEqual(elements(drawn.inProjWeight as Tensor));
    expect(elements(a.attentionParams.outProjWeight)).toEqual(elements(drawn.outProjWeight));
    // Another length with the same seed and sizes reuses the weights; another seed draws new ones.
    const longer = seedWalkthrough({ tokens: 9, dModel: 16, numHeads: 2, seed: 5 });
    expect(longer.attentionParams).toBe(a.attentionParams);
    expect(longer.feedForwardParams).toBe(a.feedForwardParams);
    const other = seedWalkthrough({ tokens: 6, dModel: 16, numHeads: 2, seed: 7 });
    expect(elements(other.attentionParams.outProjWeight)).not.toEqual(elements(a.attentionParams.outProjWeight));
    // The feed-forward output, computed on first read, is the block applied to the attention output.
    const ffn = initFeedForward({ dModel: 16, dFF: 64, seed: 7 });
    expect(elements(ffn.w1)).toEqual(elements(a.feedForwardParams.w1));
    expect(elements(other.feedForward)).toEqual(
      elements(feedForward(other.output, initFeedForward({ dModel: 16, dFF: 64, seed: 9 }))),
    );
    expect(other.steps.at(-1)?.tensor).toBe(other.feedForward);
    expect(other.steps.at(-1)?.shape).toEqual([6, 16]);
  });

  it('with reuse, draws the weights of a new seed into the old tensors: the same numbers as a fresh call', () => {
    const sizes = { tokens: 5, dModel: 16, numHeads: 4 };
    const old = seedWalkthrough({ ...sizes, seed: 100 });
    const oldWeight = old.attentionParams.inProjWeight as Tensor;
    const next = seedWalkthrough({ ...sizes, seed: 101, reuse: old });
    expect(next.attentionParams.inProjWeight).toBe(oldWeight);
    expect(next.attentionParams.outProjWeight).toBe(old.attentionParams.outProjWeight);
    const fresh = initMultiHeadAttention({ embedDim: 16, numHeads: 4, seed: 102 });
    expect(elements(oldWeight)).toEqual(elements(fresh.inProjWeight as Tensor));
    expect(elements(next.attentionParams.outProjWeight)).toEqual(elements(fresh.outProjWeight));
    // Seed 100 is drawn again (not found under the recycled tensors), and every output matches a fresh start.
    const again = seedWalkthrough({ ...sizes, seed: 100 });
    expect(again.attentionParams.inProjWeight).not.toBe(oldWeight);
    expect(elements(again.attentionParams.inProjWeight as Tensor)).toEqual(
      elements(initMultiHeadAttention({ embedDim: 16, numHeads: 4, seed: 101 }).inProjWeight as Tensor),
    );
    const other = seedWalkthrough({ tokens: 5, dModel: 32, numHeads: 4, seed: 103, reuse: next });
    expect(other.attentionParams.inProjWeight).not.toBe(oldWeight);
    expect(() => seedWalkthrough({ ...sizes, reuse: {} as never })).toThrow(
      'seedWalkthrough: reuse must be a walkthrough returned by seedWalkthrough',
    );
  });

  it('rejects heads that do not divide d_model', () => {
    expect(() => seedWalkthrough({ dModel: 30, numHeads: 4 })).toThrow(
      'seedWalkthrough: numHeads (4) must divide dModel (30)',
    );
  });
});

describe('seedSingleHead', () => {
  it("is the seed's single head: d_k-wide, PE cut from d_model, causal, feed-forward on the context", () => {
    const s = seedSingleHead({ tokens: 10, dModel: 32, numHeads: 4 });
    expect(s.x.shape).toEqual([10, 8]);
    expect(s.weights.shape).toEqual([10, 10]);
    expect(s.feedForward.shape).toEqual([10, 8]);
    const wide = sinusoidalEncoding(10, 32);
    expect(at(s.positionalEncoding, [3, 5])).toBe(at(wide, [3, 5]));
    const weights = elements(s.weights);
    for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) expect(weights[i * 10 + j]).toBe(0);
  });
});
