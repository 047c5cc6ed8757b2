/**
 * The float32 bit pattern of an IEEE 754 half-precision (float16) bit pattern. Every float16 value is exactly
 * representable in float32, so this is lossless: subnormals are normalised, infinities stay infinite and a
 * NaN keeps its sign and payload (shifted into the top of the float32 mantissa).
 */
export function float16BitsToFloat32Bits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exp = (h >>> 10) & 0x1f;
  let mant = h & 0x3ff;
  if (exp === 0x1f) return (sign | 0x7f800000 | (mant << 13)) >>> 0; // inf / NaN
  if (exp !== 0) return (sign | ((exp + 112) << 23) | (mant << 13)) >>> 0; // normal: rebias 15 -> 127
  if (mant === 0) return sign >>> 0; // +-0
  // Subnormal: value = mant * 2^-24. Shift the leading 1 up to bit 10 and lower the exponent to match.
  let e = 113; // the float32 biased exponent of 2^-14
  while ((mant & 0x400) === 0) {
    mant <<= 1;
    e--;
  }
  return (sign | (e << 23) | ((mant & 0x3ff) << 13)) >>> 0;
}

/**
 * The number a float16 (IEEE 754 half precision) bit pattern stands for.
 *
 * @example
 * float16ToNumber(0x3c00); // 1
 * float16ToNumber(0x7bff); // 65504 (the largest float16)
 * float16ToNumber(0x0001); // 5.960464477539063e-8 (the smallest subnormal, 2^-24)
 */
export function float16ToNumber(bits: number): number {
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exp === 0x1f) return mant === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  if (exp === 0) return sign * mant * 2 ** -24;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
