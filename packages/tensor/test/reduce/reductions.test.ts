import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  argmax,
  argmin,
  type DType,
  max,
  mean,
  min,
  std,
  sum,
  type Tensor,
  tensor,
  topk,
  var as varAlias,
  variance,
} from '../../src/index.js';
import { refGroups } from '../nn/refRows.js';
import { anyTensorArb, viewArb } from '../support/arbitraries.js';
import { expectClose } from '../support/reference.js';

type Axis = number | number[] | undefined;

/** A tensor and an axis argument for it: undefined, one (maybe negative) axis, or a list of distinct axes. */
const caseArb = (dtype: DType, specials = true) =>
  anyTensorArb({ dtype, specials }).chain((t) => {
    const r = t.shape.length;
    const one = r === 0 ? fc.constant(undefined) : fc.integer({ min: -r, max: r - 1 });
    const many = fc
      .shuffledSubarray(
        t.shape.map((_, i) => i),
        { minLength: 0, maxLength: r },
      )
      .chain((axes) => fc.tuple(...axes.map((a) => fc.constantFrom(a, a - r))).map((xs) => xs as number[]));
    return fc.tuple(fc.constant(t), fc.oneof(fc.constant(undefined), one, many) as fc.Arbitrary<Axis>, fc.boolean());
  });

function normAxes(axis: Axis, rank: number): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  return list.map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
}

function outShape(t: Tensor, axes: number[], keepDims: boolean): number[] {
  return keepDims ? t.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : t.shape.filter((_, i) => !axes.includes(i));
}

const refSum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const refMean = (v: number[]) => refSum(v) / v.length;
const refVar = (c: number) => (v: number[]) => {
  const m = refMean(v);
  return refSum(v.map((x) => (x - m) ** 2)) / Math.max(v.length - c, 0);
};
const refMax = (v: number[]) => (v.some(Number.isNaN) ? Number.NaN : Math.max(-Infinity, ...v));
const refMin = (v: number[]) => (v.some(Number.isNaN) ? Number.NaN : Math.min(Infinity, ...v));

interface Case {
  name: string;
  run: (t: Tensor, o: { axis?: Axis; keepDims?: boolean }) => Tensor;
  ref: (v: number[]) => number;
  result: (d: DType) => DType;
  dtypes: DType[];
}

const floatOf = (d: DType): DType => (d === 'float64' ? 'float64' : 'float32');
const CASES: Case[] = [
  {
    name: 'sum',
    run: sum as Case['run'],
    ref: refSum,
    result: (d) => (d === 'float32' || d === 'float64' ? d : 'int32'),
    dtypes: ['float32', 'float64', 'int32', 'bool'],
  },
  {
    name: 'mean',
    run: mean as Case['run'],
    ref: refMean,
    result: floatOf,
    dtypes: ['float32', 'float64', 'int32', 'bool'],
  },
  {
    name: 'max',
    run: max as Case['run'],
    ref: refMax,
    result: (d) => d,
    dtypes: ['float32', 'float64', 'int32', 'bool'],
  },
  {
    name: 'min',
    run: min as Case['run'],
    ref: refMin,
    result: (d) => d,
    dtypes: ['float32', 'float64', 'int32', 'bool'],
  },
  {
    name: 'variance',
    run: variance as Case['run'],
    ref: refVar(0),
    result: floatOf,
    dtypes: ['float32', 'float64', 'int32'],
  },
  {
    name: 'variance (correction 1)',
    run: (t, o) => variance(t, { ...o, correction: 1 } as never),
    ref: refVar(1),
    result: floatOf,
    dtypes: ['float64'],
  },
  {
    name: 'std',
    run: std as Case['run'],
    ref: (v) => Math.sqrt(refVar(0)(v)),
    result: floatOf,
    dtypes: ['float32', 'float64'],
  },
];

