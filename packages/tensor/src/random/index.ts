export { type Generator, generator } from './generator.js';
export { type RandOptions, rand } from './rand.js';
export { randint } from './randint.js';
export { type RandnOptions, randn } from './randn.js';
export type { RandomSource } from './resolveGenerator.js';
