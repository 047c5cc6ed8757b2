/**
 * Summary statistics of one attention head, averaged over its query rows (and the batch): plain numbers for
 * plots. Structurally `@attn/viz`'s `HeadStatRecord`, so `headStats(records)` there draws them.
 */
export interface HeadStatRecord {
  /** The layer, when heads come from several layers (set by the `layer` option). */
  layer?: number;
  /** The head's index within its layer. */
  head: number;
  /** Mean entropy -sum_j w_ij ln w_ij of the rows, in nats: 0 = all weight on one key, ln(Tk) = uniform. */
  entropy: number;
  /** Mean over rows of the largest weight. */
  maxWeight: number;
  /** Mean over rows of sum_j w_ij |p_i - j|: how far from itself the head looks, in tokens. */
  meanDistance: number;
  /** Mean weight on key 0 (the "attention sink" many trained heads park weight on). */
  firstTokenWeight: number;
}
