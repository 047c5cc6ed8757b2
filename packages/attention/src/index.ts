/**
 * @attn/attention: scaled dot-product and multi-head attention, every stage inspectable, checked against a
 * float64 reference and PyTorch's semantics.
 * @packageDocumentation
 */
export type { AttentionTrace, MultiHeadTrace } from './attention/AttentionTrace.js';
export { type CausalAlignment, causalMask } from './attention/causalMask.js';
export { type SinusoidalEncodingOptions, sinusoidalEncoding } from './position/sinusoidalEncoding.js';
