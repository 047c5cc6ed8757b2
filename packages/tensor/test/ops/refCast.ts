/**
 * Test helpers of the ops suites: the float64 reference value of an op, stored the way a tensor of `dtype`
 * stores it (float32 rounds once with Math.fround, int32 and bool are exact), and an exact comparison.
 */
import { expect } from 'vitest';
import type { DType, Tensor } from '../../src/core/index.js';
import { forEachIndex, refGet, refUnravel } from '../support/reference.js';

/** `v` as stored in an array of `dtype`. */
export function refCast(v: number, dtype: DType): number {
  if (dtype === 'float32') return Math.fround(v);
  if (dtype === 'int32') return v | 0;
  if (dtype === 'bool') return v ? 1 : 0;
  return v;
}

/** Asserts `t` holds exactly `expected` (row-major), NaN matching NaN and -0 distinct from 0. */
export function expectExact(t: Tensor, expected: readonly number[], label = ''): void {
  const got: number[] = [];
  forEachIndex(t.shape, (i) => {
    got.push(refGet(t, i));
  });
  expect(got.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < got.length; i++) {
    if (!Object.is(got[i], expected[i])) {
      throw new Error(
        `${label}: element ${i} (index [${refUnravel(i, t.shape)}]) is ${got[i]}, expected ${expected[i]}`,
      );
    }
  }
}
