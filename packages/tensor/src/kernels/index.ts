export type { GemmKernel, Kernels, SoftmaxRowsKernel, Transpose } from './Kernels.js';
