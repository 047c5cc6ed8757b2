import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  abs,
  type DType,
  erf,
  exp,
  gelu,
  log,
  logicalNot,
  makeTensor,
  neg,
  relu,
  rsqrt,
  sigmoid,
  sqrt,
  type Tensor,
  tanh,
  tensor,
} from '../../src/index.js';
import { anyTensorArb, viewArb } from '../support/arbitraries.js';
import { forEachIndex, refGet } from '../support/reference.js';
import { expectExact, refCast } from './refCast.js';

type UnaryFn = (x: Tensor, options?: { out?: Tensor }) => Tensor;
type Kind = 'float' | 'numeric' | 'logical';

// erf and erfc of the test's own: the Taylor series summed in float64 for |x| < 2.5, the Laplace continued
// fraction for erfc beyond (both good to ~1e-14 there). Independent of the library's fdlibm rational functions.
function refErfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 2.5) return 1 - refErf(x);
  if (x > 27) return 0;
  let f = x;
  for (let k = 80; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

function refErf(x: number): number {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  let r: number;
  if (a < 2.5) {
    let term = a;
    let sum = a;
    for (let n = 1; n < 200 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
      term *= (-a * a) / n;
      sum += term / (2 * n + 1);
    }
    r = (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    r = 1 - refErfc(a);
  }
  return x < 0 ? -r : r;
}

interface Case {
  name: string;
  fn: UnaryFn;
  kind: Kind;
  ref: (x: number) => number;
  /**
   * Relative tolerance against the reference before the final rounding (0 = exact). erf and gelu: 1e-10, the
   * reference's own error (its series loses ~1e-11 near 2.5; the library is checked to 2e-16 in erf.test.ts).
   */
  rtol: number;
}

const CASES: Case[] = [
  { name: 'neg', fn: neg as UnaryFn, kind: 'numeric', ref: (x) => -x, rtol: 0 },
  { name: 'abs', fn: abs as UnaryFn, kind: 'numeric', ref: (x) => (x < 0 || Object.is(x, -0) ? -x : x), rtol: 0 },
  { name: 'relu', fn: relu as UnaryFn, kind: 'numeric', ref: (x) => (x > 0 || Number.isNaN(x) ? x : 0), rtol: 0 },
  { name: 'exp', fn: exp as UnaryFn, kind: 'float', ref: Math.exp, rtol: 0 },
  { name: 'log', fn: log as UnaryFn, kind: 'float', ref: Math.log, rtol: 0 },
  { name: 'sqrt', fn: sqrt as UnaryFn, kind: 'float', ref: Math.sqrt, rtol: 0 },
  { name: 'rsqrt', fn: rsqrt as UnaryFn, kind: 'float', ref: (x) => 1 / Math.sqrt(x), rtol: 0 },
  { name: 'tanh', fn: tanh as UnaryFn, kind: 'float', ref: Math.tanh, rtol: 0 },
  { name: 'sigmoid', fn: sigmoid as UnaryFn, kind: 'float', ref: (x) => 1 / (1 + Math.exp(-x)), rtol: 0 },
  { name: 'erf', fn: erf as UnaryFn, kind: 'float', ref: refErf, rtol: 1e-10 },
  {
    name: 'gelu',
    fn: gelu as UnaryFn,
    kind: 'float',
    ref: (x) => (x === Number.NEGATIVE_INFINITY ? 0 : 0.5 * x * refErfc(-x / Math.SQRT2)),
    rtol: 1e-10,
  },
  {
    name: 'gelu tanh',
    fn: ((x: Tensor, o?: { out?: Tensor }) =>
      gelu(x, { out: o?.out as Tensor<'float32'>, approximate: 'tanh' })) as UnaryFn,
    kind: 'float',
    // The tanh form as written cancels for negative x (1 + tanh(u) with tanh(u) near -1), so the reference takes
    // the equal 2 * sigmoid(2u) form, summed in a different order from the library's.
    ref: (x) => {
      if (x === Number.NEGATIVE_INFINITY) return 0;
      const u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3);
      return (0.5 * x * 2) / (1 + 1 / Math.exp(2 * u));
    },
    rtol: 1e-13,
  },
  { name: 'logicalNot', fn: logicalNot as UnaryFn, kind: 'logical', ref: (x) => Number(x === 0), rtol: 0 },
];

function dtypes(c: Case): DType[] {
  return c.kind === 'logical' ? ['bool'] : ['float32', 'float64', 'int32'];
}

function resultDType(c: Case, d: DType): DType {
  return c.kind === 'float' && d === 'int32' ? 'float32' : d;
}

/** Checks `got` against the reference: exactly when rtol = 0, else within rtol (+1e-300) before rounding. */
function check(c: Case, x: Tensor, got: Tensor): void {
  const want: number[] = [];
  forEachIndex(x.shape, (i) => {
    want.push(c.ref(refGet(x, i)));
  });
  if (c.rtol === 0) {
    expectExact(
      got,
      want.map((v) => refCast(v, got.dtype)),
      c.name,
    );
    return;
  }
  let k = 0;
  forEachIndex(x.shape, (i) => {
    const g = refGet(got, i);
    const w = want[k++];
    if (Number.isNaN(w) || !Number.isFinite(w))
      expect(Object.is(g, refCast(w, got.dtype)), `${c.name} at ${i}`).toBe(true);
    else {
      const tol = c.rtol * Math.abs(w) + (got.dtype === 'float32' ? 2 ** -24 * Math.abs(w) + 1e-45 : 1e-300);
      expect(Math.abs(g - w), `${c.name}([${i}]) = ${g}, reference ${w}`).toBeLessThanOrEqual(tol);
    }
  });
}

describe.each(CASES)('$name', (c) => {
  it.each(dtypes(c))('matches the float64 reference on random views (%s)', (dtype) => {
    fc.assert(
      fc.property(anyTensorArb({ dtype, specials: true, min: -12, max: 12 }), (x) => {
        const got = c.fn(x);
        expect(got.dtype).toBe(resultDType(c, dtype));
        expect(got.shape).toEqual(x.shape);
        check(c, x, got);
      }),
      { numRuns: 60 },
    );
  });

  it('writes into `out` (a strided view, or the input itself) and returns it', () => {
    const dtype: DType = c.kind === 'logical' ? 'bool' : 'float64';
    fc.assert(
      fc.property(
        anyTensorArb({ dtype, maxRank: 3, min: -3, max: 3 }).chain((x) =>
          fc.tuple(fc.constant(x), viewArb({ dtype, shape: x.shape, broadcast: false })),
        ),
        ([x, out]) => {
          expect(c.fn(x, { out })).toBe(out);
          check(c, x, out);
        },
      ),
      { numRuns: 30 },
    );
    const x = c.kind === 'logical' ? tensor([true, false]) : tensor([0.5, 2], { dtype: 'float64' });
    const before = makeTensor(x.dtype, x.data.slice(), x.shape);
    expect(c.fn(x, { out: x })).toBe(x);
    check(c, before, x);
  });

  it('rejects bad input with the function named', () => {
    const fn = c.name.split(' ')[0];
    expect(() => c.fn([1, 2] as never)).toThrow(`${fn}: x must be a tensor, got an array`);
    if (c.kind === 'logical') {
      expect(() => c.fn(tensor([1]))).toThrow(`${fn}: expects a bool tensor, got float32`);
    } else {
      expect(() => c.fn(tensor([true]))).toThrow(`${fn}: expects a float32, float64 or int32 tensor, got bool`);
    }
    const x: Tensor = c.kind === 'logical' ? tensor([true, false]) : tensor([1, 2]);
    const three: Tensor = makeTensor(
      x.dtype,
      (x.dtype === 'bool' ? new Uint8Array(3) : new Float32Array(3)) as never,
      [3],
    );
    expect(() => c.fn(x, { out: three })).toThrow(`${fn}: out has shape [3] but the result has shape [2]`);
    const other: Tensor = c.kind === 'logical' ? tensor([1, 2]) : tensor([true, false]);
    expect(() => c.fn(x, { out: other })).toThrow(`${fn}: out has dtype ${other.dtype} but the result is ${x.dtype}`);
  });
});

describe('int32 unary ops never wrap around', () => {
  it('throws for neg and abs of -2147483648', () => {
    const t = tensor([-2147483648], { dtype: 'int32' });
    expect(() => neg(t)).toThrow('neg: int32 overflow: neg(-2147483648) = 2147483648');
    expect(() => abs(t)).toThrow('abs: int32 overflow: abs(-2147483648) = 2147483648');
  });
});

describe('sigmoid saturates without NaN', () => {
  it('gives 0 and 1 at the extremes', () => {
    expect(Array.from(sigmoid(tensor([-1e4, 1e4, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY])).data)).toEqual([
      0, 1, 0, 1,
    ]);
  });
});

describe('types', () => {
  it('follow the dtype rules', () => {
    expectTypeOf(exp(tensor([1], { dtype: 'int32' }))).toEqualTypeOf<Tensor<'float32'>>();
    expectTypeOf(exp(tensor([1], { dtype: 'float64' }))).toEqualTypeOf<Tensor<'float64'>>();
    expectTypeOf(neg(tensor([1], { dtype: 'int32' }))).toEqualTypeOf<Tensor<'int32'>>();
    expectTypeOf(logicalNot(tensor([true], { dtype: 'bool' }))).toEqualTypeOf<Tensor<'bool'>>();
    expect(exp(tensor([1], { dtype: 'int32' })).dtype).toBe('float32');
  });
});
