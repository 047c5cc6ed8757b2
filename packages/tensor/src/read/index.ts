export { type FormatOptions, format } from './format.js';
export { get } from './get.js';
export { toFlat } from './toFlat.js';
export { toNested } from './toNested.js';
export type { Nested, ValueOf } from './ValueOf.js';
