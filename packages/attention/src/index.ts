/**
 * @attn/attention: scaled dot-product and multi-head attention, every stage inspectable, checked against a
 * float64 reference and PyTorch's semantics.
 * @packageDocumentation
 */
export type { AttentionTrace, MultiHeadTrace } from './attention/AttentionTrace.js';
export { type CausalAlignment, causalMask } from './attention/causalMask.js';
export type { MultiHeadAttentionParams } from './attention/MultiHeadAttentionParams.js';
export {
  type MultiHeadAttentionOptions,
  type MultiHeadAttentionResult,
  multiHeadAttention,
} from './attention/multiHeadAttention.js';
export {
  type AttentionResult,
  type ScaledDotProductAttentionOptions,
  scaledDotProductAttention,
} from './attention/scaledDotProductAttention.js';
export { fans } from './init/fans.js';
export type { InitOptions } from './init/InitOptions.js';
export { type InitFeedForwardOptions, initFeedForward } from './init/initFeedForward.js';
export { type InitLinearOptions, initLinear, type LinearParams } from './init/initLinear.js';
export { type InitMultiHeadAttentionOptions, initMultiHeadAttention } from './init/initMultiHeadAttention.js';
export { xavierNormal } from './init/xavierNormal.js';
export { type XavierOptions, xavierUniform } from './init/xavierUniform.js';
export { type Activation, type FeedForwardParams, feedForward } from './layers/feedForward.js';
export { gelu } from './layers/gelu.js';
export { type LayerNormOptions, layerNorm } from './layers/layerNorm.js';
export { linear } from './layers/linear.js';
export { relu } from './layers/relu.js';
export { residual } from './layers/residual.js';
export { type SinusoidalEncodingOptions, sinusoidalEncoding } from './position/sinusoidalEncoding.js';
export { type SeedSingleHead, seedSingleHead } from './walkthrough/seedSingleHead.js';
export { type SeedWalkthrough, type SeedWalkthroughOptions, seedWalkthrough } from './walkthrough/seedWalkthrough.js';
export type { WalkthroughStep } from './walkthrough/WalkthroughStep.js';

// H1: positions, cache, online softmax, statistics

export {
  type CachedAttentionOptions,
  type CachedAttentionResult,
  cachedAttention,
} from './cache/cachedAttention.js';
export { createKVCache, type KVCacheOptions } from './cache/createKVCache.js';
export type { KVCache } from './cache/KVCache.js';
export { type KVCacheBytes, kvCacheBytes } from './cache/kvCacheBytes.js';
export { kvCacheTensors } from './cache/kvCacheTensors.js';
// H2: fast path
export type { FlashBlockState, FlashTrace } from './flash/FlashTrace.js';
export {
  type FlashAttentionOptions,
  type FlashAttentionResult,
  flashAttention,
} from './flash/flashAttention.js';
export { type AlibiBiasOptions, alibiBias } from './position/alibiBias.js';
export { alibiSlopes } from './position/alibiSlopes.js';
export { applyRope } from './position/applyRope.js';
export { learnedPositions } from './position/learnedPositions.js';
export type { RopeLayout, RopeOptions } from './position/RopeOptions.js';
export { ropeAngles } from './position/ropeAngles.js';
export { ropeFrequencies } from './position/ropeFrequencies.js';
export { type RopePair, ropePair } from './position/ropePair.js';
export type { SinusoidalLayout } from './position/sinusoidalEncoding.js';
export type { HeadStatRecord } from './stats/HeadStatRecord.js';
export {
  type HeadSimilarityMetric,
  type HeadSimilarityOptions,
  headSimilarity,
} from './stats/headSimilarity.js';
export { type HeadStatisticsOptions, headStatistics } from './stats/headStatistics.js';
export { type RowStatistics, type RowStatisticsOptions, rowStatistics } from './stats/rowStatistics.js';
