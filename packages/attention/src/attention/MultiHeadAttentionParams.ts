import type { Tensor } from '@attn/tensor';

/**
 * The weights of multi-head attention: plain tensors in PyTorch's layout (`[out, in]`), so weights exported from
 * `nn.MultiheadAttention` (e.g. as `.npy`) load unchanged. E is the embedding width, H = numHeads,
 * Hkv = numKvHeads, d = E / H the head width.
 *
 * Give the query/key/value projections either packed, as PyTorch does when kdim = vdim = E (`inProjWeight`
 * `[3E, E]`: rows 0..E-1 project queries, E..2E-1 keys, 2E..3E-1 values), or one by one (`qProjWeight` `[H*d, E]`,
 * `kProjWeight` `[Hkv*d, kdim]`, `vProjWeight` `[Hkv*d, vdim]`), as PyTorch does when kdim or vdim differ from
 * E and as grouped-query attention needs. Every bias is optional.
 */
export interface MultiHeadAttentionParams {
  /** H, the number of query heads; must divide E. */
  numHeads: number;
  /** Hkv, the number of key/value heads (grouped-query attention; 1 = multi-query); divides H. Default H. */
  numKvHeads?: number;
  /** PyTorch's packed `in_proj_weight`, `[3E, E]` (only when Hkv = H and kdim = vdim = E). */
  inProjWeight?: Tensor;
  /** PyTorch's packed `in_proj_bias`, `[3E]` (only when Hkv = H). */
  inProjBias?: Tensor;
  /** W_Q, `[H*d, E]` (PyTorch's `q_proj_weight`). */
  qProjWeight?: Tensor;
  /** W_K, `[Hkv*d, kdim]` (PyTorch's `k_proj_weight`). */
  kProjWeight?: Tensor;
  /** W_V, `[Hkv*d, vdim]` (PyTorch's `v_proj_weight`). */
  vProjWeight?: Tensor;
  /** b_Q, `[H*d]`. */
  qProjBias?: Tensor;
  /** b_K, `[Hkv*d]`. */
  kProjBias?: Tensor;
  /** b_V, `[Hkv*d]`. */
  vProjBias?: Tensor;
  /** W_O, `[E, H*d]` (PyTorch's `out_proj.weight`). */
  outProjWeight: Tensor;
  /** b_O, `[E]` (PyTorch's `out_proj.bias`). */
  outProjBias?: Tensor;
}
