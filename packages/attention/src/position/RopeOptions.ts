import { assertCount, describe } from '../internal/validate.js';

/**
 * Which coordinates of a d-wide vector RoPE rotates together:
 * - `'rotate-half'` (Llama, Hugging Face `rotate_half`): pair m is (x_m, x_{m + d/2});
 * - `'interleaved'` (GPT-J, the RoFormer paper): pair m is (x_{2m}, x_{2m+1}).
 *
 * Both rotate pair m by the same angle; they differ only in where a checkpoint's weights put the pairs, so
 * weights trained with one layout give wrong results with the other.
 */
export type RopeLayout = 'rotate-half' | 'interleaved';

/** Options of {@link applyRope} and the RoPE helpers. */
export interface RopeOptions {
  /** Which coordinates form a pair. Default `'rotate-half'` (Llama / Hugging Face). */
  layout?: RopeLayout;
  /** Pair m turns by theta_m = base^(-2m/d) radians per position. Default 10000 (the paper's). */
  base?: number;
  /** The position of row 0: when decoding, the number of tokens already in the cache. Default 0. */
  positionOffset?: number;
}

/** The options resolved and checked; internal to the RoPE functions (and the key/value cache). */
export function resolveRopeOptions(fn: string, options: RopeOptions): Required<RopeOptions> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${fn}: options must be an object, got ${describe(options)}`);
  }
  const layout = options.layout ?? 'rotate-half';
  if (layout !== 'rotate-half' && layout !== 'interleaved') {
    throw new RangeError(`${fn}: layout must be 'rotate-half' or 'interleaved', got ${JSON.stringify(layout)}`);
  }
  const base = options.base ?? 10000;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0) {
    throw new RangeError(`${fn}: base must be a positive number, got ${describe(base)}`);
  }
  const positionOffset = options.positionOffset ?? 0;
  assertCount(fn, 'positionOffset', positionOffset);
  return { layout, base, positionOffset };
}

/** The columns of pair m in a d-wide vector, per layout. Internal. */
export function pairColumns(layout: RopeLayout, d: number, m: number): [number, number] {
  return layout === 'rotate-half' ? [m, m + d / 2] : [2 * m, 2 * m + 1];
}
