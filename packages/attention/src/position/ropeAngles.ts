import { assertCount } from '../internal/validate.js';
import { assertEvenDim, ropeFrequencies } from './ropeFrequencies.js';

/**
 * The angle RoPE turns each pair by at each position: (positionOffset + p) * theta_m, in radians.
 * What a chart of the rotation needs; {@link applyRope} uses the same numbers.
 *
 * Shapes: -> `[positions][d/2]` numbers.
 *
 * @example
 * import { ropeAngles } from '@attn/attention';
 * ropeAngles(3, 4); // [[0, 0], [1, 0.01], [2, 0.02]]
 */
export function ropeAngles(
  positions: number,
  dim: number,
  options: { base?: number; positionOffset?: number } = {},
): number[][] {
  const fn = 'ropeAngles';
  assertCount(fn, 'positions', positions);
  assertEvenDim(fn, dim);
  const offset = options.positionOffset ?? 0;
  assertCount(fn, 'positionOffset', offset);
  const theta = ropeFrequencies(dim, { base: options.base });
  return Array.from({ length: positions }, (_, p) => theta.map((t) => (offset + p) * t));
}
