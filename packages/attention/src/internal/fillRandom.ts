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
  const data = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  fillUniform(data, low, high, g);
  return makeTensor(dtype, data, shape);
}

/**
 * Overwrites every element of `data` with independent U(low, high) draws from `g`, in order: the numbers
 * {@link uniformTensor} would give a tensor of that many elements and dtype. Internal.
 */
export function fillUniform(data: Float32Array | Float64Array, low: number, high: number, g: Generator): void {
  const span = high - low;
  // Draw u in bulk, then map it to low + span * u in place: u is exact in either dtype (24 or 53 bits), so
  // this gives the same numbers as computing low + span * g.nextFloat32() element by element.
  if (data instanceof Float32Array) g.fillFloat32(data);
  else g.fillFloat64(data);
  for (let i = 0; i < data.length; i++) data[i] = low + span * data[i];
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
