import { type FloatDType, makeTensor, type Tensor, tensor } from '@attn/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedForward, gelu, layerNorm, linear, relu, residual } from '../src/index.js';
import { layoutArb, makeView } from './support/arbitraries.js';
import { at, elements, maxError, referenceLinear, walk } from './support/reference.js';

const dtypeArb = fc.constantFrom('float32' as const, 'float64' as const);
const tol = (dtype: string) => (dtype === 'float64' ? 1e-12 : 2e-5);

/** Reference layer norm over the last axis, float64. */
function referenceLayerNorm(x: Tensor, w?: Tensor, b?: Tensor, eps = 1e-5): number[] {
  const e = x.shape.at(-1)!;
  const out: number[] = [];
  const lead = x.shape.slice(0, -1);
  const each = (fn: (i: number[]) => void) => (lead.length ? walk(lead, fn) : fn([]));
  each((index) => {
    const row = Array.from({ length: e }, (_, c) => at(x, [...index, c]));
    const mean = row.reduce((a, v) => a + v, 0) / e;
    const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / e;
    for (let c = 0; c < e; c++) {
      out.push(((row[c] - mean) / Math.sqrt(variance + eps)) * (w ? at(w, [c]) : 1) + (b ? at(b, [c]) : 0));
    }
  });
  return out;
}

describe('linear', () => {
  it('is x W^T + b for any batch shape and layout', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        layoutArb,
        layoutArb,
        dtypeArb,
        fc.nat(),
        (lead, inn, out, withBias, lx, lw, dtype, seed) => {
          const x = makeView([...lead, inn], seed, lx, dtype);
          const w = makeView([out, inn], seed + 1, lw, dtype);
          const b = withBias ? makeView([out], seed + 2, 'padded', dtype) : undefined;
          const ref = referenceLinear(x, w, b);
          const y = linear(x, w, b);
          expect(y.shape).toEqual(ref.shape);
          expect(maxError(elements(y), ref.values)).toBeLessThanOrEqual(tol(dtype));
        },
      ),
    );
  });
  it('names the shapes when they do not fit', () => {
    expect(() => linear(makeView([2, 3], 1), makeView([4, 5], 2))).toThrow(
      "linear: x [2,3] and weight [4,5] do not align (x's last axis 3 != weight's in 5)",
    );
    expect(() => linear(makeView([2, 3], 1), makeView([4, 3], 2), makeView([3], 3))).toThrow(
      'linear: bias must be [4] for weight [4,3], got [3]',
    );
    expect(() => linear(makeView([2, 3], 1), makeView([4, 3, 1], 2))).toThrow(
      'linear: weight must have rank 2, got shape [4,3,1]',
    );
  });
});

describe('layerNorm', () => {
  it('matches the float64 reference with and without weight and bias', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        layoutArb,
        dtypeArb,
        fc.nat(),
        (lead, e, affine, layout, dtype, seed) => {
          const x = makeView([...lead, e], seed, layout, dtype);
          // weight and bias share x's float dtype (the tensor layerNorm's types ask for it).
          const w = affine ? (makeView([e], seed + 1, 'contiguous', dtype) as Tensor<FloatDType>) : undefined;
          const b = affine ? (makeView([e], seed + 2, 'contiguous', dtype) as Tensor<FloatDType>) : undefined;
          const y = layerNorm(x, { weight: w, bias: b });
          expect(maxError(elements(y), referenceLayerNorm(x, w, b))).toBeLessThanOrEqual(
            dtype === 'float64' ? 1e-12 : 1e-5,
          );
        },
      ),
    );
  });
  it('normalises a known row and rejects a weight of the wrong width', () => {
    const y = elements(layerNorm(tensor([[1, 2, 3]], { dtype: 'float64' }), { eps: 0 }));
    expect(y[0]).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(y[1]).toBe(0);
    expect(() => layerNorm(tensor([[1, 2, 3]]), { weight: tensor([1, 1]) })).toThrow(
      'layerNorm: weight has shape [2] but the normalised axes have shape [3]',
    );
  });
});

describe('activations', () => {
  it('gelu is the exact (erf) GELU to float32 accuracy', () => {
    const known: [number, number][] = [
      [-3, -0.0040496940948679],
      [-1, -0.15865525393145707],
      [-0.5, -0.15426876936299347],
      [0, 0],
      [0.5, 0.34573123063700656],
      [1, 0.8413447460685429],
      [2, 1.9544997361036416],
    ];
    const y = elements(
      gelu(
        tensor(
          known.map(([x]) => x),
          { dtype: 'float64' },
        ),
      ),
    );
    known.forEach(([, expected], i) => {
      expect(Math.abs(y[i] - expected)).toBeLessThanOrEqual(2e-7 * Math.max(1, Math.abs(expected)));
    });
  });
  it('relu clamps negatives to 0 and reads strided views', () => {
    const x = makeTensor('float32', new Float32Array([-1, 9, 2, 9, -3, 9, 4]), [2, 2], [4, 2], 0);
    expect(elements(relu(x))).toEqual([0, 2, 0, 4]);
  });
});

describe('feedForward', () => {
  it('is act(x W1^T + b1) W2^T + b2 for ReLU and GELU', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('relu' as const, 'gelu' as const),
        fc.nat(),
        (t, d, dff, activation, seed) => {
          const x = makeView([2, t, d], seed, 'padded', 'float64');
          const params = {
            w1: makeView([dff, d], seed + 1, 'transposed', 'float64'),
            b1: makeView([dff], seed + 2, 'contiguous', 'float64'),
            w2: makeView([d, dff], seed + 3, 'contiguous', 'float64'),
            b2: makeView([d], seed + 4, 'contiguous', 'float64'),
          };
          const h = referenceLinear(x, params.w1, params.b1);
          const act = h.values.map((v) =>
            activation === 'relu' ? Math.max(0, v) : elements(gelu(tensor([v], { dtype: 'float64' })))[0],
          );
          const hidden = makeTensor('float64', Float64Array.from(act), h.shape);
          const ref = referenceLinear(hidden, params.w2, params.b2);
          expect(maxError(elements(feedForward(x, params, activation)), ref.values)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });
  it('names the shapes when the weights do not fit', () => {
    const x = makeView([3, 4], 1);
    expect(() => feedForward(x, { w1: makeView([8, 5], 1), w2: makeView([4, 8], 1) })).toThrow(
      'feedForward: params.w1 must be [d_ff, 4] for x [3,4], got [8,5]',
    );
    expect(() => feedForward(x, { w1: makeView([8, 4], 1), w2: makeView([4, 7], 1) })).toThrow(
      'feedForward: params.w2 must be [4, 8] for x [3,4] and w1 [8,4], got [4,7]',
    );
    expect(() => feedForward(x, { w1: makeView([8, 4], 1), w2: makeView([4, 8], 1) }, 'tanh' as never)).toThrow(
      "feedForward: activation must be 'relu' or 'gelu'",
    );
  });
});

describe('residual', () => {
  it('adds the sublayer output, given as a tensor or a function', () => {
    const x = makeView([2, 3], 1, 'transposed');
    const y = makeView([2, 3], 2, 'padded');
    const sum = elements(x).map((v, i) => v + elements(y)[i]);
    expect(maxError(elements(residual(x, y)), sum)).toBeLessThan(1e-6);
    expect(elements(residual(x, () => y))).toEqual(elements(residual(x, y)));
    expect(() => residual(x, makeView([3, 2], 3))).toThrow(
      'residual: x [2,3] and the sublayer output [3,2] must have the same shape',
    );
  });
});
