export { allclose } from './allclose.js';
export { type AssertCloseOptions, assertClose } from './assertClose.js';
export type { CloseOptions, Comparable } from './closeness.js';
