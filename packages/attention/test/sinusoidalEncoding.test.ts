import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sinusoidalEncoding } from '../src/index.js';
import { at } from './support/reference.js';

describe('sinusoidalEncoding', () => {
  it('is the paper formula for any width, odd widths included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 33 }), (positions, width) => {
        const pe = sinusoidalEncoding(positions, width, { dtype: 'float64' });
        expect(pe.shape).toEqual([positions, width]);
        for (let pos = 0; pos < positions; pos++) {
          for (let c = 0; c < width; c++) {
            const i = Math.floor(c / 2);
            const angle = pos / 10000 ** ((2 * i) / width);
            const expected = c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
            expect(Math.abs(at(pe, [pos, c]) - expected)).toBeLessThanOrEqual(1e-13);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('starts at [0, 1, 0, 1, ...], has known values, and is float32 by default', () => {
    const pe = sinusoidalEncoding(3, 5);
    expect(pe.dtype).toBe('float32');
    expect(Array.from(pe.data.subarray(0, 5))).toEqual([0, 1, 0, 1, 0]);
    // pos 1, column 0: sin(1); column 1: cos(1); column 4 (odd width): sin(1 / 10000^(4/5)).
    expect(at(pe, [1, 0])).toBeCloseTo(Math.sin(1), 6);
    expect(at(pe, [1, 1])).toBeCloseTo(Math.cos(1), 6);
    expect(at(pe, [1, 4])).toBeCloseTo(Math.sin(1 / 10000 ** 0.8), 6);
  });

  it('is not the first columns of a wider encoding (the seed mistake)', () => {
    const narrow = sinusoidalEncoding(8, 64);
    const wide = sinusoidalEncoding(8, 512);
    expect(at(narrow, [5, 10])).not.toBeCloseTo(at(wide, [5, 10]), 3);
  });

  it('rejects bad sizes and dtypes', () => {
    expect(() => sinusoidalEncoding(-1, 4)).toThrow('sinusoidalEncoding: positions must be a non-negative integer');
    expect(() => sinusoidalEncoding(4, 2.5)).toThrow('sinusoidalEncoding: width must be a non-negative integer');
    expect(() => sinusoidalEncoding(4, 4, { dtype: 'int32' as never })).toThrow('dtype must be float32 or float64');
  });
});
