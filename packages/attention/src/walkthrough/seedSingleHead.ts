import { generator, makeTensor, randn, type Tensor } from '@attn/tensor';
import { scaledDotProductAttention } from '../attention/scaledDotProductAttention.js';
import { initFeedForward } from '../init/initFeedForward.js';
import { drawLinear } from '../init/initLinear.js';
import { feedForward } from '../layers/feedForward.js';
import { linear } from '../layers/linear.js';
import { residual } from '../layers/residual.js';
import { sinusoidalEncoding } from '../position/sinusoidalEncoding.js';
import { readOptions, type SeedWalkthroughOptions } from './seedWalkthrough.js';
import { step, type WalkthroughStep } from './WalkthroughStep.js';

/** Every intermediate of {@link seedSingleHead}, with the steps in order in `steps`. */
export interface SeedSingleHead {
  tokens: number;
  dK: number;
  /** Toy embeddings, N(0, 1), `[tokens, d_k]` (the seed's width: one head's, not d_model). */
  embeddings: Tensor;
  /** The first d_k columns of an encoding built for d_model (the seed's mistake, kept for comparison). */
  positionalEncoding: Tensor;
  x: Tensor;
  /** W_Q, W_K, W_V, bias-free `[d_k, d_k]` (nn.Linear's default initialisation). */
  wq: Tensor;
  wk: Tensor;
  wv: Tensor;
  /** `[token, d_k]`. */
  q: Tensor;
  k: Tensor;
  v: Tensor;
  /** `[query, key]`. */
  scores: Tensor;
  masked: Tensor;
  weights: Tensor;
  /** weights V, `[query, d_k]`. */
  context: Tensor;
  /** The feed-forward block (d_k -> 2048 -> d_k, ReLU) applied to the context, as the seed did (but without dropout). */
  feedForward: Tensor;
  steps: WalkthroughStep[];
}

/**
 * The seed project's own computation, for comparison with {@link seedWalkthrough}: a single head of width
 * d_k = d_model / H on d_k-wide embeddings, with the positional encoding cut from a d_model-wide one, three
 * bias-free d_k x d_k projections, Q K^T / sqrt(d_k) + causal mask, softmax, context, and the feed-forward net on
 * the context. No split into heads, no concatenation, no W_O. Dropout, which the seed left on, is not applied.
 *
 * Shapes: with the defaults, `[128, 64]` and `[128, 128]`.
 *
 * @example
 * import { seedSingleHead } from '@attn/attention';
 * const seed = seedSingleHead();
 * seed.weights.shape; // [128, 128]
 */
export function seedSingleHead(options: SeedWalkthroughOptions = {}): SeedSingleHead {
  const { seed, tokens, dModel, numHeads } = readOptions('seedSingleHead', options);
  const dK = dModel / numHeads;
  const embeddings = randn([tokens, dK], { seed });
  const wide = sinusoidalEncoding(tokens, dModel);
  // The seed's slice pe[:, :d_k]: a view of the first d_k columns of the d_model-wide encoding.
  const positionalEncoding = makeTensor(wide.dtype, wide.data, [tokens, dK], wide.strides, wide.offset);
  const x = residual(embeddings, positionalEncoding);
  const random = generator(seed + 1);
  const projection = () => drawLinear({ inFeatures: dK, outFeatures: dK, bias: false }, random).weight;
  const wq = projection();
  const wk = projection();
  const wv = projection();
  const q = linear(x, wq);
  const k = linear(x, wk);
  const v = linear(x, wv);
  const { output: context, trace } = scaledDotProductAttention(q, k, v, { causal: true, trace: true });
  const square = (t: Tensor) => makeTensor(t.dtype, t.data, [tokens, tokens]);
  const scores = square(trace.scores);
  const masked = square(trace.masked);
  const weights = square(trace.weights);
  const ffn = feedForward(context, initFeedForward({ dModel: dK, dFF: 2048, seed: seed + 2 }), 'relu');
  const tokenDim = ['token', 'dim'];
  const steps = [
    step('embeddings', 'Toy embeddings (d_k wide)', 'E ~ N(0, 1)', embeddings, tokenDim),
    step('positionalEncoding', 'Positional encoding, cut from d_model', `PE_${dModel}[:, :${dK}]`, positionalEncoding, [
      'position',
      'dim',
    ]),
    step('x', 'Input x', 'x = E + PE', x, tokenDim),
    step('wq', 'W_Q', 'stored [out, in]; applied as x W_Q^T', wq, ['out', 'in']),
    step('wk', 'W_K', 'stored [out, in]; applied as x W_K^T', wk, ['out', 'in']),
    step('wv', 'W_V', 'stored [out, in]; applied as x W_V^T', wv, ['out', 'in']),
    step('q', 'Queries', 'Q = x W_Q^T', q, tokenDim),
    step('k', 'Keys', 'K = x W_K^T', k, tokenDim),
    step('v', 'Values', 'V = x W_V^T', v, tokenDim),
    step('scores', 'Scores', 'Q K^T', scores, ['query', 'key']),
    step('masked', 'Masked scaled scores', `Q K^T / sqrt(${dK}) + causal mask`, masked, ['query', 'key']),
    step('weights', 'Attention weights', 'softmax over keys', weights, ['query', 'key']),
    step('context', 'Context', 'weights V', context, ['query', 'dim']),
    step('feedForward', 'Feed-forward on the context', 'max(0, c W_1^T + b_1) W_2^T + b_2', ffn, tokenDim),
  ];
  return {
    tokens,
    dK,
    embeddings,
    positionalEncoding,
    x,
    wq,
    wk,
    wv,
    q,
    k,
    v,
    scores,
    masked,
    weights,
    context,
    feedForward: ffn,
    steps,
  };
}
