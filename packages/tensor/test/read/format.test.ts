import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arange, format, reshape, tensor, transpose } from '../../src/index.js';
import { anyTensorArb } from '../support/arbitraries.js';

describe('format', () => {
  it('prints like PyTorch, aligned, always naming the dtype', () => {
    expect(
      format(
        tensor([
          [1, -2.5],
          [3, 4],
        ]),
      ),
    ).toBe('tensor([[ 1.0000, -2.5000],\n        [ 3.0000,  4.0000]], dtype=float32)');
    expect(format(tensor([true, false]))).toBe('tensor([ true, false], dtype=bool)');
    expect(format(tensor(3.25))).toBe('tensor(3.2500, dtype=float32)');
    expect(format(tensor([1, 2], { dtype: 'float64' }), { precision: 1 })).toBe('tensor([1.0, 2.0], dtype=float64)');
    expect(format(reshape(arange(0), [0, 3]))).toBe('tensor([], shape=[0,3], dtype=float32)');
    expect(format(transpose(reshape(arange(4, { dtype: 'int32' }), [2, 2])))).toBe(
      'tensor([[0, 2],\n        [1, 3]], dtype=int32)',
    );
  });

  it('separates blocks of rank 3 by a blank line', () => {
    expect(format(reshape(arange(8, { dtype: 'int32' }), [2, 2, 2]))).toBe(
      'tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]], dtype=int32)',
    );
  });

  it('switches to scientific notation for wide ranges and prints nan and inf', () => {
    expect(format(tensor([1e-5, 1, Number.NaN, -Infinity]))).toBe(
      'tensor([1.0000e-05, 1.0000e+00,        nan,       -inf], dtype=float32)',
    );
    expect(format(tensor([1e9], { dtype: 'float64' }), { precision: 2 })).toBe('tensor([1.00e+09], dtype=float64)');
  });

  it('summarises big tensors with ... at each long axis', () => {
    expect(format(reshape(arange(2000, { dtype: 'int32' }), [2, 1000]))).toBe(
      'tensor([[   0,    1,    2, ...,  997,  998,  999],\n        [1000, 1001, 1002, ..., 1997, 1998, 1999]], dtype=int32)',
    );
    expect(format(arange(10, { dtype: 'int32' }), { threshold: 5, edgeItems: 1 })).toBe(
      'tensor([0, ..., 9], dtype=int32)',
    );
    const rows = format(reshape(arange(100, { dtype: 'int32' }), [10, 10]), { threshold: 10, edgeItems: 2 }).split(
      '\n',
    );
    expect(rows).toEqual([
      'tensor([[ 0,  1, ...,  8,  9],',
      '        [10, 11, ..., 18, 19],',
      '        ...,',
      '        [80, 81, ..., 88, 89],',
      '        [90, 91, ..., 98, 99]], dtype=int32)',
    ]);
  });

  it('wraps long rows at lineWidth', () => {
    const lines = format(arange(40)).split('\n');
    expect(lines.length).toBe(5);
    expect(lines.every((l) => l.length <= 80 || l.endsWith('dtype=float32)'))).toBe(true);
    expect(lines[1].startsWith('         8.0000,')).toBe(true);
  });

  it('shows every element of small tensors of any view (each printed value appears)', () => {
    fc.assert(
      fc.property(anyTensorArb({ dtype: 'int32', maxSize: 4 }), (t) => {
        const s = format(t);
        expect(s.startsWith('tensor(')).toBe(true);
        expect(s.endsWith(', dtype=int32)')).toBe(true);
        const n = t.shape.reduce((a, b) => a * b, 1);
        if (n > 0) {
          const numbers = s.slice(7, s.lastIndexOf(', dtype')).match(/-?\d+/g) ?? [];
          expect(numbers.length).toBe(n);
        }
      }),
    );
  });

  it('rejects bad options', () => {
    const t = tensor([1]);
    expect(() => format(t, { precision: -1 })).toThrow(
      'format: precision must be a non-negative integer up to 20, not -1',
    );
    expect(() => format(t, { edgeItems: 1.5 })).toThrow('format: edgeItems must be a non-negative integer, not 1.5');
  });
});
