// Reductions across the four lanes of an f32x4, as WebAssembly text. Kernel SOURCE, read by scripts/build-wasm.mjs.

/**
 * The f32 expression that folds the four lanes of the v128 local `$${local}` with `op` ('add', 'max', ...), as
 * (l0 op l1) op (l2 op l3): the row softmaxes' final max and sum.
 *
 * @param {string} op
 * @param {string} local
 * @returns {string}
 * @example
 * acrossLanes('add', 's'); // '(f32.add (f32.add (f32x4.extract_lane 0 (local.get $s)) ...'
 */
export function acrossLanes(op, local) {
  const lane = (i) => `(f32x4.extract_lane ${i} (local.get $${local}))`;
  return `(f32.${op} (f32.${op} ${lane(0)} ${lane(1)}) (f32.${op} ${lane(2)} ${lane(3)}))`;
}
