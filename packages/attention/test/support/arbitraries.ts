/**
 * fast-check arbitraries for attention tests: float tensors of a given shape laid out in random ways (contiguous,
 * padded and offset, or with the last two axes stored transposed), and boolean masks. Views are built with
 * `makeTensor` directly, so the package's handling of strides is tested rather than trusted.
 */
import { makeTensor, type Tensor } from '@attn/tensor';
import fc from 'fast-check';

/** mulberry32: a tiny deterministic PRNG to fill buffers from one fast-check seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Layout = 'contiguous' | 'padded' | 'transposed';
export const layoutArb: fc.Arbitrary<Layout> = fc.constantFrom('contiguous', 'padded', 'transposed');

/**
 * A tensor of `shape` with values uniform in [-range, range), stored per `layout`:
 * `padded` puts gaps between elements of every axis and starts at an offset; `transposed` stores the last two
 * axes swapped and views them back (a column-major matrix per batch).
 */
export function makeView(
  shape: readonly number[],
  seed: number,
  layout: Layout = 'contiguous',
  dtype: 'float32' | 'float64' = 'float32',
  range = 2,
): Tensor {
  const rand = mulberry32(seed);
  const rank = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  const order = [...shape.keys()];
  if (layout === 'transposed' && rank >= 2) [order[rank - 2], order[rank - 1]] = [order[rank - 1], order[rank - 2]];
  const gap = layout === 'padded' ? 2 : 1;
  const offset = layout === 'padded' ? 3 : 0;
  // Strides of the storage order, then read back in logical order.
  const strides = new Array<number>(rank).fill(0);
  let s = gap;
  for (let p = rank - 1; p >= 0; p--) {
    strides[order[p]] = s;
    s *= shape[order[p]];
  }
  const length = offset + Math.max(size, 1) * gap + 1;
  const data = dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
  for (let i = 0; i < length; i++) data[i] = (rand() * 2 - 1) * range;
  return makeTensor(dtype, data, shape, strides, offset);
}

/** A boolean tensor of `shape` with each element true with probability `pTrue`. */
export function makeBoolMask(shape: readonly number[], seed: number, pTrue = 0.7): Tensor<'bool'> {
  const rand = mulberry32(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = rand() < pTrue ? 1 : 0;
  return makeTensor('bool', data, shape);
}

/** Some of `shape`'s axes set to 1 (a shape that broadcasts to it), chosen by the bits of `bits`. */
export function squeezeSome(shape: readonly number[], bits: number): number[] {
  return shape.map((d, a) => ((bits >> a) & 1 ? 1 : d));
}
