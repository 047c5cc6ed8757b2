/**
 * @attn/tensor: typed strided tensors and BLAS-like kernels.
 * Every operation is a free function, so bundlers keep only what a page uses.
 * @packageDocumentation
 */
export * from './blas/index.js';
export * from './check/index.js';
export * from './core/index.js';
export * from './create/index.js';
export * from './io/index.js';
export * from './kernels/index.js';
export * from './linalg/index.js';
export * from './nn/index.js';
export * from './ops/index.js';
export * from './random/index.js';
export * from './read/index.js';
export * from './reduce/index.js';
export * from './view/index.js';
