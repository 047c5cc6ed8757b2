// The float32 and float64 gemms of the WebAssembly SIMD kernel set, as WebAssembly text (WAT). One generator
// writes both: float32 in f32x4 vectors (sgemm), float64 in f64x2 vectors (dgemm); only the lane type, the element
// size and the tile width change.
//
// This file is kernel SOURCE, read by scripts/build-wasm.mjs at build time (never at run time). It is WAT written
// by hand inside template strings; JavaScript only repeats the lines that a C programmer would unroll with a
// macro (the MR x NR micro-kernel has MR*NR/4 accumulators and nobody should type 12 of them by hand).
//
// The design is BLIS's (Van Zee & van de Geijn, 2015), in the same five loops:
//
//   for jc in 0..N step NC                    columns of C and B
//     for pc in 0..K step KC                  depth
//       pack B[pc:pc+kc, jc:jc+nc] -> Bp      panels of NR columns, row after row (kc x NR each)
//       for ic in 0..M step MC                rows of C and A
//         pack A[ic:ic+mc, pc:pc+kc] -> Ap    panels of MR rows, column after column (MR x kc each)
//         for jr in 0..nc step NR             one Bp panel stays in L1 ...
//           for ir in 0..mc step MR           ... while the Ap panels stream from L2
//             micro-kernel: C[ir:ir+MR, jr:jr+NR] (+)= Ap panel * Bp panel
//
// Packing is where strides and transposes are absorbed: A and B may be stored with any row and column strides
// (a transposed operand is just swapped strides), and the micro-kernel only ever reads two contiguous streams.
// Partial panels are padded with zeros, so the micro-kernel always computes a full tile; an edge tile is written
// to a scratch tile first and then copied element by element into the valid part of C.

import { transposeLocals, transposeWat } from './transpose.wat.mjs';

/**
 * The blocking of the float32 gemm, measured on an AMD Zen 5 (48 KB L1d, 1 MB L2) in Node 20:
 * MR x NR is the micro-kernel tile (NR a multiple of 4: one f32x4 vector per 4 columns); an MR x KC panel of A
 * plus a KC x NR panel of B stay in L1, an MC x KC block of A in L2, a KC x NC block of B in L3.
 */
export const SGEMM_BLOCKING = { MR: 4, NR: 8, KC: 256, MC: 96, NC: 4096 };

/**
 * The blocking of the float64 gemm: the same register budget (8 accumulators, 2 B vectors) holds a 4 x 4 tile of
 * f64x2, and KC halves so that the panels take the same bytes as float32's.
 */
export const DGEMM_BLOCKING = { MR: 4, NR: 4, KC: 128, MC: 96, NC: 4096 };

const range = (n) => Array.from({ length: n }, (_, i) => i);

/** The WAT functions of the float32 gemm (`$sgemm`, exported as "sgemm"). */
export function sgemmWat(blocking = SGEMM_BLOCKING) {
  return gemmWat('f32', blocking);
}

/** The WAT functions of the float64 gemm (`$dgemm`, exported as "dgemm"). */
export function dgemmWat(blocking = DGEMM_BLOCKING) {
  return gemmWat('f64', blocking);
}

