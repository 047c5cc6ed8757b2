import { makeTensor, randn, type Tensor } from '@attn/tensor';
import { causalMask } from '../attention/causalMask.js';
import type { MultiHeadAttentionParams } from '../attention/MultiHeadAttentionParams.js';
import { multiHeadAttention } from '../attention/multiHeadAttention.js';
import { assertPositiveInteger } from '../internal/validate.js';
import { type FeedForwardParams, feedForward } from '../layers/feedForward.js';
import { residual } from '../layers/residual.js';
import { sinusoidalEncoding } from '../position/sinusoidalEncoding.js';
import { type SeedWeights, seedWeights } from './seedWeights.js';
import { lazyStep, step, type WalkthroughStep } from './WalkthroughStep.js';

/** Options of {@link seedWalkthrough} and {@link seedSingleHead}: the seed project's sizes by default. */
export interface SeedWalkthroughOptions {
  /** Seeds everything (embeddings: seed, attention weights: seed + 1, feed-forward weights: seed + 2). Default 42. */
  seed?: number;
  /** The number of toy tokens. Default 128. */
  tokens?: number;
  /** d_model. Default 512. */
  dModel?: number;
  /** H; d_k = d_model / H. Default 8. */
  numHeads?: number;
  /**
   * A walkthrough you are done with, of the same d_model and H (as NumPy's `out=`): when this call needs new
   * weights (another seed), it draws them into that walkthrough's attention weight tensors instead of new
   * memory. Afterwards neither it nor any other walkthrough with its seed and sizes may be read again. A live
   * page passes the result it is about to replace.
   */
  reuse?: SeedWalkthrough;
}

/** Every intermediate of {@link seedWalkthrough}, with the steps in order in `steps`. */
export interface SeedWalkthrough {
  tokens: number;
  dModel: number;
  numHeads: number;
  dK: number;
  /** Toy token embeddings, N(0, 1), `[tokens, dModel]`. */
  embeddings: Tensor;
  /** The sinusoidal encoding built for width dModel, `[tokens, dModel]`. */
  positionalEncoding: Tensor;
  /** embeddings + positionalEncoding, `[tokens, dModel]`. */
  x: Tensor;
  /**
   * The attention weights (PyTorch's layout and initialisation). Drawn once per seed and sizes and shared by
   * later calls with the same ones: read them, do not write to them.
   */
  attentionParams: MultiHeadAttentionParams;
  /** The feed-forward weights (d_model -> 4 d_model -> d_model), drawn when first read; shared like the above. */
  readonly feedForwardParams: FeedForwardParams;
  /** Per-head queries, keys and values, `[head, token, d_k]`. */
  q: Tensor;
  k: Tensor;
  v: Tensor;
  /** The causal mask (true = may attend), `[query, key]`. */
  causalMask: Tensor<'bool'>;
  /** Per-head Q K^T, scaled, masked and softmax-ed, `[head, query, key]`. */
  scores: Tensor;
  scaled: Tensor;
  masked: Tensor;
  weights: Tensor;
  /** Per-head weights V, `[head, query, d_k]`. */
  context: Tensor;
  /** The heads side by side, `[token, dModel]`. */
  concat: Tensor;
  /** Concat W_O^T + b_O, `[token, dModel]`. */
  output: Tensor;
  /** The feed-forward block on the attention output, `[token, dModel]`, computed when first read. */
  readonly feedForward: Tensor;
  /** Everything above, in the order it is computed. */
  steps: WalkthroughStep[];
}

/**
 * The seed project's walkthrough done right: multi-head causal self-attention over toy embeddings, every
 * intermediate returned with its shape. Compared with the seed: a positional encoding built for the width it
 * is added to, a real split into H heads with concatenation and an output projection W_O, a causal mask that can
 * never give NaN, and the feed-forward block in inference mode (no dropout).
 *
 * Built for live pages: the weights depend on the seed and the sizes only, so they are drawn once and reused
 * by later calls with the same ones (a new sequence length draws nothing), and the feed-forward block, most of
 * the work at the seed's sizes (8 MB of weights), is computed when `feedForward` (or its step) is first read.
 *
 * Shapes: with the defaults, x `[128, 512]`, per-head tensors `[8, 128, 64]` and `[8, 128, 128]`, the rest
 * `[128, 512]`.
 *
 * @example
 * import { seedWalkthrough } from '@attn/attention';
 * const w = seedWalkthrough();            // seed 42, 128 tokens, d_model 512, 8 heads
 * w.steps.map((s) => `${s.title} ${s.shape}`);
 */
