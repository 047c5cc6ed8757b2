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
  const data = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  // Draw u in bulk, then map it to low + span * u in place: u is exact in either dtype (24 or 53 bits), so
  // this gives the same numbers as computing low + span * g.nextFloat32() element by element.
  if (dtype === 'float32') g.fillFloat32(data);
  else g.fillFloat64(data);
  for (let i = 0; i < size; i++) data[i] = low + span * data[i];
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