/** The gemm of one element type: `f` is 'f32' or 'f64'; every function name starts with its s/d prefix. */
function gemmWat(f, blocking) {
  const { MR, NR, KC, MC, NC } = blocking;
  const E = f === 'f32' ? 4 : 8; // bytes per element
  const L = 16 / E; // lanes per vector
  const x = f === 'f32' ? 'f32x4' : 'f64x2';
  const S = Math.log2(E); // element index to byte offset: a shift
  const p = f === 'f32' ? 's' : 'd';
  if (NR % L !== 0 || MC % MR !== 0 || NC % NR !== 0)
    throw new Error(`${p}gemmWat: bad blocking ${JSON.stringify(blocking)}`);
  const V = NR / L; // vectors per row of the tile

  /**
   * Block v of a column-major panel: loads columns jr + vL .. jr + vL + L - 1 at depths k .. k + L - 1 (one vector
   * each, from $src), transposes them and stores depth row r at $dst + r * NR elements + v vectors.
   */
  function transposeBlock(v) {
    return transposeWat({
      lanes: L,
      load: (i) => `(v128.load (i32.add (local.get $src) (i32.mul (i32.const ${v * L + i}) (local.get $cs))))`,
      store: (r, value) => `(v128.store offset=${E * NR * r + 16 * v} (local.get $dst) ${value})`,
    }).join('\n                  ');
  }

  /**
   * The one-row routines' depth blocks, as the tiled path's: $kc = min(KC, K - $pc), and $betaK (the factor of the
   * C already there) is the caller's beta for the first block, 1 after; $vb is its splat.
   */
  const depthBlock = () => `(local.set $kc (select (i32.const ${KC}) (i32.sub (local.get $K) (local.get $pc))
            (i32.gt_u (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC}))))
          (local.set $betaK (select (local.get $beta) (${f}.const 1) (i32.eqz (local.get $pc))))
          (local.set $vb (${x}.splat (local.get $betaK)))`;

  /** C's vector at $pb + `offset` = alpha * `acc` (+ betaK * C), as the micro-kernel's store computes it. */
  const storeVector = (acc, offset) => `(v128.store offset=${offset} (local.get $pb)
            (if (result v128) (${f}.eq (local.get $betaK) (${f}.const 0))
              (then (${x}.mul (local.get $va) (local.get $${acc})))
              (else (${x}.add (${x}.mul (local.get $va) (local.get $${acc}))
                (${x}.mul (local.get $vb) (v128.load offset=${offset} (local.get $pb)))))))`;

  /**
   * One column of C (at byte offset `cOffset` from $c, B's column at $b + `bOffset`, depth step `step` bytes), one
   * element at a time, in the tiled path's depth blocks.
   */
  const scalarColumn = (step, bOffset) => `(local.set $pc (i32.const 0))
        (loop $colBlocks
          ${depthBlock()}
          (local.set $v (${f}.const 0))
          (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $pc) (local.get $csa))))
          (local.set $pb (i32.add (i32.add (local.get $b) ${bOffset}) (i32.mul (local.get $pc) ${step})))
          (local.set $k (local.get $kc))
          (loop $depth
            (local.set $v (${f}.add (local.get $v) (${f}.mul (${f}.load (local.get $pa)) (${f}.load (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (local.get $csa)))
            (local.set $pb (i32.add (local.get $pb) ${step}))
            (br_if $depth (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
          (local.set $pb (i32.add (local.get $c) (i32.shl (local.get $n) (i32.const ${S}))))
          (local.set $v (${f}.mul (local.get $alpha) (local.get $v)))
          (if (${f}.ne (local.get $betaK) (${f}.const 0)) (then
            (local.set $v (${f}.add (local.get $v) (${f}.mul (local.get $betaK) (${f}.load (local.get $pb)))))))
          (${f}.store (local.get $pb) (local.get $v))
          (br_if $colBlocks (i32.lt_u (local.tee $pc (i32.add (local.get $pc) (i32.const ${KC}))) (local.get $K))))`;

  /** `f32x4.add(acc, f32x4.mul(a, b))` for the whole tile at one depth step whose panels start at byte `ka`, `kb`. */
  function step(ka, kb) {
    const loadB = range(V).map((v) => `(local.set $b${v} (v128.load offset=${kb + 16 * v} (local.get $pb)))`);
    const rows = range(MR).map((i) => {
      const fma = range(V).map(
        (v) => `(local.set $c${i}${v} (${x}.add (local.get $c${i}${v}) (${x}.mul (local.get $a) (local.get $b${v}))))`,
      );
      return [`(local.set $a (v128.load${8 * E}_splat offset=${ka + E * i} (local.get $pa)))`, ...fma].join('\n      ');
    });
    return [...loadB, ...rows].join('\n      ');
  }

  /** Stores the tile: C = alpha * acc (+ beta * C). `withBeta` decides whether C is read at all. */
  function store(withBeta) {
    return range(MR)
      .map((i) => {
        const row = range(V).map((v) => {
          const scaled = `(${x}.mul (local.get $va) (local.get $c${i}${v}))`;
          const value = withBeta
            ? `(${x}.add ${scaled} (${x}.mul (local.get $vb) (v128.load offset=${16 * v} (local.get $c))))`
            : scaled;
          return `(v128.store offset=${16 * v} (local.get $c) ${value})`;
        });
        return [...row, '(local.set $c (i32.add (local.get $c) (local.get $ldc)))'].join('\n    ');
      })
      .join('\n    ');
  }

  const accumulators = range(MR)
    .flatMap((i) => range(V).map((v) => `(local $c${i}${v} v128)`))
    .join(' ');
  const bRegs = range(V)
    .map((v) => `(local $b${v} v128)`)
    .join(' ');
  const zero = range(MR)
    .flatMap((i) => range(V).map((v) => `(local.set $c${i}${v} (v128.const i32x4 0 0 0 0))`))
    .join('\n    ');

  return `
  ;; ---------------------------------------------------------------------------------------------------------
  ;; Micro-kernel: the ${MR} x ${NR} tile at byte address $c (row pitch $ldc bytes) becomes
  ;; alpha * (Ap panel * Bp panel) + beta * tile. Ap holds kc columns of ${MR} elements, Bp kc rows of ${NR}.
  ;; ${MR * V} accumulators + ${V} B vectors + ${MR} splats of A + 1 product: 15 of V8's 16 xmm registers, no spill.
  ;; The depth loop is unrolled twice with an exit test between the two steps. Unrolled plainly, TurboFan hoists
  ;; the second step's loads above the first step's arithmetic and spills accumulators (measured 25% slower); the
  ;; exit test splits the body into two basic blocks, the first step's arithmetic stays in the first, and the live
  ;; set stays 15 registers. It halves the loop overhead (V8's stack check, the counter), and an odd kc needs no
  ;; tail: measured 10-20% faster than the plain loop on L1-resident panels (CPU time, interleaved).
  (func $${p}gemmTile (param $kc i32) (param $pa i32) (param $pb i32) (param $c i32) (param $ldc i32)
                   (param $alpha ${f}) (param $beta ${f})
    (local $a v128) ${bRegs} (local $va v128) (local $vb v128)
    ${accumulators}
    (local $k i32)
    ${zero}
    (local.set $k (local.get $kc))
    (block $done
    (loop $depth
      ${step(0, 0)}
      (local.set $pa (i32.add (local.get $pa) (i32.const ${E * MR})))
      (local.set $pb (i32.add (local.get $pb) (i32.const ${E * NR})))
      (br_if $done (i32.eqz (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
      ${step(0, 0)}
      (local.set $pa (i32.add (local.get $pa) (i32.const ${E * MR})))
      (local.set $pb (i32.add (local.get $pb) (i32.const ${E * NR})))
      (br_if $depth (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))
    (local.set $va (${x}.splat (local.get $alpha)))
    (if (${f}.eq (local.get $beta) (${f}.const 0))
      (then
    ${store(false)})
      (else
    (local.set $vb (${x}.splat (local.get $beta)))
    ${store(true)})))

  ;; The valid mr x nr corner of a full tile computed into $tile (row pitch ${E * NR} bytes) goes to C:
  ;; C = alpha * tile + beta * C, where beta = 0 never reads C (so NaN or garbage there is ignored).
  (func $${p}gemmEdge (param $mr i32) (param $nr i32) (param $tile i32) (param $c i32) (param $ldc i32)
                   (param $alpha ${f}) (param $beta ${f})
    (local $i i32) (local $j i32) (local $src i32) (local $dst i32) (local $v ${f})
    (loop $rows
      (local.set $j (i32.const 0))
      (loop $cols
        (local.set $src (i32.add (local.get $tile) (i32.shl (i32.add (i32.mul (local.get $i) (i32.const ${NR})) (local.get $j)) (i32.const ${S}))))
        (local.set $dst (i32.add (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))) (i32.shl (local.get $j) (i32.const ${S}))))
        (local.set $v (${f}.mul (local.get $alpha) (${f}.load (local.get $src))))
        (if (${f}.ne (local.get $beta) (${f}.const 0)) (then
          (local.set $v (${f}.add (local.get $v) (${f}.mul (local.get $beta) (${f}.load (local.get $dst)))))))
        (${f}.store (local.get $dst) (local.get $v))
        (br_if $cols (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $nr))))
      (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $mr)))))

  ;; Packs the mc x kc block of A at byte address $a (strides $rs, $cs in elements, any sign) into panels of ${MR}
  ;; rows: Ap[panel][k][i] = A[panel*${MR} + i][k], rows past mc are zeros.
  (func $${p}packA (param $mc i32) (param $kc i32) (param $a i32) (param $rs i32) (param $cs i32) (param $dst i32)
    (local $ir i32) (local $i i32) (local $k i32) (local $src i32)
    (local.set $rs (i32.shl (local.get $rs) (i32.const ${S})))
    (local.set $cs (i32.shl (local.get $cs) (i32.const ${S})))
    (loop $panels
      (local.set $k (i32.const 0))
      (loop $depth
        (local.set $src (i32.add (i32.add (local.get $a) (i32.mul (local.get $ir) (local.get $rs))) (i32.mul (local.get $k) (local.get $cs))))
        (local.set $i (i32.const 0))
        (loop $lanes
          (${f}.store (local.get $dst)
            (if (result ${f}) (i32.lt_u (i32.add (local.get $ir) (local.get $i)) (local.get $mc))
              (then (${f}.load (local.get $src)))
              (else (${f}.const 0))))
          (local.set $src (i32.add (local.get $src) (local.get $rs)))
          (local.set $dst (i32.add (local.get $dst) (i32.const ${E})))
          (br_if $lanes (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const ${MR}))))
        (br_if $depth (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $kc))))
      (br_if $panels (i32.lt_u (local.tee $ir (i32.add (local.get $ir) (i32.const ${MR}))) (local.get $mc)))))

  ;; Packs the kc x nc block of B at byte address $b (strides $rs, $cs in elements) into panels of ${NR} columns:
  ;; Bp[panel][k][j] = B[k][panel*${NR} + j], columns past nc are zeros. Rows with unit column stride (B stored
  ;; row-major) are copied ${V} vectors at a time; columns with unit row stride (B column-major: the W^T of x W^T
  ;; with W stored [out, in], as PyTorch does) are read ${L} depths at a time and transposed in registers, ${L} x ${L}
  ;; blocks by shuffles, instead of gathered one element at a time.
  (func $${p}packB (param $kc i32) (param $nc i32) (param $b i32) (param $rs i32) (param $cs i32) (param $dst i32)
    (local $jr i32) (local $j i32) (local $k i32) (local $src i32) (local $kq i32)
    ${transposeLocals(L)}
    (local.set $rs (i32.shl (local.get $rs) (i32.const ${S})))
    (local.set $cs (i32.shl (local.get $cs) (i32.const ${S})))
    (loop $panels
      (local.set $k (i32.const 0))
      (if (i32.and (i32.eq (local.get $cs) (i32.const ${E})) (i32.le_u (i32.add (local.get $jr) (i32.const ${NR})) (local.get $nc)))
        (then
          (local.set $src (i32.add (local.get $b) (i32.shl (local.get $jr) (i32.const ${S}))))
          (loop $rows
            ${range(V)
              .map(
                (v) => `(v128.store offset=${16 * v} (local.get $dst) (v128.load offset=${16 * v} (local.get $src)))`,
              )
              .join('\n            ')}
            (local.set $src (i32.add (local.get $src) (local.get $rs)))
            (local.set $dst (i32.add (local.get $dst) (i32.const ${E * NR})))
            (br_if $rows (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $kc)))))
        (else
          (if (i32.and (i32.eq (local.get $rs) (i32.const ${E})) (i32.le_u (i32.add (local.get $jr) (i32.const ${NR})) (local.get $nc)))
            (then
              ;; whole groups of ${L} depths: ${V} blocks of ${L} columns, each ${L} column vectors in, ${L} row vectors out
              (local.set $kq (i32.and (local.get $kc) (i32.const ${-L})))
              (block $quadsDone
                (br_if $quadsDone (i32.eqz (local.get $kq)))
                (loop $quads
                  (local.set $src (i32.add (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const ${S}))) (i32.mul (local.get $jr) (local.get $cs))))
                  ${range(V)
                    .map((v) => transposeBlock(v))
                    .join('\n                  ')}
                  (local.set $dst (i32.add (local.get $dst) (i32.const ${E * NR * L})))
                  (br_if $quads (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const ${L}))) (local.get $kq)))))))
          ;; the rest (every depth of other layouts; the last kc mod ${L} depths of a column-major one), one element at a time
          (if (i32.lt_u (local.get $k) (local.get $kc)) (then
          (loop $rows
            (local.set $src (i32.add (i32.add (local.get $b) (i32.mul (local.get $k) (local.get $rs))) (i32.mul (local.get $jr) (local.get $cs))))
            (local.set $j (i32.const 0))
            (loop $lanes
              (${f}.store (local.get $dst)
                (if (result ${f}) (i32.lt_u (i32.add (local.get $jr) (local.get $j)) (local.get $nc))
                  (then (${f}.load (local.get $src)))
                  (else (${f}.const 0))))
              (local.set $src (i32.add (local.get $src) (local.get $cs)))
              (local.set $dst (i32.add (local.get $dst) (i32.const ${E})))
              (br_if $lanes (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const ${NR}))))
            (br_if $rows (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $kc))))))))
      (br_if $panels (i32.lt_u (local.tee $jr (i32.add (local.get $jr) (i32.const ${NR}))) (local.get $nc)))))

  ;; One row of A (M = 1: a projection of one token, as when decoding): packing B would cost as much as the product
  ;; and the 4-row tile would waste three rows, so B is read in place. Each output is summed exactly as the tiled
  ;; path sums it (depth in order within blocks of ${KC}, each block's alpha * sum added to C in turn), so a row of
  ;; C has the same bits whether it is computed alone or among others. Row-major B ($csb = 1): ${4 * L} columns at a
  ;; time in 4 accumulators (independent chains), then one vector, then one element at a time.
  (func $${p}gemvRows (param $N i32) (param $K i32) (param $alpha ${f}) (param $beta ${f}) (param $a i32) (param $csa i32)
                     (param $b i32) (param $rsb i32) (param $c i32)
    (local $n i32) (local $k i32) (local $pc i32) (local $kc i32) (local $pa i32) (local $pb i32) (local $w i32)
    (local $av v128) (local $v ${f}) (local $betaK ${f}) (local $vb v128) (local $va v128)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local.set $csa (i32.shl (local.get $csa) (i32.const ${S})))
    (local.set $rsb (i32.shl (local.get $rsb) (i32.const ${S})))
    (local.set $va (${x}.splat (local.get $alpha)))
    ;; chunks of $w columns: 4 vectors, then 1 vector
    (local.set $w (i32.const ${4 * L}))
    (loop $chunks
      (if (i32.le_u (i32.add (local.get $n) (local.get $w)) (local.get $N)) (then
        (local.set $pc (i32.const 0))
        (loop $blocks
          ${depthBlock()}
          (local.set $acc0 (v128.const i32x4 0 0 0 0))
          (local.set $acc1 (v128.const i32x4 0 0 0 0))
          (local.set $acc2 (v128.const i32x4 0 0 0 0))
          (local.set $acc3 (v128.const i32x4 0 0 0 0))
          (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $pc) (local.get $csa))))
          (local.set $pb (i32.add (i32.add (local.get $b) (i32.mul (local.get $pc) (local.get $rsb)))
            (i32.shl (local.get $n) (i32.const ${S}))))
          (local.set $k (local.get $kc))
          (if (i32.eq (local.get $w) (i32.const ${4 * L}))
            (then
              (loop $depth4
                (local.set $av (v128.load${8 * E}_splat (local.get $pa)))
                ${range(4)
                  .map(
                    (v) =>
                      `(local.set $acc${v} (${x}.add (local.get $acc${v}) (${x}.mul (local.get $av) (v128.load offset=${16 * v} (local.get $pb)))))`,
                  )
                  .join('\n                ')}
                (local.set $pa (i32.add (local.get $pa) (local.get $csa)))
                (local.set $pb (i32.add (local.get $pb) (local.get $rsb)))
                (br_if $depth4 (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))
            (else
              (loop $depth1
                (local.set $acc0 (${x}.add (local.get $acc0)
                  (${x}.mul (v128.load${8 * E}_splat (local.get $pa)) (v128.load (local.get $pb)))))
                (local.set $pa (i32.add (local.get $pa) (local.get $csa)))
                (local.set $pb (i32.add (local.get $pb) (local.get $rsb)))
                (br_if $depth1 (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))))
          (local.set $pb (i32.add (local.get $c) (i32.shl (local.get $n) (i32.const ${S}))))
          ${range(4)
            .map((v) => `(if (i32.gt_u (local.get $w) (i32.const ${v * L})) (then ${storeVector(`acc${v}`, 16 * v)}))`)
            .join('\n          ')}
          (br_if $blocks (i32.lt_u (local.tee $pc (i32.add (local.get $pc) (i32.const ${KC}))) (local.get $K))))
        (local.set $n (i32.add (local.get $n) (local.get $w)))
        (br $chunks)))
      (if (i32.eq (local.get $w) (i32.const ${4 * L})) (then
        (local.set $w (i32.const ${L}))
        (br $chunks))))
    ;; the last N mod ${L} columns
    (block $done
      (loop $cols
        (br_if $done (i32.ge_u (local.get $n) (local.get $N)))
        ${scalarColumn('(local.get $rsb)', `(i32.shl (local.get $n) (i32.const ${S}))`)}
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $cols))))

  ;; The same with column-major B ($rsb = 1), summed in the same order: ${L} columns at a time, whose ${L} depths at a
  ;; time are ${L} contiguous vectors transposed in registers (so each lane still adds its depths one after another);
  ;; the last kc mod ${L} depths gathered lane by lane; the last N mod ${L} columns one element at a time.
  (func $${p}gemvCols (param $N i32) (param $K i32) (param $alpha ${f}) (param $beta ${f}) (param $a i32) (param $csa i32)
                     (param $b i32) (param $csb i32) (param $c i32)
    (local $n i32) (local $k i32) (local $pc i32) (local $kc i32) (local $kend i32) (local $pa i32) (local $pb i32)
    (local $src i32) (local $v ${f}) (local $betaK ${f}) (local $vb v128) (local $va v128)
    (local $acc0 v128) (local $g v128)
    ${transposeLocals(L)}
    (local.set $csa (i32.shl (local.get $csa) (i32.const ${S})))
    (local.set $csb (i32.shl (local.get $csb) (i32.const ${S})))
    (local.set $va (${x}.splat (local.get $alpha)))
    (block $groupsDone
      (loop $groups
        (br_if $groupsDone (i32.gt_u (i32.add (local.get $n) (i32.const ${L})) (local.get $N)))
        (local.set $src (i32.add (local.get $b) (i32.mul (local.get $n) (local.get $csb))))
        (local.set $pc (i32.const 0))
        (loop $blocks
          ${depthBlock()}
          (local.set $acc0 (v128.const i32x4 0 0 0 0))
          (local.set $k (local.get $pc))
          (local.set $kend (i32.add (local.get $pc) (local.get $kc)))
          (block $stepsDone
            (loop $steps
              (br_if $stepsDone (i32.gt_u (i32.add (local.get $k) (i32.const ${L})) (local.get $kend)))
              (local.set $pb (i32.add (local.get $src) (i32.shl (local.get $k) (i32.const ${S}))))
              (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $k) (local.get $csa))))
              ${transposeWat({
                lanes: L,
                load: (i) => `(v128.load (i32.add (local.get $pb) (i32.mul (i32.const ${i}) (local.get $csb))))`,
                store: (r, value) =>
                  `(local.set $acc0 (${x}.add (local.get $acc0) (${x}.mul (v128.load${8 * E}_splat (i32.add (local.get $pa) (i32.mul (i32.const ${r}) (local.get $csa)))) ${value})))`,
              }).join('\n              ')}
              (local.set $k (i32.add (local.get $k) (i32.const ${L})))
              (br $steps)))
          (block $restDone
            (loop $rest
              (br_if $restDone (i32.ge_u (local.get $k) (local.get $kend)))
              (local.set $pb (i32.add (local.get $src) (i32.shl (local.get $k) (i32.const ${S}))))
              ${range(L)
                .map(
                  (j) =>
                    `(local.set $g (${x}.replace_lane ${j} (local.get $g) (${f}.load (i32.add (local.get $pb) (i32.mul (i32.const ${j}) (local.get $csb))))))`,
                )
                .join('\n              ')}
              (local.set $acc0 (${x}.add (local.get $acc0) (${x}.mul
                (v128.load${8 * E}_splat (i32.add (local.get $a) (i32.mul (local.get $k) (local.get $csa)))) (local.get $g))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br $rest)))
          (local.set $pb (i32.add (local.get $c) (i32.shl (local.get $n) (i32.const ${S}))))
          ${storeVector('acc0', 0)}
          (br_if $blocks (i32.lt_u (local.tee $pc (i32.add (local.get $pc) (i32.const ${KC}))) (local.get $K))))
        (local.set $n (i32.add (local.get $n) (i32.const ${L})))
        (br $groups)))
    ;; the last N mod ${L} columns
    (block $done
      (loop $cols
        (br_if $done (i32.ge_u (local.get $n) (local.get $N)))
        ${scalarColumn(`(i32.const ${E})`, '(i32.mul (local.get $n) (local.get $csb))')}
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $cols))))

  ;; C = alpha * A * B + beta * C, all ${f === 'f32' ? 'float32' : 'float64'} in this module's memory; addresses in bytes, strides in elements.
  ;; A is M x K (strides $rsa, $csa), B is K x N ($rsb, $csb), C is M x N with unit column stride and row
  ;; stride $ldc. $work needs ${MC}*${KC} + ${KC}*min(N rounded up to ${NR}, ${NC}) + ${MR * NR} elements.
  ;; K = 0 is the caller's business (C = beta * C).
  (func $${p}gemm (export "${p}gemm")
    (param $M i32) (param $N i32) (param $K i32) (param $alpha ${f}) (param $beta ${f})
    (param $a i32) (param $rsa i32) (param $csa i32) (param $b i32) (param $rsb i32) (param $csb i32)
    (param $c i32) (param $ldc i32) (param $work i32)
    (local $jc i32) (local $pc i32) (local $ic i32) (local $jr i32) (local $ir i32)
    (local $nc i32) (local $kc i32) (local $mc i32) (local $mr i32) (local $nr i32)
    (local $pa i32) (local $pb i32) (local $tile i32) (local $betaK ${f}) (local $ldcBytes i32) (local $cTile i32)
    ;; one row of A: B read in place (see $${p}gemvRows), when its layout allows
    (if (i32.eq (local.get $M) (i32.const 1)) (then
      (if (i32.eq (local.get $csb) (i32.const 1)) (then
        (call $${p}gemvRows (local.get $N) (local.get $K) (local.get $alpha) (local.get $beta)
          (local.get $a) (local.get $csa) (local.get $b) (local.get $rsb) (local.get $c))
        (return)))
      (if (i32.eq (local.get $rsb) (i32.const 1)) (then
        (call $${p}gemvCols (local.get $N) (local.get $K) (local.get $alpha) (local.get $beta)
          (local.get $a) (local.get $csa) (local.get $b) (local.get $csb) (local.get $c))
        (return)))))
    (local.set $ldcBytes (i32.shl (local.get $ldc) (i32.const ${S})))
    (local.set $pa (local.get $work))
    (local.set $pb (i32.add (local.get $pa) (i32.const ${E * MC * KC})))
    ;; the tile scratch goes after Bp, whose size depends on N
    (local.set $tile (i32.add (local.get $pb) (i32.mul (i32.const ${E * KC})
      (select (i32.const ${NC}) (i32.mul (i32.div_u (i32.add (local.get $N) (i32.const ${NR - 1})) (i32.const ${NR})) (i32.const ${NR}))
        (i32.gt_u (local.get $N) (i32.const ${NC}))))))
    (loop $jcLoop
      (local.set $nc (select (i32.const ${NC}) (i32.sub (local.get $N) (local.get $jc))
        (i32.gt_u (i32.sub (local.get $N) (local.get $jc)) (i32.const ${NC}))))
      (local.set $pc (i32.const 0))
      (loop $pcLoop
        (local.set $kc (select (i32.const ${KC}) (i32.sub (local.get $K) (local.get $pc))
          (i32.gt_u (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC}))))
        ;; the first depth block applies the caller's beta, the next ones accumulate
        (local.set $betaK (select (local.get $beta) (${f}.const 1) (i32.eqz (local.get $pc))))
        (call $${p}packB (local.get $kc) (local.get $nc)
          (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $pc) (local.get $rsb)) (i32.mul (local.get $jc) (local.get $csb))) (i32.const ${S})))
          (local.get $rsb) (local.get $csb) (local.get $pb))
        (local.set $ic (i32.const 0))
        (loop $icLoop
          (local.set $mc (select (i32.const ${MC}) (i32.sub (local.get $M) (local.get $ic))
            (i32.gt_u (i32.sub (local.get $M) (local.get $ic)) (i32.const ${MC}))))
          (call $${p}packA (local.get $mc) (local.get $kc)
            (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $ic) (local.get $rsa)) (i32.mul (local.get $pc) (local.get $csa))) (i32.const ${S})))
            (local.get $rsa) (local.get $csa) (local.get $pa))
          (local.set $jr (i32.const 0))
          (loop $jrLoop
            (local.set $nr (select (i32.const ${NR}) (i32.sub (local.get $nc) (local.get $jr))
              (i32.gt_u (i32.sub (local.get $nc) (local.get $jr)) (i32.const ${NR}))))
            (local.set $ir (i32.const 0))
            (loop $irLoop
              (local.set $mr (select (i32.const ${MR}) (i32.sub (local.get $mc) (local.get $ir))
                (i32.gt_u (i32.sub (local.get $mc) (local.get $ir)) (i32.const ${MR}))))
              (local.set $cTile (i32.add (local.get $c) (i32.shl
                (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $ldc)) (i32.add (local.get $jc) (local.get $jr)))
                (i32.const ${S}))))
              (if (i32.and (i32.eq (local.get $mr) (i32.const ${MR})) (i32.eq (local.get $nr) (i32.const ${NR})))
                (then
                  (call $${p}gemmTile (local.get $kc)
                    (i32.add (local.get $pa) (i32.mul (local.get $ir) (i32.shl (local.get $kc) (i32.const ${S}))))
                    (i32.add (local.get $pb) (i32.mul (local.get $jr) (i32.shl (local.get $kc) (i32.const ${S}))))
                    (local.get $cTile) (local.get $ldcBytes) (local.get $alpha) (local.get $betaK)))
                (else
                  (call $${p}gemmTile (local.get $kc)
                    (i32.add (local.get $pa) (i32.mul (local.get $ir) (i32.shl (local.get $kc) (i32.const ${S}))))
                    (i32.add (local.get $pb) (i32.mul (local.get $jr) (i32.shl (local.get $kc) (i32.const ${S}))))
                    (local.get $tile) (i32.const ${E * NR}) (${f}.const 1) (${f}.const 0))
                  (call $${p}gemmEdge (local.get $mr) (local.get $nr) (local.get $tile) (local.get $cTile)
                    (local.get $ldcBytes) (local.get $alpha) (local.get $betaK))))
              (br_if $irLoop (i32.lt_u (local.tee $ir (i32.add (local.get $ir) (i32.const ${MR}))) (local.get $mc))))
            (br_if $jrLoop (i32.lt_u (local.tee $jr (i32.add (local.get $jr) (i32.const ${NR}))) (local.get $nc))))
          (br_if $icLoop (i32.lt_u (local.tee $ic (i32.add (local.get $ic) (i32.const ${MC}))) (local.get $M))))
        (br_if $pcLoop (i32.lt_u (local.tee $pc (i32.add (local.get $pc) (i32.const ${KC}))) (local.get $K))))
      (br_if $jcLoop (i32.lt_u (local.tee $jc (i32.add (local.get $jc) (i32.const ${NC}))) (local.get $N)))))
`;
}
