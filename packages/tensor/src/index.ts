/**
 * @attn/tensor: typed strided tensors and BLAS-like kernels.
 * Every operation is a free function, so bundlers keep only what a page uses.
 * @packageDocumentation
 */
export * from './core/index.js';
export { type TensorOptions, tensor } from './create/tensor.js';
export type { GemmKernel, Kernels, SoftmaxRowsKernel, Transpose } from './kernels/Kernels.js';
