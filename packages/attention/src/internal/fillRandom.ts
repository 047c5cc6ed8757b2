import { type FloatDType, makeTensor, type Tensor } from '@attn/tensor';
import type { SeededRandom } from './seededRandom.js';

/** A fresh tensor of `shape` with independent U(low, high) elements drawn in row-major order. Internal. */
export function uniformTensor(
  shape: readonly number[],
  low: number,
  high: number,
  random: SeededRandom,
  dtype: FloatDType,
): Tensor<FloatDType> {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  random.fillUniform(data, low, high);
  return makeTensor(dtype, data, shape);
}

/** A fresh tensor of `shape` with independent N(mean, std^2) elements drawn in row-major order. Internal. */
export function normalTensor(
  shape: readonly number[],
  mean: number,
  std: number,
  random: SeededRandom,
  dtype: FloatDType,
): Tensor<FloatDType> {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  random.fillNormal(data, mean, std);
  return makeTensor(dtype, data, shape);
}
