import { describe, expect, it } from 'vitest';
import { isContiguous, rowMajorStrides, sizeOf, tensor } from '../src/index.js';

describe('tensor', () => {
  it('infers shape and float32 from nested numbers', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual([2, 3]);
    expect(t.strides).toEqual([3, 1]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(isContiguous(t)).toBe(true);
  });

  it('gives bool for booleans and wraps a TypedArray without copying', () => {
    expect(tensor([true, false]).dtype).toBe('bool');
    const data = new Float64Array(6);
    const t = tensor(data, { shape: [2, 3] });
    expect(t.data).toBe(data);
    expect(t.dtype).toBe('float64');
  });

  it('rejects ragged arrays, mismatched shapes and lossy dtypes with the function named', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(/tensor: the nested array is ragged/);
    expect(() => tensor(new Float32Array(5), { shape: [2, 3] })).toThrow('tensor: shape [2,3] holds 6 elements');
    expect(() => tensor([1.5], { dtype: 'int32' })).toThrow(/int32 tensor holds integers/);
    expect(() => tensor(new Float32Array(2), { dtype: 'float64' })).toThrow(/stores float32, not float64/);
  });

  it('computes sizes and row-major strides', () => {
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([2, 0, 3])).toBe(0);
    expect(rowMajorStrides([2, 3, 4])).toEqual([12, 4, 1]);
  });
});
