import { portableLog } from './portableLog.js';

/**
 * A seeded stream of random numbers, the same on every platform (see {@link generator}).
 * Its state advances with every draw, so successive calls continue one stream.
 */
export interface Generator {
  /** The seed the stream started from. */
  readonly seed: number;
  /** The next raw output: an integer in `[0, 2^32)`. */
  nextUint32(): number;
  /** A uniform float in `[0, 1)` with 24 random bits (exactly representable in float32); one draw. */
  nextFloat32(): number;
  /** A uniform float in `[0, 1)` with 53 random bits (every float64 multiple of 2^-53); two draws. */
  nextFloat64(): number;
  /** A standard normal number (mean 0, variance 1), by Marsaglia's polar method (see {@link generator}). */
  nextNormal(): number;
  /** A uniform integer in `[low, high)`, without modulo bias; `high - low` must be in `[1, 2^32]`. */
  nextInt(low: number, high: number): number;
  /** Fills `out` with the next `out.length` raw outputs: the same numbers as that many `nextUint32()` calls. */
  fillUint32(out: Uint32Array): void;
  /** Fills `out` with the next `out.length` values of `nextFloat32()`, in order. */
  fillFloat32(out: Float32Array | Float64Array): void;
  /** Fills `out` with the next `out.length` values of `nextFloat64()`, in order. */
  fillFloat64(out: Float32Array | Float64Array): void;
  /** Fills `out` with `mean + std * z` for the next `out.length` normals `z` of `nextNormal()`, in order. */
  fillNormal(out: Float32Array | Float64Array, mean?: number, std?: number): void;
}

/** 2^32, the count of raw outputs. */
const TWO32 = 4294967296;

/** How many raw outputs the bulk fills convert at a time (16 KiB of scratch, shared: fills never nest). */
const CHUNK = 4096;
let scratchU32: Uint32Array | undefined;
let scratchF64: Float64Array | undefined;

/**
 * Starts a random stream from an integer `seed` in `[0, 2^32)`. Equal seeds give equal streams, bit for
 * bit, on every JavaScript engine and CPU: the generator uses only 32-bit integer arithmetic
 * (`Math.imul`, shifts, xor) and, for normals, `+ - * /` and `Math.sqrt` (correctly rounded by IEEE 754).
 *
 * The algorithm is xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; https://prng.di.unimi.it/xoshiro128starstar.c): 128 bits of state,
 * period 2^128 - 1, output `rotl(s1 * 5, 7) * 9`. Its four state words are the first four outputs of
 * SplitMix32 started at `seed` (the 32-bit cousin of SplitMix64 from G. Steele, D. Lea and C. Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014: a Weyl sequence stepping by
 * 0x9e3779b9, finished by MurmurHash3's fmix32), so nearby seeds give unrelated streams and the state
 * is never all zero.
 *
 * Floats: `nextFloat32` is `(x >>> 8) / 2^24`; `nextFloat64` joins 27 + 26 bits of two outputs into
 * `k / 2^53` (as numpy's `random_standard_uniform`). Integers in `[low, high)` reject the top
 * `2^32 mod (high - low)` outputs, so every value is equally likely.
 *
 * Normals: Marsaglia's polar method (G. Marsaglia and T. Bray, "A convenient method for generating normal
 * variables", SIAM Review 6(3), 1964): draw `u, v` uniform in `(-1, 1)` until `0 < s = u^2 + v^2 < 1`,
 * then `u * sqrt(-2 ln(s) / s)` and `v * sqrt(-2 ln(s) / s)` are two independent standard normals (the
 * second is kept for the next call). `ln` is our own `+ - * /` routine, because `Math.log` may differ
 * in the last bit between engines.
 *
 * Bulk draws: `fillFloat32`, `fillFloat64` and `fillNormal` give exactly the numbers the one-at-a-time calls
 * would, and leave the stream where they would, but run the state update in local variables over a block
 * (about ten times faster: filling a 512 x 2048 weight is a few milliseconds, not tens).
 *
 * @example
 * import { generator, randn } from '@attn/tensor';
 * const g = generator(42);
 * g.nextFloat64();                         // the same number everywhere
 * const w = randn([64, 64], { generator: g }); // continues the stream
 */
