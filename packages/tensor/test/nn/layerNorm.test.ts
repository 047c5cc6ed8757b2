import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type DType, layerNorm, logsumexp, type Tensor, tensor } from '../../src/index.js';
import { anyTensorArb, tensorArb } from '../support/arbitraries.js';
import { expectClose } from '../support/reference.js';
import { refGroups } from './refRows.js';

/** The reference layer norm: per group (over `axes`), (x - mean) / sqrt(biased var + eps) * w + b, in float64. */
function refLayerNorm(t: Tensor, axes: number[], eps: number, w?: number[], b?: number[]): number[] {
  const out = new Array<number>(t.shape.reduce((p, d) => p * d, 1));
  const strides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((p, d) => p * d, 1));
  for (const g of refGroups(t, axes)) {
    const n = g.values.length;
    const m = g.values.reduce((a, v) => a + v, 0) / n;
    const v = g.values.reduce((a, x) => a + (x - m) ** 2, 0) / n;
    g.indices.forEach((idx, j) => {
      out[idx.reduce((p, d, k) => p + d * strides[k], 0)] =
        ((g.values[j] - m) / Math.sqrt(v + eps)) * (w ? w[j] : 1) + (b ? b[j] : 0);
    });
  }
  return out;
}

describe('layerNorm', () => {
  it.each(['float32', 'float64'] as DType[])(
    'matches the reference over trailing axes, with weight and bias (%s)',
    (dtype) => {
      fc.assert(
        fc.property(
          anyTensorArb({ dtype, minRank: 1, minSize: 1 }).chain((t) =>
            fc.integer({ min: 1, max: t.shape.length }).chain((k) => {
              const norm = t.shape.slice(t.shape.length - k);
              return fc.tuple(
                fc.constant(t),
                fc.constant(norm),
                tensorArb({ dtype, shape: norm }),
                tensorArb({ dtype, shape: norm }),
                fc.boolean(),
              );
            }),
          ),
          ([t, norm, w, b, useParams]) => {
            const axes = norm.map((_, i) => t.shape.length - norm.length + i);
            const y = useParams
              ? layerNorm(t, { normalizedShape: norm, weight: w as Tensor<'float32'>, bias: b as Tensor<'float32'> })
              : layerNorm(t, { normalizedShape: norm });
            const want = refLayerNorm(
              t,
              axes,
              1e-5,
              useParams ? Array.from(w.data) : undefined,
              useParams ? Array.from(b.data) : undefined,
            );
            expectClose(y, want, {
              shape: t.shape,
              rtol: dtype === 'float32' ? 1e-5 : 1e-12,
              atol: dtype === 'float32' ? 1e-5 : 1e-12,
            });
          },
        ),
        { numRuns: 80 },
      );
    },
  );

  it('normalises over any axes given as axis, including non-trailing ones', () => {
    fc.assert(
      fc.property(
        anyTensorArb({ dtype: 'float64', minRank: 2, minSize: 1, maxSize: 5 }).chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.shuffledSubarray(
              t.shape.map((_, i) => i),
              { minLength: 1 },
            ),
          ),
        ),
        ([t, axes]) => {
          const sorted = [...axes].sort((a, b) => a - b);
          expectClose(layerNorm(t, { axis: axes, eps: 1e-3 }), refLayerNorm(t, sorted, 1e-3), {
            rtol: 1e-12,
            atol: 1e-12,
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches the documented example and gives zeros (not NaN) for a constant row', () => {
    expectClose(layerNorm(tensor([[1, 3]]), { weight: tensor([2, 2]), bias: tensor([1, 1]), eps: 0 }), [-1, 3]);
    expectClose(layerNorm(tensor([[5, 5, 5]])), [0, 0, 0], { atol: 0 });
  });

  it('rejects mismatched parameters and options, naming them', () => {
    const x = tensor([[1, 2, 3]]);
    expect(() => layerNorm(x, { normalizedShape: [4] })).toThrow(
      'layerNorm: normalizedShape [4] does not match the last axes of x [1,3]',
    );
    expect(() => layerNorm(x, { weight: tensor([1, 2]) })).toThrow(
      'layerNorm: weight has shape [2] but the normalised axes have shape [3]',
    );
    expect(() => layerNorm(x, { bias: tensor([1, 2, 3], { dtype: 'float64' }) as never })).toThrow(
      'layerNorm: bias has dtype float64 but the result is float32',
    );
    expect(() => layerNorm(x, { eps: -1 })).toThrow('layerNorm: eps must be a non-negative number, got -1');
    expect(() => layerNorm(x, { axis: -1, normalizedShape: [3] })).toThrow(
      'layerNorm: give normalizedShape or axis, not both',
    );
    expect(() => layerNorm(x, { axis: 3 })).toThrow('layerNorm: axis 3 is out of range for a tensor of rank 2');
    expect(() => layerNorm(tensor([true]))).toThrow('layerNorm: expects a float32, float64 or int32 tensor, got bool');
  });

  it('types: int32 gives float32', () => {
    expectTypeOf(layerNorm(tensor([1, 2], { dtype: 'int32' }))).toEqualTypeOf<Tensor<'float32'>>();
  });
});

describe('logsumexp', () => {
  const ref = (v: number[]) => {
    if (v.some(Number.isNaN)) return Number.NaN;
    const m = Math.max(-Infinity, ...v);
    if (!Number.isFinite(m)) return m;
    return m + Math.log(v.reduce((a, x) => a + Math.exp(x - m), 0));
  };
  it.each(['float32', 'float64'] as DType[])('matches the reference over random axes (%s)', (dtype) => {
    fc.assert(
      fc.property(
        anyTensorArb({ dtype, specials: true, min: -50, max: 50 }).chain((t) =>
          fc.tuple(fc.constant(t), fc.shuffledSubarray(t.shape.map((_, i) => i))),
        ),
        ([t, axes]) => {
          const sorted = [...axes].sort((a, b) => a - b);
          const want = refGroups(t, sorted).map((g) => ref(g.values));
          expectClose(logsumexp(t, { axis: axes }), want, { rtol: dtype === 'float32' ? 2e-7 : 1e-13, atol: 1e-6 });
        },
      ),
      { numRuns: 80 },
    );
  });
  it('gives -Infinity for all -Infinity, and stays finite for huge inputs', () => {
    expectClose(
      logsumexp(
        tensor([
          [-Infinity, -Infinity],
          [1e4, 1e4],
        ]),
        { axis: 1 },
      ),
      [-Infinity, 1e4 + Math.LN2],
    );
    expect(() => logsumexp(tensor([true]))).toThrow('logsumexp: expects a float32, float64 or int32 tensor, got bool');
  });
});
