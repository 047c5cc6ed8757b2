import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ArithmeticDType,
  add,
  type DType,
  div,
  equal,
  greater,
  greaterEqual,
  less,
  lessEqual,
  logicalAnd,
  logicalOr,
  logicalXor,
  makeTensor,
  maximum,
  minimum,
  mul,
  notEqual,
  type Operand,
  pow,
  sub,
  type Tensor,
  tensor,
} from '../../src/index.js';
import { anyTensorArb, pairBroadcastShapesArb, viewArb } from '../support/arbitraries.js';
import { forEachIndex, refBroadcastIndex, refBroadcastShape, refGet } from '../support/reference.js';
import { expectExact, refCast } from './refCast.js';

type BinaryFn = (a: Operand, b: Operand, options?: { out?: Tensor }) => Tensor;
type Kind = 'arithmetic' | 'divide' | 'compare' | 'logical';

interface Case {
  name: string;
  fn: BinaryFn;
  kind: Kind;
  ref: (x: number, y: number) => number;
}

/** max with NaN propagating and +0 above -0 (IEEE 754 maximum). */
function refMax(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x === y) return Object.is(x, -0) ? y : x;
  // biome-ignore lint/complexity/useMathMinMax: the reference spells out what Math.max is trusted to do
  return x > y ? x : y;
}

// The reference semantics, written as plain float64 math on the element values.
const CASES: Case[] = [
  { name: 'add', fn: add as BinaryFn, kind: 'arithmetic', ref: (x, y) => x + y },
  { name: 'sub', fn: sub as BinaryFn, kind: 'arithmetic', ref: (x, y) => x - y },
  { name: 'mul', fn: mul as BinaryFn, kind: 'arithmetic', ref: (x, y) => x * y },
  { name: 'div', fn: div as BinaryFn, kind: 'divide', ref: (x, y) => x / y },
  { name: 'pow', fn: pow as BinaryFn, kind: 'arithmetic', ref: (x, y) => x ** y },
  { name: 'maximum', fn: maximum as BinaryFn, kind: 'arithmetic', ref: (x, y) => refMax(x, y) },
  { name: 'minimum', fn: minimum as BinaryFn, kind: 'arithmetic', ref: (x, y) => -refMax(-x, -y) },
  { name: 'equal', fn: equal as BinaryFn, kind: 'compare', ref: (x, y) => Number(x === y) },
  { name: 'notEqual', fn: notEqual as BinaryFn, kind: 'compare', ref: (x, y) => Number(x !== y) },
  { name: 'less', fn: less as BinaryFn, kind: 'compare', ref: (x, y) => Number(x < y) },
  { name: 'lessEqual', fn: lessEqual as BinaryFn, kind: 'compare', ref: (x, y) => Number(x <= y) },
  { name: 'greater', fn: greater as BinaryFn, kind: 'compare', ref: (x, y) => Number(x > y) },
  { name: 'greaterEqual', fn: greaterEqual as BinaryFn, kind: 'compare', ref: (x, y) => Number(x >= y) },
  { name: 'logicalAnd', fn: logicalAnd as BinaryFn, kind: 'logical', ref: (x, y) => Number(x !== 0 && y !== 0) },
  { name: 'logicalOr', fn: logicalOr as BinaryFn, kind: 'logical', ref: (x, y) => Number(x !== 0 || y !== 0) },
  { name: 'logicalXor', fn: logicalXor as BinaryFn, kind: 'logical', ref: (x, y) => Number((x !== 0) !== (y !== 0)) },
];

/** The dtype pairs each kind is tested on (mixed pairs are the lossless widenings the table allows). */
function dtypePairs(c: Case): [DType, DType][] {
  if (c.kind === 'logical') return [['bool', 'bool']];
  const pairs: [DType, DType][] = [
    ['float32', 'float32'],
    ['float64', 'float64'],
    ['int32', 'int32'],
    ['float32', 'float64'],
    ['int32', 'float64'],
  ];
  if (c.kind === 'compare') pairs.push(['bool', 'bool']);
  return pairs;
}

function resultDType(c: Case, a: DType, b: DType): DType {
  if (c.kind === 'compare' || c.kind === 'logical') return 'bool';
  const d = a === b ? a : 'float64';
  return c.kind === 'divide' && d === 'int32' ? 'float32' : d;
}

/** Values that keep int32 results in range (and int32 exponents non-negative) so no overflow error is thrown. */
function valueOpts(c: Case, dtype: DType, side: 0 | 1) {
  if (c.name === 'pow') return side === 0 ? { dtype, min: -4, max: 4 } : { dtype, min: 0, max: 3, integers: true };
  return { dtype, specials: c.name !== 'pow' && dtype !== 'int32', min: -10, max: 10 };
}

