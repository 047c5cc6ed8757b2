export { type TensorOptions, tensor } from './tensor.js';
