import { broadcastShapes, makeTensor, type Tensor } from '@attn/tensor';
import { sliceOffsets } from '../internal/sliceOffsets.js';

/**
 * The elementwise AND of two boolean masks, broadcast (numpy rules): true only where both allow.
 * `fn` names the public caller in the error when the shapes do not broadcast. Internal.
 *
 * Shapes: a `[...]`, b `[...]` -> the broadcast shape.
 */
export function andMasks(fn: string, a: Tensor<'bool'>, b: Tensor<'bool'>): Tensor<'bool'> {
  const shape = broadcastShapes(fn, a.shape, b.shape);
  // Every element is a "slice" of size 1, so sliceOffsets gives each one's position in a and in b.
  const pa = sliceOffsets(a.shape, a.strides, a.offset, shape);
  const pb = sliceOffsets(b.shape, b.strides, b.offset, shape);
  const out = new Uint8Array(pa.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[pa[i]] & b.data[pb[i]];
  return makeTensor('bool', out, shape);
}
