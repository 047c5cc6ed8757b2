import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eye } from '../../src/index.js';

describe('eye', () => {
  it('puts ones exactly where j - i = k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: -10, max: 10 }),
        (n, cols, k) => {
          const t = eye(n, { cols, k, dtype: 'int32' });
          expect(t.shape).toEqual([n, cols]);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < cols; j++) expect(t.data[i * cols + j]).toBe(j - i === k ? 1 : 0);
        },
      ),
    );
    expect(Array.from(eye(2).data)).toEqual([1, 0, 0, 1]);
    expect(eye(2, { dtype: 'bool' }).dtype).toBe('bool');
  });

  it('rejects negative or fractional sizes and offsets', () => {
    expect(() => eye(-1)).toThrow('eye: n and cols must be non-negative integers, got n -1 and cols -1');
    expect(() => eye(2, { cols: 1.5 })).toThrow('eye: n and cols must be non-negative integers, got n 2 and cols 1.5');
    expect(() => eye(2, { k: 0.5 })).toThrow('eye: k must be an integer, not 0.5');
  });
});
