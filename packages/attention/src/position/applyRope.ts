import { makeTensor, showShape, type Tensor } from '@attn/tensor';
import { readElements } from '../internal/readElements.js';
import { assertFloatTensor } from '../internal/validate.js';
import { pairColumns, type RopeOptions, resolveRopeOptions } from './RopeOptions.js';

/**
 * Rotary position embedding (RoPE, Su et al. 2021): rotates each pair of coordinates of a query or key vector
 * by an angle proportional to its position, (positionOffset + t) * theta_m with theta_m = base^(-2m/d). Applied
 * to Q and K (never V) before the scores, it makes q_m . k_n depend on the positions only through m - n.
 *
 * For a pair (a, b): a' = a cos - b sin, b' = a sin + b cos. The layout says which columns form the pairs
 * (`'rotate-half'` by default, as Llama and Hugging Face; `'interleaved'` as GPT-J and the paper). Computed in
 * float64, stored in x's dtype.
 *
 * Shapes: x `[..., T, d]` (d even) -> `[..., T, d]`, a new contiguous tensor; every leading axis (batch, head)
 * uses the same positions 0..T-1 (plus the offset).
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { applyRope } from '@attn/attention';
 * const q = randn([8, 16, 64], { seed: 1 });           // [heads, T, d]
 * const qRot = applyRope(q);                            // positions 0..15
 * const next = applyRope(randn([8, 1, 64], { seed: 2 }), { positionOffset: 16 }); // the 17th token
 */
export function applyRope(x: Tensor, options: RopeOptions = {}): Tensor {
  const fn = 'applyRope';
  assertFloatTensor(fn, 'x', x);
  const { layout, base, positionOffset } = resolveRopeOptions(fn, options);
  const rank = x.shape.length;
  if (rank < 2) throw new RangeError(`${fn}: x must be [..., T, d], got ${showShape(x.shape)}`);
  const t = x.shape[rank - 2];
  const d = x.shape[rank - 1];
  if (d % 2 !== 0) {
    throw new RangeError(
      `${fn}: the last axis of x (d = ${d}) must be even, RoPE rotates pairs; got ${showShape(x.shape)}`,
    );
  }
  const half = d / 2;
  // cos and sin of every (position, pair) once, in float64.
  const cos = new Float64Array(t * half);
  const sin = new Float64Array(t * half);
  const theta = new Float64Array(half);
  for (let m = 0; m < half; m++) theta[m] = base ** (-(2 * m) / d);
  for (let p = 0; p < t; p++) {
    for (let m = 0; m < half; m++) {
      const angle = (positionOffset + p) * theta[m];
      cos[p * half + m] = Math.cos(angle);
      sin[p * half + m] = Math.sin(angle);
    }
  }
  const out = readElements(x);
  const rows = t === 0 ? 0 : out.length / d;
  const first = new Int32Array(half);
  const second = new Int32Array(half);
  for (let m = 0; m < half; m++) [first[m], second[m]] = pairColumns(layout, d, m);
  for (let r = 0; r < rows; r++) {
    const p = r % t;
    const row = r * d;
    for (let m = 0; m < half; m++) {
      const ia = row + first[m];
      const ib = row + second[m];
      const a = out[ia];
      const b = out[ib];
      const c = cos[p * half + m];
      const s = sin[p * half + m];
      out[ia] = a * c - b * s;
      out[ib] = a * s + b * c;
    }
  }
  return makeTensor(x.dtype, out, [...x.shape]);
}
