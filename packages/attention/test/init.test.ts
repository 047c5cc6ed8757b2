import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fans,
  initFeedForward,
  initLinear,
  initMultiHeadAttention,
  xavierNormal,
  xavierUniform,
} from '../src/index.js';
import { elements } from './support/reference.js';

const stats = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
};

describe('initialisers (PyTorch distributions, our seeded PRNG)', () => {
  it('computes fans as PyTorch does', () => {
    expect(fans('t', [1536, 512])).toEqual({ fanIn: 512, fanOut: 1536 });
    expect(fans('t', [4, 3, 5, 5])).toEqual({ fanIn: 75, fanOut: 100 });
    expect(() => fans('xavierUniform', [5])).toThrow(
      'xavierUniform: shape must be [out, in, ...] with positive lengths, got [5]',
    );
  });

  it('xavierUniform is U(-a, a), a = gain sqrt(6/(fan_in+fan_out)), deterministic per seed', () => {
    const w = xavierUniform([300, 200], { seed: 7, gain: 2 });
    const a = 2 * Math.sqrt(6 / 500);
    const s = stats(elements(w));
    expect(s.min).toBeGreaterThanOrEqual(-a);
    expect(s.max).toBeLessThan(a);
    expect(s.max).toBeGreaterThan(0.99 * a);
    expect(Math.abs(s.mean)).toBeLessThan(0.01 * a);
    expect(s.std).toBeCloseTo(a / Math.sqrt(3), 2);
    expect(elements(xavierUniform([300, 200], { seed: 7, gain: 2 }))).toEqual(elements(w));
    expect(elements(xavierUniform([300, 200], { seed: 8, gain: 2 }))).not.toEqual(elements(w));
  });

  it('xavierNormal is N(0, gain^2 2/(fan_in+fan_out))', () => {
    const w = xavierNormal([400, 100], { seed: 3, dtype: 'float64' });
    expect(w.dtype).toBe('float64');
    const s = stats(elements(w));
    expect(Math.abs(s.mean)).toBeLessThan(0.005);
    expect(s.std).toBeCloseTo(Math.sqrt(2 / 500), 3);
  });

  it('initLinear is nn.Linear default: U(-1/sqrt(in), 1/sqrt(in)) for weight and bias', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (inn, out, seed) => {
        const { weight, bias } = initLinear({ inFeatures: inn, outFeatures: out, seed });
        expect(weight.shape).toEqual([out, inn]);
        expect(bias?.shape).toEqual([out]);
        const bound = 1 / Math.sqrt(inn);
        for (const v of [...elements(weight), ...elements(bias!)]) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 30 },
    );
    expect(initLinear({ inFeatures: 3, outFeatures: 2, bias: false, seed: 1 }).bias).toBeUndefined();
    expect(() => initLinear({ inFeatures: 0, outFeatures: 2, seed: 1 })).toThrow(
      'initLinear: inFeatures must be a positive integer',
    );
  });

  it('initMultiHeadAttention matches nn.MultiheadAttention: packed Xavier in_proj, zero biases, Linear out_proj', () => {
    const p = initMultiHeadAttention({ embedDim: 64, numHeads: 8, seed: 42 });
    expect(p.inProjWeight?.shape).toEqual([192, 64]);
    expect(elements(p.inProjBias!).every((v) => v === 0)).toBe(true);
    expect(elements(p.outProjBias!).every((v) => v === 0)).toBe(true);
    const a = Math.sqrt(6 / (64 + 192));
    const s = stats(elements(p.inProjWeight!));
    expect(s.max).toBeLessThan(a);
    expect(s.max).toBeGreaterThan(0.98 * a);
    const o = stats(elements(p.outProjWeight));
    expect(o.max).toBeLessThanOrEqual(1 / 8);
    expect(o.max).toBeGreaterThan(0.98 / 8);
    // Separate weights for kdim/vdim != E and for grouped-query heads.
    const g = initMultiHeadAttention({
      embedDim: 64,
      numHeads: 8,
      numKvHeads: 2,
      kdim: 10,
      vdim: 12,
      seed: 1,
      bias: false,
    });
    expect(g.inProjWeight).toBeUndefined();
    expect(g.qProjWeight?.shape).toEqual([64, 64]);
    expect(g.kProjWeight?.shape).toEqual([16, 10]);
    expect(g.vProjWeight?.shape).toEqual([16, 12]);
    expect(g.numKvHeads).toBe(2);
    expect(g.outProjBias).toBeUndefined();
    expect(Object.keys(g).sort()).toEqual([
      'kProjWeight',
      'numHeads',
      'numKvHeads',
      'outProjWeight',
      'qProjWeight',
      'vProjWeight',
    ]);
    expect(() => initMultiHeadAttention({ embedDim: 10, numHeads: 4, seed: 1 })).toThrow(
      'initMultiHeadAttention: numHeads (4) must divide embedDim (10)',
    );
    expect(() => initMultiHeadAttention({ embedDim: 12, numHeads: 4, numKvHeads: 3, seed: 1 })).toThrow(
      'initMultiHeadAttention: numKvHeads (3) must divide numHeads (4)',
    );
  });

  it('initFeedForward gives d_model -> d_ff -> d_model with Linear defaults', () => {
    const f = initFeedForward({ dModel: 16, dFF: 64, seed: 5 });
    expect(f.w1.shape).toEqual([64, 16]);
    expect(f.b1?.shape).toEqual([64]);
    expect(f.w2.shape).toEqual([16, 64]);
    expect(f.b2?.shape).toEqual([16]);
    expect(Math.max(...elements(f.w2).map(Math.abs))).toBeLessThanOrEqual(1 / 8);
  });
});
