/**
 * A type test, checked by `pnpm typecheck` (vue-tsc over this app, which includes `test/`): `@attn/viz` declares
 * the attention trace structurally, because it never imports `@attn/attention` (layers point down), and this
 * file proves the two declarations agree. It compiles only while a trace from `@attn/attention` can be handed to
 * a chart of `@attn/viz` and back, and both declare the same fields; any drift fails the typecheck.
 */
import type { AttentionTrace as ProducedTrace } from '@attn/attention';
import type { AttentionTrace as DrawnTrace } from '@attn/viz';

/** `true` when A and B are the same type, `false` otherwise (optional and readonly modifiers included). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** What `scaledDotProductAttention(..., { trace: true })` returns is what `attentionStages` and friends draw. */
export const vizDrawsWhatAttentionReturns = (trace: ProducedTrace): DrawnTrace => trace;

/** And the other way round: nothing viz requires is missing from, or typed differently in, attention's trace. */
export const attentionReturnsWhatVizDraws = (trace: DrawnTrace): ProducedTrace => trace;

/** The same field names: a field added on one side only (even an optional one) must be mirrored on the other. */
export const sameFields: Same<keyof ProducedTrace, keyof DrawnTrace> = true;

/** Field by field, the same types. */
export const sameFieldTypes: { [K in keyof ProducedTrace & keyof DrawnTrace]: Same<ProducedTrace[K], DrawnTrace[K]> } =
  {
    scale: true,
    scores: true,
    scaled: true,
    mask: true,
    masked: true,
    weights: true,
    output: true,
    fullyMasked: true,
  };
