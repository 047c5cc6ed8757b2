import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTensor, rowMajorStrides, sizeOf } from '../../src/core/index.js';
import {
  baseExtent,
  baseStrides,
  buildView,
  maskArb,
  pairBroadcastShapesArb,
  shapeArb,
  tensorArb,
  viewArb,
  viewSpecArb,
} from './arbitraries.js';
import {
  expectClose,
  forEachIndex,
  refBroadcastElements,
  refBroadcastIndex,
  refBroadcastShape,
  refElements,
  refNested,
  refUnravel,
} from './reference.js';

describe('forEachIndex', () => {
  it('visits row-major, scalars once, empty shapes never', () => {
    const seen: string[] = [];
    forEachIndex([2, 3], (i, flat) => seen.push(`${i.join(',')}@${flat}`));
    expect(seen).toEqual(['0,0@0', '0,1@1', '0,2@2', '1,0@3', '1,1@4', '1,2@5']);
    let n = 0;
    forEachIndex([], () => n++);
    expect(n).toBe(1);
    forEachIndex([3, 0, 2], () => n++);
    expect(n).toBe(1);
  });

  it('visits sizeOf(shape) indices, each the unravel of its flat position', () => {
    fc.assert(
      fc.property(shapeArb(), (shape) => {
        let count = 0;
        forEachIndex(shape, (index, flat) => {
          expect(index).toEqual(refUnravel(flat, shape));
          count++;
        });
        expect(count).toBe(sizeOf(shape));
      }),
    );
  });
});

describe('shapeArb and tensorArb', () => {
  it('keeps shapes within bounds', () => {
    fc.assert(
      fc.property(shapeArb({ minRank: 1, maxRank: 3, minSize: 2, maxSize: 5 }), (shape) => {
        expect(shape.length).toBeGreaterThanOrEqual(1);
        expect(shape.length).toBeLessThanOrEqual(3);
        for (const d of shape) expect(d >= 2 && d <= 5).toBe(true);
      }),
    );
  });

  it('reaches every rank 0..4 and size 0 by default', () => {
    const samples = fc.sample(shapeArb(), { numRuns: 500, seed: 1 });
    for (let r = 0; r <= 4; r++) expect(samples.some((s) => s.length === r)).toBe(true);
    expect(samples.some((s) => s.includes(0))).toBe(true);
    expect(samples.every((s) => s.every((d) => d >= 0 && d <= 9))).toBe(true);
  });

  it('gives contiguous tensors of the right dtype with values in range', () => {
    fc.assert(
      fc.property(tensorArb({ dtype: 'int32', min: -3, max: 4 }), (t) => {
        expect(t.data).toBeInstanceOf(Int32Array);
        expect(t.strides).toEqual(rowMajorStrides(t.shape));
        expect(t.data.length).toBe(sizeOf(t.shape));
        for (const v of refElements(t)) expect(Number.isInteger(v) && v >= -3 && v <= 4).toBe(true);
      }),
    );
    fc.assert(
      fc.property(tensorArb({ dtype: 'float64', shape: [2, 3], min: 0, max: 1 }), (t) => {
        expect(t.shape).toEqual([2, 3]);
        for (const v of refElements(t)) expect(v >= 0 && v <= 1).toBe(true);
      }),
    );
  });

  it('gives masks of 0/1 in a Uint8Array', () => {
    fc.assert(
      fc.property(maskArb({ view: true }), maskArb({ shape: [4] }), (m, n) => {
        expect(m.dtype).toBe('bool');
        expect(m.data).toBeInstanceOf(Uint8Array);
        expect(n.shape).toEqual([4]);
        for (const v of [...refElements(m), ...refElements(n)]) expect(v === 0 || v === 1).toBe(true);
      }),
    );
  });
});

