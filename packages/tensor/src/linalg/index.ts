export { type MatmulOptions, matmul } from './matmul.js';