describe.each(CASES)('$name', (c) => {
  it.each(c.dtypes)('matches the float64 reference over random axes, views and keepDims (%s)', (dtype) => {
    fc.assert(
      fc.property(caseArb(dtype), ([t, axis, keepDims]) => {
        const axes = normAxes(axis, t.shape.length);
        const groups = refGroups(t, axes);
        const empty = axes.some((a) => t.shape[a] === 0) && groups.length > 0;
        if (empty && (c.name === 'max' || c.name === 'min')) {
          expect(() => c.run(t, { axis, keepDims })).toThrow(`${c.name}: cannot reduce an empty axis`);
          return;
        }
        const y = c.run(t, { axis, keepDims });
        expect(y.dtype).toBe(c.result(dtype));
        const want = groups.map((g) => c.ref(g.values));
        const f32 = y.dtype === 'float32';
        // One float64 accumulation in the same row-major order, then one rounding: tight tolerances.
        expectClose(y, want, {
          shape: outShape(t, axes, keepDims),
          rtol: f32 ? 2 ** -23 : 1e-12,
          atol: f32 ? 1e-6 : 1e-11,
        });
      }),
      { numRuns: 80 },
    );
  });

  it('writes into out and checks it', () => {
    const x = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'float64' },
    );
    const out = tensor([0, 0, 0, 0, 0, 0], { dtype: 'float64' });
    const strided = { ...out, shape: [3], strides: [2], offset: 1 } as Tensor<'float64'>;
    expect(c.run(x, { axis: 0, out: strided } as never)).toBe(strided);
    const want = refGroups(x, [0]).map((g) => c.ref(g.values));
    expectClose([out.data[1], out.data[3], out.data[5]], want, { rtol: 1e-12 });
    const label = c.name.split(' ')[0];
    expect(() => c.run(x, { axis: 0, out: tensor([1, 2]) } as never)).toThrow(`${label}: out has`);
  });

  it('rejects bad axes and non-tensors with the function named', () => {
    const label = c.name.split(' ')[0];
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(() => c.run(x, { axis: 2 })).toThrow(`${label}: axis 2 is out of range for a tensor of rank 2`);
    expect(() => c.run(x, { axis: [1, -1] })).toThrow(`${label}: axis -1 is given twice`);
    expect(() => c.run([1] as never, {})).toThrow(`${label}: x must be a tensor, got an array`);
  });
});

describe('sum and mean specifics', () => {
  it('sum of int32 is exact and throws instead of overflowing; bool counts', () => {
    expect(Array.from(sum(tensor([2147483647, -5, 5], { dtype: 'int32' })).data)).toEqual([2147483647]);
    expect(() => sum(tensor([2147483647, 1], { dtype: 'int32' }))).toThrow(
      'sum: the int32 sum 2147483648 is outside int32',
    );
    expect(Array.from(sum(tensor([true, false, true])).data)).toEqual([2]);
  });
  it('float32 sums accumulate in float64 (no drift over 1e6 ones plus a tiny step)', () => {
    const x = new Float32Array(1 << 20).fill(0.1);
    const s = sum(tensor(x)).data[0];
    expect(s).toBe(Math.fround((1 << 20) * Math.fround(0.1)));
  });
  it('mean of an empty axis is NaN, sum is 0', () => {
    expect(Array.from(mean(tensor([], { dtype: 'float64' })).data)).toEqual([Number.NaN]);
    expect(Array.from(sum(tensor([])).data)).toEqual([0]);
  });
  it('variance rejects a negative correction; var is the same function', () => {
    expect(() => variance(tensor([1, 2]), { correction: -1 })).toThrow(
      'variance: correction must be a non-negative number, got -1',
    );
    expect(varAlias).toBe(variance);
  });
});

