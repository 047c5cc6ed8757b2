import { showShape } from './shape.js';
import type { Shape } from './Tensor.js';

/**
 * The shape that numpy broadcasting gives several shapes: aligned at the right, each axis equal or 1.
 * `fn` names the caller in the error.
 *
 * @example
 * broadcastShapes('add', [2, 1, 3], [4, 1]); // [2, 4, 3]
 * broadcastShapes('add', [2, 3], [4]);       // throws "add: shapes [2,3] and [4] do not broadcast"
 */
export function broadcastShapes(fn: string, ...shapes: Shape[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const axis = rank - shape.length + i;
      const d = shape[i];
      if (d === out[axis] || d === 1) continue;
      if (out[axis] === 1) out[axis] = d;
      else throw new RangeError(`${fn}: shapes ${shapes.map(showShape).join(' and ')} do not broadcast`);
    }
  }
  return out;
}