export function generator(seed: number): Generator {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO32) {
    throw new RangeError(`generator: seed must be an integer in [0, 2^32), not ${seed}`);
  }
  // SplitMix32: four words of state from the seed.
  let sm = seed | 0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  let spare = 0;
  let hasSpare = false;

  const nextUint32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  const fillUint32 = (out: Uint32Array): void => {
    // nextUint32's steps with the state in locals, which the engine keeps in registers for the whole loop.
    let a = s0;
    let b = s1;
    let c = s2;
    let d = s3;
    for (let i = 0; i < out.length; i++) {
      const x = Math.imul(b, 5);
      out[i] = Math.imul((x << 7) | (x >>> 25), 9);
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
    }
    s0 = a;
    s1 = b;
    s2 = c;
    s3 = d;
  };
  const fillFloat32 = (out: Float32Array | Float64Array): void => {
    scratchU32 ??= new Uint32Array(CHUNK);
    for (let start = 0; start < out.length; start += CHUNK) {
      const n = Math.min(CHUNK, out.length - start);
      const raw = n === CHUNK ? scratchU32 : scratchU32.subarray(0, n);
      fillUint32(raw);
      for (let i = 0; i < n; i++) out[start + i] = (raw[i] >>> 8) / 16777216;
    }
  };
  const fillFloat64 = (out: Float32Array | Float64Array): void => {
    scratchU32 ??= new Uint32Array(CHUNK);
    const per = CHUNK / 2;
    for (let start = 0; start < out.length; start += per) {
      const n = Math.min(per, out.length - start);
      const raw = n === per ? scratchU32 : scratchU32.subarray(0, 2 * n);
      fillUint32(raw);
      for (let i = 0; i < n; i++)
        out[start + i] = ((raw[2 * i] >>> 5) * 67108864 + (raw[2 * i + 1] >>> 6)) / 9007199254740992;
    }
  };
  const fillNormal = (out: Float32Array | Float64Array, mean = 0, std = 1): void => {
    let i = 0;
    if (hasSpare && out.length > 0) {
      hasSpare = false;
      out[i++] = mean + std * spare;
    }
    scratchF64 ??= new Float64Array(CHUNK);
    while (i < out.length) {
      // One attempt of the polar method takes two uniforms. Draw exactly as many attempts as pairs still
      // missing: each is used (accepted or rejected) in order, so the stream ends where nextNormal's would.
      const attempts = Math.min(CHUNK / 2, Math.ceil((out.length - i) / 2));
      const uv = scratchF64.subarray(0, 2 * attempts);
      fillFloat64(uv);
      for (let j = 0; j < attempts; j++) {
        const u = 2 * uv[2 * j] - 1;
        const v = 2 * uv[2 * j + 1] - 1;
        const s = u * u + v * v;
        if (s >= 1 || s === 0) continue;
        const m = Math.sqrt((-2 * portableLog(s)) / s);
        out[i++] = mean + std * (u * m);
        if (i < out.length) out[i++] = mean + std * (v * m);
        else {
          spare = v * m;
          hasSpare = true;
        }
      }
    }
  };
  const nextFloat32 = (): number => (nextUint32() >>> 8) / 16777216;
  const nextFloat64 = (): number => {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };
  const nextNormal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * nextFloat64() - 1;
      v = 2 * nextFloat64() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * portableLog(s)) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  };
  const nextInt = (low: number, high: number): number => {
    const range = high - low;
    // Outputs below `threshold` would make small values more likely; skip them.
    const threshold = (TWO32 - range) % range;
    for (;;) {
      const x = nextUint32();
      if (x >= threshold) return low + (x % range);
    }
  };
  return {
    seed,
    nextUint32,
    nextFloat32,
    nextFloat64,
    nextNormal,
    nextInt,
    fillUint32,
    fillFloat32,
    fillFloat64,
    fillNormal,
  };
}