export function seedWalkthrough(options: SeedWalkthroughOptions = {}): SeedWalkthrough {
  const { seed, tokens, dModel, numHeads } = readOptions('seedWalkthrough', options);
  const dK = dModel / numHeads;
  const embeddings = randn([tokens, dModel], { seed });
  const positionalEncoding = sinusoidalEncoding(tokens, dModel);
  const x = residual(embeddings, positionalEncoding);
  const reuse = options.reuse === undefined ? undefined : weightsOf.get(options.reuse);
  if (options.reuse !== undefined && reuse === undefined) {
    throw new TypeError('seedWalkthrough: reuse must be a walkthrough returned by seedWalkthrough');
  }
  const weights = seedWeights(seed, dModel, numHeads, reuse);
  const mha = multiHeadAttention(x, x, x, weights.attention, { causal: true, trace: true });
  let ffn: Tensor | undefined;
  const feedForwardOutput = (): Tensor => {
    ffn ??= feedForward(mha.output, weights.feedForward(), 'relu');
    return ffn;
  };

  // The trace has a batch axis of 1 (unbatched input): drop it for the per-head views.
  const t = mha.trace;
  const dropBatch = (a: Tensor) => makeTensor(a.dtype, a.data, a.shape.slice(1), a.strides.slice(1), a.offset);
  const a = t.attention;
  const q = dropBatch(t.q);
  const k = dropBatch(t.k);
  const v = dropBatch(t.v);
  const mask = causalMask(tokens, tokens);
  const scores = dropBatch(a.scores);
  const scaled = dropBatch(a.scaled);
  const masked = dropBatch(a.masked);
  const attentionWeights = dropBatch(a.weights);
  const context = dropBatch(a.output);
  const concat = dropBatch(t.concat);
  const output = mha.output;
  const tokenDim = ['token', 'dim'];
  const headTokenDim = ['head', 'token', 'dim'];
  const headQueryKey = ['head', 'query', 'key'];
  const steps = [
    step('embeddings', 'Toy embeddings', 'E ~ N(0, 1)', embeddings, tokenDim),
    step(
      'positionalEncoding',
      'Positional encoding',
      'PE(pos, 2i) = sin(pos/10000^(2i/d_model)), PE(pos, 2i+1) = cos(...)',
      positionalEncoding,
      ['position', 'dim'],
    ),
    step('x', 'Input x', 'x = E + PE', x, tokenDim),
    step('q', 'Queries per head', 'Q_h = x W_Q,h^T + b_Q,h', q, headTokenDim),
    step('k', 'Keys per head', 'K_h = x W_K,h^T + b_K,h', k, headTokenDim),
    step('v', 'Values per head', 'V_h = x W_V,h^T + b_V,h', v, headTokenDim),
    step('causalMask', 'Causal mask', 'may attend where key <= query', mask, ['query', 'key']),
    step('scores', 'Scores', 'Q_h K_h^T', scores, headQueryKey),
    step('scaled', 'Scaled scores', `Q_h K_h^T / sqrt(d_k), d_k = ${dK}`, scaled, headQueryKey),
    step('masked', 'Masked scores', '-Infinity where the mask is false', masked, headQueryKey),
    step('weights', 'Attention weights', 'softmax over keys', attentionWeights, headQueryKey),
    step('context', 'Context per head', 'head_h = weights_h V_h', context, ['head', 'query', 'dim']),
    step('concat', 'Concatenated heads', 'Concat(head_1, ..., head_H)', concat, tokenDim),
    step('output', 'Output projection', 'Concat W_O^T + b_O', output, tokenDim),
    lazyStep(
      'feedForward',
      'Feed-forward',
      'max(0, y W_1^T + b_1) W_2^T + b_2',
      [tokens, dModel],
      tokenDim,
      feedForwardOutput,
    ),
  ];
  // Getters, not a spread: a spread would read them, and compute the feed-forward block nobody asked for.
  const result: SeedWalkthrough = {
    tokens,
    dModel,
    numHeads,
    dK,
    embeddings,
    positionalEncoding,
    x,
    attentionParams: weights.attention,
    get feedForwardParams() {
      return weights.feedForward();
    },
    q,
    k,
    v,
    causalMask: mask,
    scores,
    scaled,
    masked,
    weights: attentionWeights,
    context,
    concat,
    output,
    get feedForward() {
      return feedForwardOutput();
    },
    steps,
  };
  weightsOf.set(result, weights);
  return result;
}

/** The weights each walkthrough was computed with, for `reuse`. */
const weightsOf = new WeakMap<SeedWalkthrough, SeedWeights>();

/** Checks and fills in the walkthrough options. Internal. */
export function readOptions(
  fn: string,
  options: SeedWalkthroughOptions,
): Required<Omit<SeedWalkthroughOptions, 'reuse'>> {
  const seed = options.seed ?? 42;
  const tokens = options.tokens ?? 128;
  const dModel = options.dModel ?? 512;
  const numHeads = options.numHeads ?? 8;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 3) {
    // seed + 1 and seed + 2 seed the weights, and every seed must stay in [0, 2^32).
    throw new RangeError(`${fn}: seed must be an integer in [0, 2^32 - 3], got ${seed}`);
  }
  assertPositiveInteger(fn, 'tokens', tokens);
  assertPositiveInteger(fn, 'dModel', dModel);
  assertPositiveInteger(fn, 'numHeads', numHeads);
  if (dModel % numHeads !== 0) throw new RangeError(`${fn}: numHeads (${numHeads}) must divide dModel (${dModel})`);
  return { seed, tokens, dModel, numHeads };
}
