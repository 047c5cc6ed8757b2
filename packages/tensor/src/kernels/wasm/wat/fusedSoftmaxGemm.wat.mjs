// The fused "softmax of a product, times a matrix" kernel of the WebAssembly SIMD set, as WebAssembly text (WAT).
// Kernel SOURCE, read by scripts/build-wasm.mjs at build time.
//
//   Y = softmax_rows(alpha * A B^T + bias, row i limited to columns j <= i + diagonal) C
//
// with A M x K, B N x K, C N x P, Y M x P, computed without ever holding the M x N matrix: rows go through in
// blocks of QB = 8, columns (rows of B and C) in blocks of `kb`, and each row block keeps a running max m, a
// running sum l and an unnormalised output O (the "online softmax" of Milakov & Gimelshein, 2018, as blocked by
// FlashAttention, Dao et al., 2022). Per column block:
//
//   S^T = B_blk A_blk^T                   kb x 8, computed as 4 x 8 tiles: one f32x4 lane per row of A, so
//                                         every softmax step below is vertical (no horizontal max or sum)
//   S = alpha S + bias, hide j > i + diagonal (-Infinity)
//   m' = max(m, max_j S), u = m' (0 where m' = -Infinity: a row that sees nothing yet)
//   P = exp(S - u), corr = exp(m - u), l = corr l + sum_j P
//   O = corr O + P C_blk                  8 x P, as 4 x 8 tiles whose accumulators start from corr O
//
// and at the end Y = O / l (zeros where l = 0: a row that may see no column). Column blocks past the last column
// any row of the block may see are never computed: a causal limit halves the work.
//
// The caller lays everything out in this module's memory: A (M x K, pitch K), B (N x K, pitch K), C (N x Pp,
// pitch Pp = P rounded up to 8, padding columns zero), the optional bias TRANSPOSED (N x Mp, Mp = M rounded up to
// 8, so the 8 rows of a block are one vector pair), Y (M rounded up to 8 rows of Pp) and a work area.

import { expConstants, expInline, expLocals, expSumLoop } from './exp.wat.mjs';
import { acrossLanes } from './lanes.wat.mjs';
import { transposeLocals, transposeWat } from './transpose.wat.mjs';

/** Rows of A per block: two f32x4 vectors, the columns of the 4 x 8 score tile. */
export const FUSED_ROWS = 8;

/**
 * Calls with fewer rows than this take the row path ($fsgRow, lanes over keys): one query per head, a decoding
 * step, would otherwise fill one lane in eight of the blocked path.
 */
export const ROW_PATH_BELOW = 4;

const range = (n) => Array.from({ length: n }, (_, i) => i);

