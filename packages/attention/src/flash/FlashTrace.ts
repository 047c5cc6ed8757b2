/**
 * The state of online-softmax attention after one key/value block, as plain numbers. `n` indexes the flattened
 * batch axes of the output (row-major over {@link FlashTrace.batchShape}: batch, then head), `i` the query, `c`
 * the value column.
 */
export interface FlashBlockState {
  /** The block's index b. */
  block: number;
  /** Its first key. */
  keyStart: number;
  /** One past its last key. */
  keyEnd: number;
  /** `[n][i]`: m_i, the largest score query i has met so far (-Infinity while it has met no key it may see). */
  runningMax: number[][];
  /** `[n][i]`: l_i = sum_j exp(s_ij - m_i) over the keys seen so far (0 while there are none). */
  runningSum: number[][];
  /**
   * `[n][i][c]`: the running output divided by l_i, i.e. attention over the keys seen so far (0 while l_i = 0).
   * After the last block it is the output.
   */
  partialOutput: number[][][];
}

/** What `flashAttention` returns with `trace: true`: the state after every block, in order. */
export interface FlashTrace {
  /** Keys per block (the last block may be shorter). */
  blockSize: number;
  /** The output's batch axes (everything but the last two), which `n` in each block state flattens. */
  batchShape: number[];
  /** One state per key block, in the order they were processed. */
  blocks: FlashBlockState[];
}
