export type { KernelBackend } from './dispatch.js';
export { getKernels, kernelBackend, setKernelBackend } from './dispatch.js';
export { jsKernels } from './js/jsKernels.js';
export type { FusedSoftmaxGemmKernel, GemmKernel, Kernels, SoftmaxRowsKernel, Transpose } from './Kernels.js';
export { ready } from './wasm/ready.js';