describe.each([
  ['argmax', argmax, (a: number, b: number) => a > b],
  ['argmin', argmin, (a: number, b: number) => a < b],
] as const)('%s', (name, fn, better) => {
  const refArg = (v: number[]) => {
    let at = -1;
    for (let i = 0; i < v.length; i++) {
      if (Number.isNaN(v[i])) return i;
      if (at < 0 || better(v[i], v[at])) at = i;
    }
    return at;
  };
  it.each(['float32', 'float64', 'int32'] as DType[])(
    'matches the reference, flattened or along one axis (%s)',
    (dtype) => {
      fc.assert(
        fc.property(
          anyTensorArb({ dtype, specials: true, integers: true, min: -3, max: 3 }).chain((t) =>
            fc.tuple(
              fc.constant(t),
              t.shape.length === 0
                ? fc.constant(undefined)
                : fc.option(fc.integer({ min: 0, max: t.shape.length - 1 }), { nil: undefined }),
              fc.boolean(),
            ),
          ),
          ([t, axis, keepDims]) => {
            const axes = normAxes(axis, t.shape.length);
            const groups = refGroups(t, axes);
            if (groups.length > 0 && groups[0].values.length === 0) {
              expect(() => fn(t, { axis, keepDims })).toThrow(`${name}: cannot search an empty axis`);
              return;
            }
            const y = fn(t, { axis, keepDims });
            expect(y.dtype).toBe('int32');
            const want = groups.map((g) => {
              const j = refArg(g.values);
              // flattened: the row-major flat index of the element; along an axis: its position on that axis
              if (axis === undefined) return g.indices[j].reduce((p, d, k) => p * t.shape[k] + d, 0);
              return g.indices[j][axis];
            });
            expectClose(y, want, { rtol: 0, atol: 0, shape: outShape(t, axes, keepDims) });
          },
        ),
        { numRuns: 80 },
      );
    },
  );
  it('rejects an axis list', () => {
    expect(() => fn(tensor([1, 2]), { axis: [0] as never })).toThrow(`${name}: axis must be one number or undefined`);
  });
});

describe('topk', () => {
  it('matches a sort of each last-axis row (largest and smallest), on random views', () => {
    fc.assert(
      fc.property(
        viewArb({ dtype: 'float64', minRank: 1, specials: true, integers: true, min: -3, max: 3 }).chain((t) =>
          fc.tuple(fc.constant(t), fc.integer({ min: 0, max: t.shape[t.shape.length - 1] }), fc.boolean()),
        ),
        ([t, k, largest]) => {
          const { values, indices } = topk(t, k, { largest });
          const rank = t.shape.length;
          const shape = [...t.shape.slice(0, -1), k];
          const wantV: number[] = [];
          const wantI: number[] = [];
          for (const g of refGroups(t, [rank - 1])) {
            const order = g.values.map((_, i) => i);
            const key = (v: number) => (Number.isNaN(v) ? Infinity : largest ? -v : v);
            order.sort((a, b) => {
              const na = Number.isNaN(g.values[a]);
              const nb = Number.isNaN(g.values[b]);
              if (na !== nb) return (na ? -1 : 1) * (largest ? 1 : -1);
              const d = key(g.values[a]) - key(g.values[b]);
              return d !== 0 && !Number.isNaN(d) ? d : a - b;
            });
            for (const i of order.slice(0, k)) {
              wantV.push(g.values[i]);
              wantI.push(i);
            }
          }
          expectClose(values, wantV, { rtol: 0, atol: 0, shape });
          expectClose(indices, wantI, { rtol: 0, atol: 0, shape });
        },
      ),
      { numRuns: 100 },
    );
  });
  it('rejects a bad k, a scalar and bool', () => {
    expect(() => topk(tensor([1, 2, 3]), 4)).toThrow('topk: k = 4 is out of range for a last axis of length 3');
    expect(() => topk(tensor(5), 1)).toThrow('topk: expects a tensor of rank >= 1');
    expect(() => topk(tensor([true]), 1)).toThrow('topk: expects a float32, float64 or int32 tensor, got bool');
  });
});

describe('types', () => {
  it('follow the dtype table', () => {
    const i32 = tensor([1], { dtype: 'int32' });
    expectTypeOf(sum(i32)).toEqualTypeOf<Tensor<'int32'>>();
    expectTypeOf(sum(tensor([true]) as Tensor<'bool'>)).toEqualTypeOf<Tensor<'int32'>>();
    expectTypeOf(mean(i32)).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(variance(tensor([1], { dtype: 'float64' }))).toEqualTypeOf<Tensor<'float64'>>();
    expectTypeOf(argmax(tensor([1]))).toEqualTypeOf<Tensor<'int32'>>();
    expectTypeOf(max(i32)).toEqualTypeOf<Tensor<'int32'>>();
    expect(mean(i32).dtype).toBe('float32');
  });
});
