import { type FloatDType, gelu, relu, showShape, type Tensor } from '@attn/tensor';
import { assertFloatTensor, assertSameDType } from '../internal/validate.js';
import { linear, linearUnchecked } from './linear.js';

/** The weights of the position-wise feed-forward block, in PyTorch's `[out, in]` layout. */
export interface FeedForwardParams {
  /** W_1, `[d_ff, d_model]`. */
  w1: Tensor;
  /** b_1, `[d_ff]`. */
  b1?: Tensor;
  /** W_2, `[d_model, d_ff]`. */
  w2: Tensor;
  /** b_2, `[d_model]`. */
  b2?: Tensor;
}

/** The non-linearity between the two linear maps: the paper's ReLU, or GELU (exact, PyTorch's default form); both from `@attn/tensor`. */
export type Activation = 'relu' | 'gelu';

/**
 * The position-wise feed-forward block of the Transformer (section 3.3): FFN(x) = act(x W_1^T + b_1) W_2^T + b_2,
 * applied to every position alike. Inference only: there is no dropout anywhere in this package.
 *
 * Shapes: x `[..., d_model]`, w1 `[d_ff, d_model]`, w2 `[d_model, d_ff]` -> `[..., d_model]`.
 *
 * @example
 * import { randn } from '@attn/tensor';
 * import { feedForward, initFeedForward } from '@attn/attention';
 * const params = initFeedForward({ dModel: 64, dFF: 256, seed: 1 });
 * feedForward(randn([10, 64], { seed: 2 }), params); // [10, 64]
 */
export function feedForward(x: Tensor, params: FeedForwardParams, activation: Activation = 'relu'): Tensor<FloatDType> {
  const fn = 'feedForward';
  assertFloatTensor(fn, 'x', x);
  assertFloatTensor(fn, 'params.w1', params.w1);
  assertFloatTensor(fn, 'params.w2', params.w2);
  assertSameDType(fn, 'params.w1', params.w1, 'x', x);
  assertSameDType(fn, 'params.w2', params.w2, 'x', x);
  const dModel = x.shape[x.shape.length - 1];
  const [dFF, w1In] = params.w1.shape;
  if (params.w1.shape.length !== 2 || w1In !== dModel) {
    throw new RangeError(
      `${fn}: params.w1 must be [d_ff, ${dModel}] for x ${showShape(x.shape)}, got ${showShape(params.w1.shape)}`,
    );
  }
  if (params.w2.shape.length !== 2 || params.w2.shape[0] !== dModel || params.w2.shape[1] !== dFF) {
    throw new RangeError(
      `${fn}: params.w2 must be [${dModel}, ${dFF}] for x ${showShape(x.shape)} and w1 ${showShape(params.w1.shape)}, got ${showShape(params.w2.shape)}`,
    );
  }
  if (activation !== 'relu' && activation !== 'gelu') {
    throw new RangeError(`${fn}: activation must be 'relu' or 'gelu', got ${JSON.stringify(activation)}`);
  }
  if (params.b2 !== undefined) {
    assertFloatTensor(fn, 'params.b2', params.b2);
    assertSameDType(fn, 'params.b2', params.b2, 'x', x);
    if (params.b2.shape.length !== 1 || params.b2.shape[0] !== dModel) {
      throw new RangeError(`${fn}: params.b2 must be [${dModel}], got ${showShape(params.b2.shape)}`);
    }
  }
  // The first linear validates b1; its output is fresh, so the activation may work in place.
  const hidden = linear(x, params.w1, params.b1) as Tensor<FloatDType>;
  if (activation === 'relu') relu(hidden, { out: hidden });
  else gelu(hidden, { out: hidden });
  return linearUnchecked(hidden, params.w2, params.b2) as Tensor<FloatDType>;
}