/** The WAT functions of the fused kernel. */
export function fusedSoftmaxGemmWat() {
  const acc = range(4)
    .flatMap((i) => range(2).map((v) => `(local $c${i}${v} v128)`))
    .join(' ');
  /** The 8 multiply-adds of one depth step: accumulator row i uses the splat of lane i of A. */
  const fma = (offsets) =>
    range(4)
      .map(
        (i) => `(local.set $a (v128.load32_splat offset=${offsets + 4 * i} (local.get $pa)))
      (local.set $c${i}0 (f32x4.add (local.get $c${i}0) (f32x4.mul (local.get $a) (local.get $b0))))
      (local.set $c${i}1 (f32x4.add (local.get $c${i}1) (f32x4.mul (local.get $a) (local.get $b1))))`,
      )
      .join('\n      ');
  // One depth step of each tile. The loops run two steps per iteration with an exit test between them (the gemm
  // micro-kernel's trick, see sgemm.wat.mjs): two basic blocks, so TurboFan cannot hoist the second step's loads
  // above the first step's arithmetic and spill, and the loop overhead is halved.
  const scoreStep = `(local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      ${fma(0)}
      (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
      (local.set $pb (i32.add (local.get $pb) (i32.const 32)))`;
  const valueStep = `(local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      ${fma(0)}
      (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))`;
  const zero = range(4)
    .flatMap((i) => range(2).map((v) => `(local.set $c${i}${v} (v128.const i32x4 0 0 0 0))`))
    .join('\n    ');

  /**
   * The row path's value step for one key: its weight (at $ps + `offset` bytes) times 8 columns of its row of C (at
   * $pc), added into the accumulators `u` and `v`; $pc moves to the next key's row.
   */
  const keyStep = (offset, u, v) => `(local.set $a (v128.load32_splat offset=${offset} (local.get $ps)))
          (local.set $${u} (f32x4.add (local.get $${u}) (f32x4.mul (local.get $a) (v128.load (local.get $pc)))))
          (local.set $${v} (f32x4.add (local.get $${v}) (f32x4.mul (local.get $a) (v128.load offset=16 (local.get $pc)))))
          (local.set $pc (i32.add (local.get $pc) (local.get $ppB)))`;

  /** Final scaling of row q of the block (lane q % 4 of l's vector q >> 2): Y row = O row / l, or zeros. */
  const finish = range(FUSED_ROWS)
    .map((q) => {
      const lane = `(f32x4.extract_lane ${q % 4} (local.get $l${q >> 2}))`;
      return `
        (if (i32.lt_u (i32.const ${q}) (local.get $rows)) (then
          (local.set $p (i32.add (local.get $o) (i32.mul (i32.const ${q}) (local.get $ppB))))
          (local.set $end (i32.add (local.get $p) (local.get $ppB)))
          (if (f32.eq ${lane} (f32.const 0))
            (then (memory.fill (local.get $p) (i32.const 0) (local.get $ppB)))
            (else
              (local.set $x0 (f32x4.splat (f32.div (f32.const 1) ${lane})))
              (loop $scale${q}
                (v128.store (local.get $p) (f32x4.mul (v128.load (local.get $p)) (local.get $x0)))
                (br_if $scale${q} (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 16))) (local.get $end))))))))`;
    })
    .join('');

  return `
  ;; ---------------------------------------------------------------------------------------------------------
  ;; Fused softmax-gemm: packs B into panels of 4 rows: dst[p][k][i] = B[4p + i][k], rows past N zero. Whole panels
  ;; go 4 depths at a time: 4 row vectors in, transposed in registers, 4 depth vectors out (keys are stored
  ;; row-major, the panel wants them column by column); the last K mod 4 depths and a partial panel, one at a time.
  (func $fsgPackB (param $N i32) (param $K i32) (param $b i32) (param $dst i32)
    (local $r i32) (local $k i32) (local $i i32) (local $src i32) (local $pitch i32) (local $kq i32)
    ${transposeLocals(4)}
    (local.set $pitch (i32.shl (local.get $K) (i32.const 2)))
    (block $done (loop $panels
      (br_if $done (i32.ge_u (local.get $r) (local.get $N)))
      (local.set $k (i32.const 0))
      (if (i32.le_u (i32.add (local.get $r) (i32.const 4)) (local.get $N)) (then
        (local.set $kq (i32.and (local.get $K) (i32.const -4)))
        (block $quadsDone
          (br_if $quadsDone (i32.eqz (local.get $kq)))
          (loop $quads
            (local.set $src (i32.add (i32.add (local.get $b) (i32.mul (local.get $r) (local.get $pitch)))
              (i32.shl (local.get $k) (i32.const 2))))
            ${transposeWat({
              lanes: 4,
              load: (i) => `(v128.load (i32.add (local.get $src) (i32.mul (i32.const ${i}) (local.get $pitch))))`,
              store: (r, value) => `(v128.store offset=${16 * r} (local.get $dst) ${value})`,
            }).join('\n            ')}
            (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
            (br_if $quads (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 4))) (local.get $kq)))))))
      (if (i32.lt_u (local.get $k) (local.get $K)) (then
      (loop $depth
        (local.set $src (i32.add (i32.add (local.get $b) (i32.mul (local.get $r) (local.get $pitch)))
          (i32.shl (local.get $k) (i32.const 2))))
        (local.set $i (i32.const 0))
        (loop $lanes
          (f32.store (local.get $dst)
            (if (result f32) (i32.lt_u (i32.add (local.get $r) (local.get $i)) (local.get $N))
              (then (f32.load (local.get $src)))
              (else (f32.const 0))))
          (local.set $src (i32.add (local.get $src) (local.get $pitch)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
          (br_if $lanes (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 4))))
        (br_if $depth (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $K))))))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $panels))))

  ;; Packs $rows (<= 8) rows of A (pitch K floats, from byte address $a) transposed: dst[k][q] = A[q][k], q >= $rows zero.
  (func $fsgPackRows (param $rows i32) (param $K i32) (param $a i32) (param $dst i32)
    (local $k i32) (local $q i32) (local $src i32) (local $pitch i32)
    (local.set $pitch (i32.shl (local.get $K) (i32.const 2)))
    (loop $depth
      (local.set $src (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $q (i32.const 0))
      (loop $lanes
        (f32.store (local.get $dst)
          (if (result f32) (i32.lt_u (local.get $q) (local.get $rows))
            (then (f32.load (local.get $src)))
            (else (f32.const 0))))
        (local.set $src (i32.add (local.get $src) (local.get $pitch)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br_if $lanes (i32.lt_u (local.tee $q (i32.add (local.get $q) (i32.const 1))) (i32.const ${FUSED_ROWS}))))
      (br_if $depth (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $K)))))

  ;; Scores tile: the 4 x 8 block (4 rows of B, 8 rows of A) = B panel (at $pa, $kc steps of 4 floats) times
  ;; packed A^T (at $pb, $kc steps of 8 floats), stored as 4 rows of 8 floats from $c. The gemm micro-kernel's
  ;; shape: 8 accumulators, 2 vectors of A^T and one splat of B live, no spill.
  (func $fsgScoreTile (param $kc i32) (param $pa i32) (param $pb i32) (param $c i32)
    (local $a v128) (local $b0 v128) (local $b1 v128) ${acc}
    ${zero}
    (block $done
    (loop $depth
      ${scoreStep}
      (br_if $done (i32.eqz (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
      ${scoreStep}
      (br_if $depth (local.tee $kc (i32.sub (local.get $kc) (i32.const 1))))))
    ${range(4)
      .flatMap((i) =>
        range(2).map((v) => `(v128.store offset=${32 * i + 16 * v} (local.get $c) (local.get $c${i}${v}))`),
      )
      .join('\n    ')})

  ;; Values tile: the 4 x 8 block of O at $o (row pitch $ldo bytes) += P^T rows (at $pa: $n steps of 8 floats,
  ;; lanes 0..3 used) times C rows (at $pb: $n steps of $ldb bytes, 8 floats each). With $rescale the accumulators
  ;; start from O row i times corr[i] (floats at $corr), else from zero.
  (func $fsgValueTile (param $n i32) (param $pa i32) (param $pb i32) (param $ldb i32) (param $o i32) (param $ldo i32)
                      (param $rescale i32) (param $corr i32)
    (local $a v128) (local $b0 v128) (local $b1 v128) ${acc} (local $row i32)
    (if (local.get $rescale)
      (then
        (local.set $row (local.get $o))
        ${range(4)
          .map(
            (i) => `(local.set $a (v128.load32_splat offset=${4 * i} (local.get $corr)))
        (local.set $c${i}0 (f32x4.mul (v128.load (local.get $row)) (local.get $a)))
        (local.set $c${i}1 (f32x4.mul (v128.load offset=16 (local.get $row)) (local.get $a)))
        (local.set $row (i32.add (local.get $row) (local.get $ldo)))`,
          )
          .join('\n        ')})
      (else
    ${zero}))
    (block $done
    (loop $depth
      ${valueStep}
      (br_if $done (i32.eqz (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
      ${valueStep}
      (br_if $depth (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
    (local.set $row (local.get $o))
    ${range(4)
      .map(
        (i) => `(v128.store (local.get $row) (local.get $c${i}0))
    (v128.store offset=16 (local.get $row) (local.get $c${i}1))
    (local.set $row (i32.add (local.get $row) (local.get $ldo)))`,
      )
      .join('\n    ')})

  ;; One query row, for calls with fewer than 4 rows (a decoding step attends with one query per head): the blocked
  ;; path below computes 8 rows per block and would throw 7 of them away. Here the SIMD lanes run over keys instead:
  ;; s[j] = alpha <q, B_j> (+ bias) for the visible j <= $jlast, 4 keys per vector from the packed panels of B (4
  ;; panels, 16 keys, at a time, so four accumulator chains overlap); then the plain two-pass softmax over the row
  ;; (the N scores fit the work area, so no online rescaling); then y = sum_j p_j C_j / l, 8 columns at a time,
  ;; two keys per step in separate accumulators. $q: the row of A; $bias: its first bias element (0 = none; one
  ;; column of the transposed bias is $mpB bytes on); $s: N rounded up to 4 floats of scratch; $y: the row of Y.
  (func $fsgRow (param $K i32) (param $Pp i32) (param $alpha f32) (param $q i32) (param $bp i32) (param $c i32)
                (param $bias i32) (param $mpB i32) (param $jlast i32) (param $s i32) (param $y i32)
    (local $ppB i32) (local $panels i32) (local $p i32) (local $k i32) (local $pk i32) (local $pq i32) (local $pb i32)
    (local $j i32) (local $col i32) (local $end i32) (local $pc i32) (local $ps i32) (local $mx f32) (local $l f32)
    (local $a v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $m v128) (local $sum v128)
    (local $va v128) (local $ninf v128) (local $jv v128) (local $lim v128) (local $x0 v128) (local $y0 v128)
    ${expLocals('e')}
    ${expConstants('e')}
    (local.set $ppB (i32.shl (local.get $Pp) (i32.const 2)))
    (if (i32.lt_s (local.get $jlast) (i32.const 0)) (then
      (memory.fill (local.get $y) (i32.const 0) (local.get $ppB))
      (return)))
    (local.set $panels (i32.shr_u (i32.add (local.get $jlast) (i32.const 4)) (i32.const 2)))
    (local.set $pk (i32.shl (local.get $K) (i32.const 4)))
    (local.set $va (f32x4.splat (local.get $alpha)))
    (local.set $ninf (f32x4.splat (f32.const -inf)))
    (local.set $m (local.get $ninf))
    (local.set $lim (i32x4.splat (local.get $jlast)))
    ;; raw scores, four panels at a time
    (block $groupsDone
      (loop $groups
        (br_if $groupsDone (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $panels)))
        (local.set $s0 (v128.const i32x4 0 0 0 0))
        (local.set $s1 (v128.const i32x4 0 0 0 0))
        (local.set $s2 (v128.const i32x4 0 0 0 0))
        (local.set $s3 (v128.const i32x4 0 0 0 0))
        (local.set $pq (local.get $q))
        (local.set $pb (i32.add (local.get $bp) (i32.mul (local.get $p) (local.get $pk))))
        (local.set $k (local.get $K))
        (loop $depth
          (local.set $a (v128.load32_splat (local.get $pq)))
          (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $a) (v128.load (local.get $pb)))))
          (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $a) (v128.load (i32.add (local.get $pb) (local.get $pk))))))
          (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $a)
            (v128.load (i32.add (local.get $pb) (i32.shl (local.get $pk) (i32.const 1)))))))
          (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $a)
            (v128.load (i32.add (local.get $pb) (i32.mul (local.get $pk) (i32.const 3)))))))
          (local.set $pq (i32.add (local.get $pq) (i32.const 4)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
          (br_if $depth (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
        (local.set $ps (i32.add (local.get $s) (i32.shl (local.get $p) (i32.const 4))))
        (v128.store (local.get $ps) (local.get $s0))
        (v128.store offset=16 (local.get $ps) (local.get $s1))
        (v128.store offset=32 (local.get $ps) (local.get $s2))
        (v128.store offset=48 (local.get $ps) (local.get $s3))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $groups)))
    ;; the remaining panels, one at a time
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_u (local.get $p) (local.get $panels)))
        (local.set $s0 (v128.const i32x4 0 0 0 0))
        (local.set $pq (local.get $q))
        (local.set $pb (i32.add (local.get $bp) (i32.mul (local.get $p) (local.get $pk))))
        (local.set $k (local.get $K))
        (loop $depth1
          (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load32_splat (local.get $pq)) (v128.load (local.get $pb)))))
          (local.set $pq (i32.add (local.get $pq) (i32.const 4)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
          (br_if $depth1 (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
        (v128.store (i32.add (local.get $s) (i32.shl (local.get $p) (i32.const 4))) (local.get $s0))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $rest)))
    ;; scale, bias, the limit; the row's max
    (local.set $end (i32.add (local.get $s) (i32.shl (local.get $panels) (i32.const 4))))
    (local.set $ps (local.get $s))
    (local.set $jv (v128.const i32x4 0 1 2 3))
    (local.set $pb (local.get $bias))
    (loop $mask
      (local.set $s0 (f32x4.mul (v128.load (local.get $ps)) (local.get $va)))
      (if (local.get $bias) (then
        ;; one column of the transposed bias per key: four scalar loads (the bias is [N, Mp], rows far apart)
        (local.set $x0 (f32x4.replace_lane 0 (local.get $x0) (f32.load (local.get $pb))))
        (local.set $x0 (f32x4.replace_lane 1 (local.get $x0) (f32.load (i32.add (local.get $pb) (local.get $mpB)))))
        (local.set $x0 (f32x4.replace_lane 2 (local.get $x0)
          (f32.load (i32.add (local.get $pb) (i32.shl (local.get $mpB) (i32.const 1))))))
        (local.set $x0 (f32x4.replace_lane 3 (local.get $x0)
          (f32.load (i32.add (local.get $pb) (i32.mul (local.get $mpB) (i32.const 3))))))
        ;; -Infinity hides the key outright (a NaN score there must not leak), else the bias is added
        (local.set $s0 (v128.bitselect (local.get $ninf) (f32x4.add (local.get $s0) (local.get $x0))
          (f32x4.eq (local.get $x0) (local.get $ninf))))
        (local.set $pb (i32.add (local.get $pb) (i32.shl (local.get $mpB) (i32.const 2))))))
      (local.set $s0 (v128.bitselect (local.get $s0) (local.get $ninf) (i32x4.ge_s (local.get $lim) (local.get $jv))))
      (v128.store (local.get $ps) (local.get $s0))
      (local.set $m (f32x4.pmax (local.get $m) (local.get $s0)))
      (local.set $jv (i32x4.add (local.get $jv) (v128.const i32x4 4 4 4 4)))
      (br_if $mask (i32.lt_u (local.tee $ps (i32.add (local.get $ps) (i32.const 16))) (local.get $end))))
    (local.set $mx ${acrossLanes('max', 'm')})
    ;; every visible key hidden by the bias: a row of zeros, as the blocked path gives
    (if (f32.eq (local.get $mx) (f32.const -inf)) (then
      (memory.fill (local.get $y) (i32.const 0) (local.get $ppB))
      (return)))
    ;; p = exp(s - max), l = sum of p
    (local.set $m (f32x4.splat (local.get $mx)))
    (local.set $sum (v128.const i32x4 0 0 0 0))
    (local.set $ps (local.get $s))
    ${expSumLoop({ p: 'ps', end: 'end', m: 'm', sum: 'sum', x: 'x0', y: 'y0', t: 'e' })}
    (local.set $l ${acrossLanes('add', 'sum')})
    (local.set $va (f32x4.splat (f32.div (f32.const 1) (local.get $l))))
    ;; y = sum_j p_j C_j / l, 8 columns at a time: keys two by two in separate accumulators, then the odd last one
    (loop $cols
      (local.set $s0 (v128.const i32x4 0 0 0 0))
      (local.set $s1 (v128.const i32x4 0 0 0 0))
      (local.set $s2 (v128.const i32x4 0 0 0 0))
      (local.set $s3 (v128.const i32x4 0 0 0 0))
      (local.set $pc (i32.add (local.get $c) (i32.shl (local.get $col) (i32.const 2))))
      (local.set $ps (local.get $s))
      (local.set $j (i32.const 0))
      (block $pairsDone
        (loop $pairs
          (br_if $pairsDone (i32.gt_s (i32.add (local.get $j) (i32.const 1)) (local.get $jlast)))
          ${keyStep(0, 's0', 's1')}
          ${keyStep(4, 's2', 's3')}
          (local.set $ps (i32.add (local.get $ps) (i32.const 8)))
          (local.set $j (i32.add (local.get $j) (i32.const 2)))
          (br $pairs)))
      (block $lastDone
        (loop $last
          (br_if $lastDone (i32.gt_s (local.get $j) (local.get $jlast)))
          ${keyStep(0, 's0', 's1')}
          (local.set $ps (i32.add (local.get $ps) (i32.const 4)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $last)))
      (local.set $pc (i32.add (local.get $y) (i32.shl (local.get $col) (i32.const 2))))
      (v128.store (local.get $pc) (f32x4.mul (f32x4.add (local.get $s0) (local.get $s2)) (local.get $va)))
      (v128.store offset=16 (local.get $pc) (f32x4.mul (f32x4.add (local.get $s1) (local.get $s3)) (local.get $va)))
      (br_if $cols (i32.lt_u (local.tee $col (i32.add (local.get $col) (i32.const 8))) (local.get $Pp)))))

  ;; Y = softmax_rows(alpha A B^T + bias, row i limited to columns j <= i + $diag) C; see the top of this file.
  ;; Byte addresses: $a (M x K), $b (N x K), $c (N x Pp), $bias (0 = none, else N x Mp, transposed), $y (M
  ;; rounded up to 8 rows of Pp floats), $work (N rounded up to 4 times K + 8 K + max(8 $kb, N rounded up to 4)
  ;; + 8 floats).
  ;; K >= 1, N >= 1, M >= 1, Pp a multiple of 8, $kb a multiple of 4, $diag in [-M - 1, N].
  (func $fusedSoftmaxGemm (export "fusedSoftmaxGemm")
    (param $M i32) (param $N i32) (param $K i32) (param $Pp i32) (param $alpha f32)
    (param $a i32) (param $b i32) (param $c i32) (param $bias i32) (param $diag i32) (param $y i32)
    (param $work i32) (param $kb i32)
    (local $bp i32) (local $qt i32) (local $st i32) (local $corr i32) (local $ppB i32) (local $Mp i32)
    (local $i0 i32) (local $rows i32) (local $jmax i32) (local $j0 i32) (local $jn i32) (local $t i32)
    (local $p i32) (local $end i32) (local $o i32) (local $pbias i32) (local $col i32) (local $first i32)
    (local $va v128) (local $ninf v128) (local $lim0 v128) (local $lim1 v128) (local $jv v128)
    (local $m0 v128) (local $m1 v128) (local $l0 v128) (local $l1 v128) (local $n0 v128) (local $n1 v128)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $s0 v128) (local $s1 v128)
    ${expLocals('e')}
    ${expConstants('e')}
    (local.set $ppB (i32.shl (local.get $Pp) (i32.const 2)))
    (local.set $Mp (i32.and (i32.add (local.get $M) (i32.const 7)) (i32.const -8)))
    (local.set $bp (local.get $work))
    (local.set $qt (i32.add (local.get $bp)
      (i32.shl (i32.mul (i32.and (i32.add (local.get $N) (i32.const 3)) (i32.const -4)) (local.get $K)) (i32.const 2))))
    (local.set $st (i32.add (local.get $qt) (i32.shl (local.get $K) (i32.const 5))))
    ;; the score scratch: an 8 x kb block, or the N scores of one row on the row path, whichever is larger
    (local.set $corr (i32.add (local.get $st) (select (i32.shl (local.get $kb) (i32.const 5))
      (i32.shl (i32.and (i32.add (local.get $N) (i32.const 3)) (i32.const -4)) (i32.const 2))
      (i32.ge_u (i32.shl (local.get $kb) (i32.const 3)) (local.get $N)))))
    (local.set $va (f32x4.splat (local.get $alpha)))
    (local.set $ninf (f32x4.splat (f32.const -inf)))
    (call $fsgPackB (local.get $N) (local.get $K) (local.get $b) (local.get $bp))
    (if (i32.lt_u (local.get $M) (i32.const ${ROW_PATH_BELOW})) (then
      (loop $rows
        (call $fsgRow (local.get $K) (local.get $Pp) (local.get $alpha)
          (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i0) (local.get $K)) (i32.const 2)))
          (local.get $bp) (local.get $c)
          (select (i32.add (local.get $bias) (i32.shl (local.get $i0) (i32.const 2))) (i32.const 0) (local.get $bias))
          (i32.shl (local.get $Mp) (i32.const 2))
          (select (i32.sub (local.get $N) (i32.const 1)) (i32.add (local.get $i0) (local.get $diag))
            (i32.gt_s (i32.add (local.get $i0) (local.get $diag)) (i32.sub (local.get $N) (i32.const 1))))
          (local.get $st)
          (i32.add (local.get $y) (i32.mul (local.get $i0) (local.get $ppB))))
        (br_if $rows (i32.lt_u (local.tee $i0 (i32.add (local.get $i0) (i32.const 1))) (local.get $M))))
      (return)))
    (loop $blocks
      (local.set $rows (select (i32.const ${FUSED_ROWS}) (i32.sub (local.get $M) (local.get $i0))
        (i32.gt_u (i32.sub (local.get $M) (local.get $i0)) (i32.const ${FUSED_ROWS}))))
      (local.set $o (i32.add (local.get $y) (i32.mul (local.get $i0) (local.get $ppB))))
      ;; the last column any row of the block may see
      (local.set $jmax (i32.add (i32.add (local.get $i0) (i32.sub (local.get $rows) (i32.const 1))) (local.get $diag)))
      (if (i32.gt_s (local.get $jmax) (i32.sub (local.get $N) (i32.const 1)))
        (then (local.set $jmax (i32.sub (local.get $N) (i32.const 1)))))
      ;; per-lane limits: row i0 + q sees column j iff j <= i0 + q + diag
      (local.set $lim0 (i32x4.add (i32x4.splat (i32.add (local.get $i0) (local.get $diag))) (v128.const i32x4 0 1 2 3)))
      (local.set $lim1 (i32x4.add (local.get $lim0) (v128.const i32x4 4 4 4 4)))
      (local.set $m0 (local.get $ninf))
      (local.set $m1 (local.get $ninf))
      (local.set $l0 (v128.const i32x4 0 0 0 0))
      (local.set $l1 (v128.const i32x4 0 0 0 0))
      (local.set $first (i32.const 1))
      (call $fsgPackRows (local.get $rows) (local.get $K)
        (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i0) (local.get $K)) (i32.const 2))) (local.get $qt))
      (local.set $j0 (i32.const 0))
      (block $noColumns
        (br_if $noColumns (i32.lt_s (local.get $jmax) (i32.const 0)))
        (loop $columns
          (local.set $jn (select (local.get $kb) (i32.sub (i32.add (local.get $jmax) (i32.const 1)) (local.get $j0))
            (i32.gt_s (i32.sub (i32.add (local.get $jmax) (i32.const 1)) (local.get $j0)) (local.get $kb))))
          ;; S^T for columns j0 .. j0 + jn - 1, in 4 x 8 tiles
          (local.set $t (i32.const 0))
          (loop $tiles
            (call $fsgScoreTile (local.get $K)
              (i32.add (local.get $bp) (i32.shl (i32.mul (i32.add (local.get $j0) (local.get $t)) (local.get $K)) (i32.const 2)))
              (local.get $qt)
              (i32.add (local.get $st) (i32.shl (local.get $t) (i32.const 5))))
            (br_if $tiles (i32.lt_u (local.tee $t (i32.add (local.get $t) (i32.const 4))) (local.get $jn))))
          ;; pass 1: scale, bias, limits; the block's new max per row
          (local.set $n0 (local.get $m0))
          (local.set $n1 (local.get $m1))
          (local.set $p (local.get $st))
          (local.set $end (i32.add (local.get $st) (i32.shl (local.get $jn) (i32.const 5))))
          (local.set $jv (i32x4.splat (local.get $j0)))
          (local.set $pbias (i32.add (local.get $bias)
            (i32.shl (i32.add (i32.mul (local.get $j0) (local.get $Mp)) (local.get $i0)) (i32.const 2))))
          (loop $mask
            (local.set $s0 (f32x4.mul (v128.load (local.get $p)) (local.get $va)))
            (local.set $s1 (f32x4.mul (v128.load offset=16 (local.get $p)) (local.get $va)))
            (if (local.get $bias) (then
              ;; bias -Infinity hides the column outright (a NaN score there must not leak), else it is added
              (local.set $x0 (v128.load (local.get $pbias)))
              (local.set $x1 (v128.load offset=16 (local.get $pbias)))
              (local.set $s0 (v128.bitselect (local.get $ninf) (f32x4.add (local.get $s0) (local.get $x0))
                (f32x4.eq (local.get $x0) (local.get $ninf))))
              (local.set $s1 (v128.bitselect (local.get $ninf) (f32x4.add (local.get $s1) (local.get $x1))
                (f32x4.eq (local.get $x1) (local.get $ninf))))
              (local.set $pbias (i32.add (local.get $pbias) (i32.shl (local.get $Mp) (i32.const 2))))))
            (local.set $s0 (v128.bitselect (local.get $s0) (local.get $ninf) (i32x4.ge_s (local.get $lim0) (local.get $jv))))
            (local.set $s1 (v128.bitselect (local.get $s1) (local.get $ninf) (i32x4.ge_s (local.get $lim1) (local.get $jv))))
            (v128.store (local.get $p) (local.get $s0))
            (v128.store offset=16 (local.get $p) (local.get $s1))
            (local.set $n0 (f32x4.pmax (local.get $n0) (local.get $s0)))
            (local.set $n1 (f32x4.pmax (local.get $n1) (local.get $s1)))
            (local.set $jv (i32x4.add (local.get $jv) (v128.const i32x4 1 1 1 1)))
            (br_if $mask (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 32))) (local.get $end))))
          ;; u = the new max, or 0 for rows that still see nothing (so exp(-Infinity - u) = 0, never NaN)
          (local.set $n0 (v128.bitselect (v128.const i32x4 0 0 0 0) (local.get $n0) (f32x4.eq (local.get $n0) (local.get $ninf))))
          (local.set $n1 (v128.bitselect (v128.const i32x4 0 0 0 0) (local.get $n1) (f32x4.eq (local.get $n1) (local.get $ninf))))
          ;; corr = exp(m - u): how much the sums so far shrink under the new max
          (local.set $x0 (f32x4.sub (local.get $m0) (local.get $n0)))
          ${expInline('x0', 'y0', 'e')}
          (v128.store (local.get $corr) (local.get $y0))
          (local.set $l0 (f32x4.mul (local.get $l0) (local.get $y0)))
          (local.set $x0 (f32x4.sub (local.get $m1) (local.get $n1)))
          ${expInline('x0', 'y0', 'e')}
          (v128.store offset=16 (local.get $corr) (local.get $y0))
          (local.set $l1 (f32x4.mul (local.get $l1) (local.get $y0)))
          (local.set $m0 (local.get $n0))
          (local.set $m1 (local.get $n1))
          ;; pass 2: P = exp(S - u), l += sum of P
          (local.set $p (local.get $st))
          (loop $exp
            (local.set $x0 (f32x4.sub (v128.load (local.get $p)) (local.get $n0)))
            ${expInline('x0', 'y0', 'e')}
            (v128.store (local.get $p) (local.get $y0))
            (local.set $l0 (f32x4.add (local.get $l0) (local.get $y0)))
            (local.set $x0 (f32x4.sub (v128.load offset=16 (local.get $p)) (local.get $n1)))
            ${expInline('x0', 'y0', 'e')}
            (v128.store offset=16 (local.get $p) (local.get $y0))
            (local.set $l1 (f32x4.add (local.get $l1) (local.get $y0)))
            (br_if $exp (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 32))) (local.get $end))))
          ;; O = corr O + P C_blk, in 4 x 8 tiles (rows 4..7 only when the block has them)
          (local.set $col (i32.const 0))
          (loop $cols
            (call $fsgValueTile (local.get $jn) (local.get $st)
              (i32.add (local.get $c) (i32.add (i32.mul (local.get $j0) (local.get $ppB)) (i32.shl (local.get $col) (i32.const 2))))
              (local.get $ppB)
              (i32.add (local.get $o) (i32.shl (local.get $col) (i32.const 2)))
              (local.get $ppB) (i32.eqz (local.get $first)) (local.get $corr))
            (if (i32.gt_u (local.get $rows) (i32.const 4)) (then
              (call $fsgValueTile (local.get $jn) (i32.add (local.get $st) (i32.const 16))
                (i32.add (local.get $c) (i32.add (i32.mul (local.get $j0) (local.get $ppB)) (i32.shl (local.get $col) (i32.const 2))))
                (local.get $ppB)
                (i32.add (i32.add (local.get $o) (i32.shl (local.get $ppB) (i32.const 2))) (i32.shl (local.get $col) (i32.const 2)))
                (local.get $ppB) (i32.eqz (local.get $first)) (i32.add (local.get $corr) (i32.const 16)))))
            (br_if $cols (i32.lt_u (local.tee $col (i32.add (local.get $col) (i32.const 8))) (local.get $Pp))))
          (local.set $first (i32.const 0))
          (br_if $columns (i32.le_s (local.tee $j0 (i32.add (local.get $j0) (local.get $kb))) (local.get $jmax)))))
      ;; Y rows = O / l; zeros for rows that saw no column (l = 0, or no column block at all)
      (if (local.get $first) (then
        (local.set $l0 (v128.const i32x4 0 0 0 0))
        (local.set $l1 (v128.const i32x4 0 0 0 0))))
      ${finish}
      (br_if $blocks (i32.lt_u (local.tee $i0 (i32.add (local.get $i0) (i32.const ${FUSED_ROWS}))) (local.get $M)))))
`;
}