describe('viewArb', () => {
  /** The element at `index`, found from the spec by walking the base box, not through strides and offset. */
  function walk(spec: Parameters<typeof buildView>[0], index: number[]): number {
    const bs = baseStrides(spec);
    let pos = spec.lead;
    for (let i = 0; i < index.length; i++) {
      const a = spec.axes[i];
      if (a.broadcast) continue;
      const coord = a.flip ? baseExtent(spec, i) - 1 - a.start - index[i] * a.step : a.start + index[i] * a.step;
      expect(coord >= 0 && coord < baseExtent(spec, i)).toBe(true);
      pos += coord * bs[i];
    }
    return spec.base[pos];
  }

  it('reads the same elements through the view as an independent walk of the base', () => {
    fc.assert(
      fc.property(viewSpecArb({ dtype: 'float64' }), (spec) => {
        const t = buildView(spec);
        expect(t.shape).toEqual(spec.shape);
        const expected: number[] = [];
        forEachIndex(spec.shape, (index) => expected.push(walk(spec, index)));
        expect(refElements(t)).toEqual(expected);
      }),
    );
  });

  it('stays inside its buffer, never aliases two elements unless broadcast, and honours a fixed shape', () => {
    fc.assert(
      fc.property(viewSpecArb({ dtype: 'int32', shape: [3, 0, 2] }), viewSpecArb({ dtype: 'int32' }), (fixed, spec) => {
        expect(buildView(fixed).shape).toEqual([3, 0, 2]);
        const t = buildView(spec);
        const seen = new Set<number>();
        const pureShape = t.shape.filter((_, i) => t.strides[i] !== 0);
        let distinct = 1;
        for (const d of pureShape) distinct *= d;
        forEachIndex(t.shape, (index) => {
          let pos = t.offset;
          for (let i = 0; i < index.length; i++) pos += index[i] * t.strides[i];
          expect(pos >= 0 && pos < t.data.length).toBe(true);
          seen.add(pos);
        });
        expect(seen.size).toBe(sizeOf(t.shape) === 0 ? 0 : distinct);
      }),
    );
  });

  it('produces every kind of view: permuted, flipped, stepped, offset, broadcast', () => {
    const views = fc.sample(viewArb({ minRank: 2, minSize: 2 }), { numRuns: 300, seed: 7 });
    expect(views.some((t) => t.strides.some((s) => s < 0))).toBe(true);
    expect(views.some((t) => t.strides.some((s) => s === 0))).toBe(true);
    expect(views.some((t) => t.offset > 0)).toBe(true);
    expect(
      views.some((t) => t.strides[0] !== 0 && t.strides[1] !== 0 && Math.abs(t.strides[0]) < Math.abs(t.strides[1])),
    ).toBe(true);
    expect(views.some((t) => Math.abs(t.strides[t.strides.length - 1]) > 1)).toBe(true);
    expect(
      fc.sample(viewArb({ broadcast: false, minRank: 1 }), 200).every((t) => t.strides.every((s) => s !== 0)),
    ).toBe(true);
  });
});

describe('reference helpers', () => {
  it('reads a hand-made transposed, flipped view', () => {
    // base [[0,1,2],[3,4,5]]; the view is its transpose with the columns flipped: [[2,5],[1,4],[0,3]]
    const t = makeTensor('float32', new Float32Array([0, 1, 2, 3, 4, 5]), [3, 2], [-1, 3], 2);
    expect(refElements(t)).toEqual([2, 5, 1, 4, 0, 3]);
    expect(refNested(t)).toEqual([
      [2, 5],
      [1, 4],
      [0, 3],
    ]);
    expect(refNested(makeTensor('bool', new Uint8Array([1]), []))).toBe(true);
  });

  it('broadcasts by numpy rules', () => {
    expect(refBroadcastShape([2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(refBroadcastShape([2, 3], [4])).toBeUndefined();
    expect(refBroadcastIndex([1, 2, 0], [3, 1])).toEqual([2, 0]);
    expect(refBroadcastIndex([1, 2, 0], [1, 3])).toEqual([0, 0]);
    const row = makeTensor('float64', new Float64Array([1, 2, 3]), [3]);
    expect(refBroadcastElements(row, [2, 3])).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('pairs of shapes from pairBroadcastShapesArb always broadcast', () => {
    fc.assert(
      fc.property(pairBroadcastShapesArb(), ([a, b]) => {
        expect(refBroadcastShape(a, b)).toBeDefined();
      }),
    );
    const pairs = fc.sample(pairBroadcastShapesArb({ minRank: 1 }), { numRuns: 200, seed: 3 });
    expect(pairs.some(([a, b]) => a.length !== b.length)).toBe(true);
  });

  it('expectClose passes within tolerance, matches NaN and infinities, and explains failures', () => {
    expectClose([1, Number.NaN, Number.POSITIVE_INFINITY], [1 + 1e-7, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(() => expectClose([1, 2], [1, 2, 3])).toThrow(/2 elements but expected 3/);
    expect(() => expectClose([Number.NaN], [0])).toThrow(/1 of 1 elements differ/);
    expect(() => expectClose([Number.NEGATIVE_INFINITY], [Number.POSITIVE_INFINITY])).toThrow(/differ/);
    const t = makeTensor('float32', new Float32Array([0, 1, 2, 3.5]), [2, 2]);
    expect(() => expectClose(t, [0, 1, 2, 3], { rtol: 0, atol: 0.1 })).toThrow(
      /max error 0.5 at \[3\] \(index \[1,1\]\): got 3.5, expected 3/,
    );
    expect(() => expectClose(t, [0, 1, 2, 3.5], { shape: [4] })).toThrow(/shape \[2,2\] but expected \[4\]/);
    expectClose(t, [0, 1, 2, 3.5], { shape: [2, 2], rtol: 0, atol: 0 });
  });
});
