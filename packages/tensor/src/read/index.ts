export { toFlat } from './toFlat.js';
