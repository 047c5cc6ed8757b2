/**
 * Summary statistics of one attention head, as `@attn/attention` computes them (mirrored structurally here).
 */
export interface HeadStatRecord {
  /** The layer, when heads come from several layers. */
  layer?: number;
  /** The head's index within its layer. */
  head: number;
  /** Mean entropy (nats) of the head's attention rows: low = focused, high = spread out. */
  entropy: number;
  /** Mean over queries of the largest weight in the row. */
  maxWeight: number;
  /** Mean over queries of sum_j w_ij |i - j|: how far the head looks. */
  meanDistance: number;
  /** Mean weight on the first token (attention sinks). */
  firstTokenWeight: number;
}
