import { showShape } from '@attn/tensor';
import type { CausalAlignment } from '../attention/causalMask.js';
import { readElements } from '../internal/readElements.js';
import { assertFloatTensor, describe } from '../internal/validate.js';

/** Attention weights as the statistics read them: `[batch, heads, Tq, Tk]` float64, row-major. Internal. */
export interface WeightMaps {
  batch: number;
  heads: number;
  tq: number;
  tk: number;
  values: Float64Array;
}

/** Checks weights `[H, Tq, Tk]` or `[B, H, Tq, Tk]` and reads them contiguously in float64. Internal. */
export function readWeights(fn: string, weights: unknown): WeightMaps {
  assertFloatTensor(fn, 'weights', weights);
  const rank = weights.shape.length;
  if (rank !== 3 && rank !== 4) {
    throw new RangeError(
      `${fn}: weights must be [heads, Tq, Tk] or [batch, heads, Tq, Tk] (attention weights), got ${showShape(weights.shape)}`,
    );
  }
  const [batch, heads, tq, tk] = rank === 4 ? weights.shape : [1, ...weights.shape];
  return { batch, heads, tq, tk, values: Float64Array.from(readElements(weights)) };
}

/** Checks a causal alignment option (default upper-left). Internal. */
export function readAlignment(fn: string, alignment: unknown): CausalAlignment {
  const a = alignment ?? 'upper-left';
  if (a !== 'upper-left' && a !== 'lower-right') {
    throw new RangeError(`${fn}: alignment must be 'upper-left' or 'lower-right', got ${describe(a)}`);
  }
  return a;
}
