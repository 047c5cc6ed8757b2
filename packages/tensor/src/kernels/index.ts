export type { GemmKernel, Kernels, SoftmaxRowsKernel, Transpose } from './Kernels.js';
export { ready } from './wasm/ready.js';
