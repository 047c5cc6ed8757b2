// The in-register transpose of an L x L block of a v128 matrix (L = 4 float32 lanes, or 2 float64 lanes), as
// WebAssembly text. Kernel SOURCE, read by scripts/build-wasm.mjs at build time.
//
// The packing routines use it where a panel must be read across its storage order: the gemm's B packing for a
// column-major B (the W^T of x W^T), the fused kernel's packing of keys. Reading L vectors along the storage
// order and transposing them in registers replaces L * L scalar loads and stores by L vector ones and a few
// shuffles (each one instruction on x64 and ARM).

const range = (n) => Array.from({ length: n }, (_, i) => i);

/**
 * The WAT lines that transpose an L x L block: `load(i)` is the expression of vector i (L elements along the
 * storage order), `store(r, value)` the statement that writes transposed vector r. Uses the v128 locals
 * $r0 .. $r{L-1} (and $t0 .. $t3 when L = 4), which the calling function declares ({@link transposeLocals}).
 *
 * @param {{ lanes: 2 | 4, load: (i: number) => string, store: (r: number, value: string) => string }} block
 * @returns {string[]}
 * @example
 * transposeWat({ lanes: 4, load: (i) => `(v128.load offset=${16 * i} (local.get $src))`,
 *   store: (r, v) => `(v128.store offset=${16 * r} (local.get $dst) ${v})` });
 */
export function transposeWat({ lanes: L, load, store }) {
  const E = 16 / L; // bytes per lane
  /** Byte indices of i8x16.shuffle taking `lanes` (0..L-1 of the first vector, L..2L-1 of the second). */
  const pick = (...lanes) => lanes.flatMap((l) => range(E).map((b) => (l < L ? 0 : 16 - L * E) + l * E + b)).join(' ');
  const shuffle = (mask, a, b) => `(i8x16.shuffle ${mask} (local.get $${a}) (local.get $${b}))`;
  const loads = range(L).map((i) => `(local.set $r${i} ${load(i)})`);
  if (L === 2) {
    // [a0 a1], [b0 b1] -> [a0 b0], [a1 b1]
    return [...loads, store(0, shuffle(pick(0, 2), 'r0', 'r1')), store(1, shuffle(pick(1, 3), 'r0', 'r1'))];
  }
  // interleave pairs of vectors, then pairs of pairs: the classic 4 x 4 transpose in eight shuffles
  return [
    ...loads,
    `(local.set $t0 ${shuffle(pick(0, 4, 1, 5), 'r0', 'r1')})`,
    `(local.set $t1 ${shuffle(pick(2, 6, 3, 7), 'r0', 'r1')})`,
    `(local.set $t2 ${shuffle(pick(0, 4, 1, 5), 'r2', 'r3')})`,
    `(local.set $t3 ${shuffle(pick(2, 6, 3, 7), 'r2', 'r3')})`,
    store(0, shuffle(pick(0, 1, 4, 5), 't0', 't2')),
    store(1, shuffle(pick(2, 3, 6, 7), 't0', 't2')),
    store(2, shuffle(pick(0, 1, 4, 5), 't1', 't3')),
    store(3, shuffle(pick(2, 3, 6, 7), 't1', 't3')),
  ];
}

/**
 * The local declarations {@link transposeWat} needs, for a function's header.
 *
 * @param {2 | 4} L
 * @example
 * transposeLocals(2); // '(local $r0 v128) (local $r1 v128)'
 */
export function transposeLocals(L) {
  // the 2 x 2 transpose shuffles the loaded vectors directly; only the 4 x 4 one needs the $t temporaries
  return range(L)
    .map((i) => (L === 4 ? `(local $r${i} v128) (local $t${i} v128)` : `(local $r${i} v128)`))
    .join(' ');
}
