/** ln 2 split in two (fdlibm's `ln2_hi`/`ln2_lo`): `e * LN2_HI` is exact for every double exponent `e`. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/**
 * The natural logarithm of a positive finite `x`, computed with `+ - * /` only, so it gives the same bits
 * on every JavaScript engine. (`Math.log` is "implementation-approximated" in the ECMAScript standard:
 * engines may differ in the last bit, which would make seeded normal draws differ between platforms.)
 *
 * Method: scale `x = m * 2^e` with `m` in `[sqrt(1/2), sqrt(2))` by exact multiplications by 2, then
 * `log(m) = 2 atanh(f) = 2 (f + f^3/3 + f^5/5 + ...)` with `f = (m - 1) / (m + 1)`, `|f| < 0.1716`;
 * 13 terms of the series bring the truncation error below 1e-17. Accurate to a few ulps.
 *
 * Internal: used by the normal sampler.
 *
 * @example
 * portableLog(0.5); // -0.6931471805599453
 */
export function portableLog(x: number): number {
  let m = x;
  let e = 0;
  while (m < Math.SQRT1_2) {
    m *= 2;
    e--;
  }
  while (m >= Math.SQRT2) {
    m /= 2;
    e++;
  }
  const f = (m - 1) / (m + 1);
  const f2 = f * f;
  let series = 2 / 25;
  for (let k = 11; k >= 0; k--) series = 2 / (2 * k + 1) + f2 * series;
  return e * LN2_HI + (f * series + e * LN2_LO);
}
