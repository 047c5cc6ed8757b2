/**
 * A seeded, platform-independent random source for the initialisers and the walkthrough: xoshiro128** (Blackman
 * and Vigna), 32-bit state words seeded by splitmix32 from one integer, so the same seed gives the same numbers
 * in every JavaScript engine. Uniforms take the top 24 bits (exact in float32); normals use Box-Muller.
 *
 * Internal stand-in: `@attn/tensor`'s `random` folder (its documented PRNG) had not landed when this package was
 * written; when it has, the initialisers should draw from it instead (the numbers will change, the
 * distributions will not).
 */
export interface SeededRandom {
  /** A uniform number in [0, 1). */
  uniform(): number;
  /** A standard normal number (mean 0, standard deviation 1). */
  normal(): number;
}

/**
 * Creates the random source for `seed` (any integer; only its low 32 bits matter).
 *
 * @example
 * const r = seededRandom(42);
 * r.uniform(); // the same number on every machine
 */
export function seededRandom(seed: number): SeededRandom {
  // splitmix32 spreads one seed over the four state words (never all zero).
  let x = seed >>> 0;
  const next32 = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = next32();
  let s1 = next32();
  let s2 = next32();
  let s3 = next32();
  const nextU32 = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const uniform = () => (nextU32() >>> 8) / 16777216;
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    // Box-Muller on (0, 1]: 1 - u avoids log(0).
    const u = 1 - uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
