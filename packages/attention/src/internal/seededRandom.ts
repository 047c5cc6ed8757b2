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
  /** Fills `out` with U(low, high) numbers: the same numbers as calling `uniform()` in a loop, only faster. */
  fillUniform(out: Float32Array | Float64Array, low: number, high: number): void;
  /** Fills `out` with N(mean, std^2) numbers: the same numbers as calling `normal()` in a loop. */
  fillNormal(out: Float32Array | Float64Array, mean: number, std: number): void;
}

/**
 * Creates the random source for `seed` (any integer; only its low 32 bits matter).
 *
 * @example
 * const r = seededRandom(42);
 * r.uniform(); // the same number on every machine
 */
export function seededRandom(seed: number): SeededRandom {
  // The four xoshiro128** state words, seeded by splitmix32 (never all zero).
  const s = new Uint32Array(4);
  let x = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s[i] = (z ^ (z >>> 16)) >>> 0;
  }
  const uniform = () => (nextU32(s) >>> 8) / 16777216;
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
  const fillUniform = (out: Float32Array | Float64Array, low: number, high: number) => {
    const span = high - low;
    for (let i = 0; i < out.length; i++) out[i] = low + span * ((nextU32(s) >>> 8) / 16777216);
  };
  const fillNormal = (out: Float32Array | Float64Array, mean: number, std: number) => {
    for (let i = 0; i < out.length; i++) out[i] = mean + std * normal();
  };
  return { uniform, normal, fillUniform, fillNormal };
}

/** One step of xoshiro128** on the state `s`, returning 32 random bits. */
function nextU32(s: Uint32Array): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
