export { einsum } from './einsum.js';
export { type MatmulOptions, matmul } from './matmul.js';
