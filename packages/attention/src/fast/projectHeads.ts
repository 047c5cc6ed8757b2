import { makeTensor, type Tensor } from '@attn/tensor';
import { projectRows } from './projectRows.js';
import { scratch } from './scratch.js';

/** The float32 weights of the three input projections, `[out, in]` each, and their optional biases. */
export interface InputProjections {
  wq: Tensor;
  wk: Tensor;
  wv: Tensor;
  bq?: Tensor;
  bk?: Tensor;
  bv?: Tensor;
}

/** True when `b` is the `[rows, ...]` block right after `a` in the same data (rows of one packed matrix). */
function follows(a: Tensor | undefined, b: Tensor | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.data === b.data && a.strides.join() === b.strides.join() && b.offset === a.offset + a.shape[0] * a.strides[0]
  );
}

/**
 * Projects float32 query, key and value `[B, T, width]` into heads for the fast path: split-head views
 * `[B, H, T, d]` (k and v with Hkv heads) over one workspace, reused between calls. Self-attention with PyTorch's
 * packed `in_proj_weight` is one gemm, X [B*T, E] times W_in^T [E, 3E], into rows of Q | K | V side by side;
 * otherwise three gemms. The views are valid until the next call. Internal: shapes are checked.
 */
export function projectHeads(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  w: InputProjections,
  heads: number,
  kvHeads: number,
): { q: Tensor; k: Tensor; v: Tensor } {
  const [b, tq] = query.shape;
  const tk = key.shape[1];
  const e = w.wq.shape[0];
  const kvWidth = w.wk.shape[0];
  const d = e / heads;
  const packed = query === key && key === value && follows(w.wq, w.wk) && follows(w.wk, w.wv);
  const packedBias = follows(w.bq, w.bk) && follows(w.bk, w.bv);
  const need = b * tq * e + 2 * b * tk * kvWidth;
  const Y = scratch('projections', need);
  // Split-head view of rows with pitch `ld` starting at `offset`: [B, H, T, d], head h = columns h*d .. h*d + d - 1.
  const view = (t: number, h: number, ld: number, offset: number) =>
    makeTensor('float32', Y, [b, h, t, d], [t * ld, d, ld, 1], offset);
  if (packed && packedBias) {
    const width = e + 2 * kvWidth;
    const wAll = makeTensor('float32', w.wq.data as Float32Array, [width, w.wq.shape[1]], w.wq.strides, w.wq.offset);
    const bAll =
      w.bq === undefined
        ? undefined
        : makeTensor('float32', w.bq.data as Float32Array, [width], w.bq.strides, w.bq.offset);
    projectRows(query, wAll, bAll, Y, 0, width);
    return { q: view(tq, heads, width, 0), k: view(tk, kvHeads, width, e), v: view(tk, kvHeads, width, e + kvWidth) };
  }
  const atK = b * tq * e;
  const atV = atK + b * tk * kvWidth;
  projectRows(query, w.wq, w.bq, Y, 0, e);
  projectRows(key, w.wk, w.bk, Y, atK, kvWidth);
  projectRows(value, w.wv, w.bv, Y, atV, kvWidth);
  return { q: view(tq, heads, e, 0), k: view(tk, kvHeads, kvWidth, atK), v: view(tk, kvHeads, kvWidth, atV) };
}
