import { type Generator, generator } from './generator.js';

/** The source of randomness of `rand`, `randn` and `randint`: a seed, a running generator, or neither. */
export interface RandomSource {
  /** Start a fresh stream from this seed (an integer in `[0, 2^32)`): the same numbers every time. */
  seed?: number;
  /** Draw from (and advance) this stream. */
  generator?: Generator;
}

/**
 * The generator a random creator draws from: a fresh one for `seed`, the given `generator`, or, with
 * neither, a fresh one seeded from `Math.random()` (not reproducible, by design). `fn` names the caller.
 */
export function resolveGenerator(fn: string, options: RandomSource): Generator {
  if (options.seed !== undefined && options.generator !== undefined) {
    throw new TypeError(`${fn}: pass either seed or generator, not both`);
  }
  if (options.generator !== undefined) {
    const g = options.generator as Partial<Generator> | null;
    if (
      typeof g !== 'object' ||
      g === null ||
      typeof g.nextNormal !== 'function' ||
      typeof g.fillNormal !== 'function' ||
      typeof g.fillFloat32 !== 'function'
    ) {
      throw new TypeError(`${fn}: generator must be a stream made by generator(seed)`);
    }
    return options.generator;
  }
  if (options.seed !== undefined) {
    if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed >= 4294967296) {
      throw new RangeError(`${fn}: seed must be an integer in [0, 2^32), not ${options.seed}`);
    }
    return generator(options.seed);
  }
  return generator(Math.floor(Math.random() * 4294967296));
}
