/**
 * The number a bfloat16 bit pattern stands for. bfloat16 is the top half of a float32, so the value is exact.
 *
 * @example
 * bfloat16ToNumber(0x3f80); // 1
 * bfloat16ToNumber(0xc000); // -2
 */
export function bfloat16ToNumber(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16);
  return view.getFloat32(0);
}
