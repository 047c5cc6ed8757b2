import { type FloatDType, type Generator, makeTensor, randn, type Tensor } from '@attn/tensor';

/**
 * A fresh tensor of `shape` with independent U(low, high) elements drawn in row-major order from `g`
 * (`@attn/tensor`'s seeded generator: 24 random bits per float32 element, 53 per float64). Internal.
 */
export function uniformTensor(
  shape: readonly number[],
  low: number,
  high: number,
  g: Generator,
  dtype: FloatDType,
): Tensor<FloatDType> {
  const size = shape.reduce((a, b) => a * b, 1);
  const span = high - low;
  if (dtype === 'float32') {
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = low + span * g.nextFloat32();
    return makeTensor(dtype, data, shape);
  }
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = low + span * g.nextFloat64();
  return makeTensor(dtype, data, shape);
}

/** A fresh tensor of `shape` with independent N(mean, std^2) elements drawn in row-major order from `g`. Internal. */
export function normalTensor(
  shape: readonly number[],
  mean: number,
  std: number,
  g: Generator,
  dtype: FloatDType,
): Tensor<FloatDType> {
  return randn(shape, { generator: g, mean, std, dtype });
}
