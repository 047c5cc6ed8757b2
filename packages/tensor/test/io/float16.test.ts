import { describe, expect, it } from 'vitest';
import { float16BitsToFloat32Bits } from '../../src/io/float16ToNumber.js';
import { bfloat16ToNumber, float16ToNumber } from '../../src/io/index.js';

const f32FromBits = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0];

describe('float16ToNumber', () => {
  it('decodes known values', () => {
    expect(float16ToNumber(0x3c00)).toBe(1);
    expect(float16ToNumber(0xc000)).toBe(-2);
    expect(float16ToNumber(0x7bff)).toBe(65504);
    expect(float16ToNumber(0x3555)).toBe(0.333251953125);
    expect(float16ToNumber(0x0400)).toBe(2 ** -14); // smallest normal
    expect(float16ToNumber(0x0001)).toBe(2 ** -24); // smallest subnormal
    expect(float16ToNumber(0x03ff)).toBe(1023 * 2 ** -24); // largest subnormal
    expect(float16ToNumber(0x8001)).toBe(-(2 ** -24));
    expect(float16ToNumber(0x7c00)).toBe(Number.POSITIVE_INFINITY);
    expect(float16ToNumber(0xfc00)).toBe(Number.NEGATIVE_INFINITY);
    expect(float16ToNumber(0x7e00)).toBeNaN();
    expect(float16ToNumber(0xfd01)).toBeNaN();
    expect(Object.is(float16ToNumber(0x8000), -0)).toBe(true);
    expect(Object.is(float16ToNumber(0x0000), 0)).toBe(true);
  });

  it('agrees bit for bit with the float32 widening for all 65536 patterns', () => {
    for (let h = 0; h < 0x10000; h++) {
      const bits = float16BitsToFloat32Bits(h);
      const wide = f32FromBits(bits);
      const value = float16ToNumber(h);
      if (Number.isNaN(value)) {
        expect(Number.isNaN(wide)).toBe(true);
        // the payload and sign survive: the 10 mantissa bits sit at the top of the 23
        expect(bits >>> 31).toBe(h >>> 15);
        expect((bits >>> 13) & 0x3ff).toBe(h & 0x3ff);
      } else if (!Object.is(wide, value)) {
        throw new Error(`0x${h.toString(16)}: widening gives ${wide}, value is ${value}`);
      }
    }
  });
});

describe('bfloat16ToNumber', () => {
  it('decodes known values', () => {
    expect(bfloat16ToNumber(0x3f80)).toBe(1);
    expect(bfloat16ToNumber(0xc000)).toBe(-2);
    expect(bfloat16ToNumber(0x4049)).toBe(3.140625);
    expect(bfloat16ToNumber(0x7f7f)).toBe(3.3895313892515355e38); // largest finite
    expect(bfloat16ToNumber(0x0001)).toBe(2 ** -133); // smallest subnormal
    expect(bfloat16ToNumber(0x7f80)).toBe(Number.POSITIVE_INFINITY);
    expect(bfloat16ToNumber(0xff80)).toBe(Number.NEGATIVE_INFINITY);
    expect(bfloat16ToNumber(0x7fc0)).toBeNaN();
    expect(Object.is(bfloat16ToNumber(0x8000), -0)).toBe(true);
  });
});
