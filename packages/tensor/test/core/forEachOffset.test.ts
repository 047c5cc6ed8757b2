import { describe, expect, it } from 'vitest';
import { forEachOffset } from '../../src/index.js';

function collect(shape: number[], strides: number[], offset: number): [number, number][] {
  const out: [number, number][] = [];
  forEachOffset(shape, strides, offset, (o, i) => out.push([o, i]));
  return out;
}

describe('forEachOffset', () => {
  it('visits a scalar once and an empty shape never', () => {
    expect(collect([], [], 7)).toEqual([[7, 0]]);
    expect(collect([3, 0, 2], [0, 2, 1], 0)).toEqual([]);
  });

  it('walks a transposed, offset, negatively strided view in row-major order', () => {
    expect(collect([3, 2], [1, 3], 0).map(([o]) => o)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(collect([2, 2], [-3, -1], 5).map(([o]) => o)).toEqual([5, 4, 2, 1]);
    expect(collect([2, 1, 3], [0, 9, 1], 4).map(([o]) => o)).toEqual([4, 5, 6, 4, 5, 6]);
    expect(collect([2, 2, 2], [4, 2, 1], 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((v) => [v, v]));
  });

  it('agrees with the explicit sum of index times stride for every element', () => {
    const shape = [2, 3, 1, 4];
    const strides = [-7, 5, 100, -2];
    const offset = 30;
    const got = collect(shape, strides, offset).map(([o]) => o);
    const want: number[] = [];
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 3; b++)
        for (let c = 0; c < 1; c++) for (let d = 0; d < 4; d++) want.push(offset + a * -7 + b * 5 + c * 100 + d * -2);
    expect(got).toEqual(want);
  });
});
