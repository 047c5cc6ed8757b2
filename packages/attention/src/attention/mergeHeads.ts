import { makeTensor, type Tensor } from '@attn/tensor';

/**
 * Puts the heads' outputs side by side again (the "Concat" of the paper): `[B, H, T, d]` -> `[B, T, H * d]`,
 * a fresh contiguous tensor so the output projection reads plain rows. Internal: `x` is contiguous.
 */
export function mergeHeads(x: Tensor): Tensor {
  const [b, h, t, d] = x.shape;
  const src = x.data;
  const out = x.dtype === 'float32' ? new Float32Array(b * t * h * d) : new Float64Array(b * t * h * d);
  for (let bi = 0; bi < b; bi++) {
    for (let hi = 0; hi < h; hi++) {
      for (let ti = 0; ti < t; ti++) {
        const from = x.offset + ((bi * h + hi) * t + ti) * d;
        out.set(src.subarray(from, from + d), ((bi * t + ti) * h + hi) * d);
      }
    }
  }
  return makeTensor(x.dtype, out, [b, t, h * d]);
}