/** The naive reference: index by index over the broadcast shape, float64 math, one rounding to the result dtype. */
function reference(c: Case, a: Tensor, b: Tensor, dtype: DType): { shape: number[]; values: number[] } {
  const shape = refBroadcastShape(a.shape, b.shape)!;
  const values: number[] = [];
  forEachIndex(shape, (i) => {
    values.push(
      refCast(c.ref(refGet(a, refBroadcastIndex(i, a.shape)), refGet(b, refBroadcastIndex(i, b.shape))), dtype),
    );
  });
  return { shape, values };
}

describe.each(CASES)('$name', (c) => {
  it.each(dtypePairs(c))('matches the float64 reference on random broadcast views (%s, %s), exactly', (da, db) => {
    fc.assert(
      fc.property(
        pairBroadcastShapesArb().chain(([sa, sb]) =>
          fc.tuple(
            anyTensorArb({ ...valueOpts(c, da, 0), shape: sa }),
            anyTensorArb({ ...valueOpts(c, db, 1), shape: sb }),
          ),
        ),
        fc.boolean(),
        ([a, b], swap) => {
          const [x, y] = swap && c.name !== 'pow' ? [b, a] : [a, b];
          const dtype = resultDType(c, x.dtype, y.dtype);
          const got = c.fn(x, y);
          const want = reference(c, x, y, dtype);
          expect(got.dtype).toBe(dtype);
          expect(got.shape).toEqual(want.shape);
          expectExact(got, want.values, c.name);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('accepts a plain number (or boolean) on either side, in the tensor dtype', () => {
    const dtype: DType = c.kind === 'logical' ? 'bool' : 'float32';
    const s: number | boolean = c.kind === 'logical' ? true : c.name === 'pow' ? 2 : 0.1;
    const t =
      c.kind === 'logical'
        ? tensor([true, false])
        : tensor([
            [1.5, -2],
            [3, 0.1],
          ]);
    const sv = typeof s === 'boolean' ? Number(s) : refCast(s, dtype);
    const sT = makeTensor(dtype, dtype === 'bool' ? Uint8Array.of(sv) : Float32Array.of(sv), []);
    const result = resultDType(c, t.dtype, t.dtype);
    expectExact(c.fn(t, s), reference(c, t, sT, result).values, `${c.name}(t, s)`);
    expectExact(c.fn(s, t), reference(c, sT, t, result).values, `${c.name}(s, t)`);
  });

  it('writes into `out`, a strided view, and returns it', () => {
    fc.assert(
      fc.property(
        pairBroadcastShapesArb({ maxRank: 3, maxSize: 5 }).chain(([sa, sb]) => {
          const dt: DType = c.kind === 'logical' ? 'bool' : 'float64';
          return fc.tuple(
            anyTensorArb({ dtype: dt, shape: sa, min: 0, max: 3 }),
            anyTensorArb({ dtype: dt, shape: sb, min: 0, max: 3 }),
            viewArb({ dtype: resultDType(c, dt, dt), shape: refBroadcastShape(sa, sb)!, broadcast: false }),
          );
        }),
        ([a, b, out]) => {
          const got = c.fn(a, b, { out });
          expect(got).toBe(out);
          expectExact(out, reference(c, a, b, out.dtype).values, c.name);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('rejects shapes that do not broadcast, naming both', () => {
    const d: DType = c.kind === 'logical' ? 'bool' : 'float32';
    const a = makeTensor(d, d === 'bool' ? new Uint8Array(6) : new Float32Array(6), [2, 3]);
    const b = makeTensor(d, d === 'bool' ? new Uint8Array(4) : new Float32Array(4), [4]);
    expect(() => c.fn(a, b)).toThrow(`${c.name}: shapes [2,3] and [4] do not broadcast`);
  });

  it('rejects non-tensors, two plain values, and mismatched out', () => {
    expect(() => c.fn('x' as never, 1)).toThrow(`${c.name}: a must be a tensor or a number, got the string "x"`);
    expect(() => c.fn(1, [1, 2] as never)).toThrow(`${c.name}: b must be a tensor or a number, got an array`);
    expect(() => c.fn(1, 2)).toThrow(`${c.name}: expects at least one tensor, got two plain values`);
    const t = c.kind === 'logical' ? tensor([true, false]) : tensor([1, 2]);
    const r = c.kind === 'arithmetic' || c.kind === 'divide' ? 'float32' : 'bool';
    expect(() => c.fn(t, t, { out: tensor([1, 2], { dtype: 'float64' }) })).toThrow(
      `${c.name}: out has dtype float64 but the result is ${r}`,
    );
    const wrong = makeTensor(r, r === 'bool' ? new Uint8Array(3) : new Float32Array(3), [3]);
    expect(() => c.fn(t, t, { out: wrong })).toThrow(`${c.name}: out has shape [3] but the result has shape [2]`);
    const bcast = makeTensor(r, r === 'bool' ? new Uint8Array(1) : new Float32Array(1), [2], [0]);
    expect(() => c.fn(t, t, { out: bcast })).toThrow(
      `${c.name}: out is a broadcast view (stride 0 on axis 0 of length 2)`,
    );
  });

  it('rejects dtypes the table does not mix', () => {
    if (c.kind === 'logical') {
      expect(() => c.fn(tensor([1, 2]), tensor([1, 0]))).toThrow(`${c.name}: expects bool tensors, got float32`);
      expect(() => c.fn(tensor([true]), 2)).toThrow(`${c.name}: b = 2 is not a bool`);
      return;
    }
    expect(() => c.fn(tensor([1, 2]), tensor([1, 2], { dtype: 'int32' }))).toThrow(
      `${c.name}: dtypes float32 and int32 do not mix`,
    );
    expect(() => c.fn(tensor([1, 2], { dtype: 'int32' }), 1.5)).toThrow(`${c.name}: b = 1.5 is not an int32`);
    expect(() => c.fn(tensor([1, 2]), true)).toThrow(
      `${c.name}: b = true is a boolean but the other operand is a float32 tensor`,
    );
    if (c.kind !== 'compare') {
      expect(() => c.fn(tensor([true]), tensor([false]))).toThrow(`${c.name}: bool tensors do not do arithmetic`);
    }
  });
});

describe('int32 arithmetic never wraps around', () => {
  const big = tensor([2147483647, -2147483648], { dtype: 'int32' });
  it('throws on overflow, naming the op and the values', () => {
    expect(() => add(big, 1)).toThrow('add: int32 overflow: 2147483647 + 1 = 2147483648');
    expect(() => sub(big, 1)).toThrow('sub: int32 overflow: -2147483648 - 1 = -2147483649');
    expect(() => mul(big, 2)).toThrow('mul: int32 overflow: 2147483647 * 2 = 4294967294');
    expect(() => pow(tensor([2], { dtype: 'int32' }), 31)).toThrow('pow: int32 overflow: 2 ** 31 = 2147483648');
    expect(() => pow(tensor([2], { dtype: 'int32' }), -1)).toThrow(
      'pow: int32 2 to the negative power -1 is not an integer',
    );
  });
  it('keeps exact results at the edges', () => {
    expect(Array.from(add(big, tensor([0, 1], { dtype: 'int32' })).data)).toEqual([2147483647, -2147483647]);
    expect(Array.from(mul(tensor([46340], { dtype: 'int32' }), 46340).data)).toEqual([2147395600]);
  });
});

describe('examples from the docs', () => {
  it('broadcasts a row over a matrix and divides int32 into float32', () => {
    expect(
      Array.from(
        add(
          tensor([
            [1, 2, 3],
            [4, 5, 6],
          ]),
          tensor([10, 20, 30]),
        ).data,
      ),
    ).toEqual([11, 22, 33, 14, 25, 36]);
    const q = div(tensor([7, 8], { dtype: 'int32' }), 2);
    expect(q.dtype).toBe('float32');
    expect(Array.from(q.data)).toEqual([3.5, 4]);
  });
  it('works in place with out = a', () => {
    const a = tensor([1, 2, 3]);
    expect(mul(a, 2, { out: a })).toBe(a);
    expect(Array.from(a.data)).toEqual([2, 4, 6]);
  });
});

describe('types', () => {
  it('carry the result dtype', () => {
    const f32 = tensor([1]);
    const f64 = tensor([1], { dtype: 'float64' });
    const i32 = tensor([1], { dtype: 'int32' });
    expectTypeOf(add(f32, f32)).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(add(f32, 1)).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(add(2, i32)).toEqualTypeOf<Tensor<'int32'>>();
    expectTypeOf(mul(f32, f64)).toEqualTypeOf<Tensor<'float64'>>();
    expectTypeOf(sub(i32, f64)).toEqualTypeOf<Tensor<'float64'>>();
    expectTypeOf<ArithmeticDType<typeof i32, typeof f32>>().toBeNever();
    expectTypeOf(div(i32, i32)).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(div(f64, 2)).toEqualTypeOf<Tensor<'float64'>>();
    expectTypeOf(less(f32, 0)).toEqualTypeOf<Tensor<'bool'>>();
    expectTypeOf(logicalAnd(less(f32, 0), true)).toEqualTypeOf<Tensor<'bool'>>();
    expect(less(f32, 0).dtype).toBe('bool');
  });
});
