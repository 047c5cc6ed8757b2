// The row-wise softmax of the WebAssembly SIMD kernel set, as WebAssembly text (WAT). Kernel SOURCE, read by
// scripts/build-wasm.mjs at build time.
//
// Three passes over each row, four lanes at a time: the max m, then y = exp(x - m) with the running sum s, then
// y = y * (1/s). The caller lays the rows out with a pitch that is a multiple of 4 floats and pads each row with
// -Infinity: padding never wins the max and its exp is exactly 0, so no pass needs a scalar tail.
// The special rows agree with the TypeScript kernel: a row of all -Infinity (a fully masked attention row) becomes
// zeros, and a NaN anywhere makes the whole row NaN. pmax skips NaN, so a row of only NaN and -Infinity has a max of
// -Infinity too: that rare branch scans the row for NaN before choosing zeros. Elsewhere NaN needs no test: exp
// keeps it, the sum becomes NaN, and so does every element once scaled by 1/sum.

import { expConstants, expLocals, expSumLoop } from './exp.wat.mjs';
import { acrossLanes } from './lanes.wat.mjs';

/** The WAT function of the row-wise softmax. */
export function softmaxRowsWat() {
  return `
  ;; Softmax, in place, of $rows rows of $pitch floats (a multiple of 4, padded with -Infinity) at byte address $x.
  (func $softmaxRows (export "softmaxRows") (param $rows i32) (param $pitch i32) (param $x i32)
    (local $p i32) (local $end i32) (local $v v128) (local $y v128) (local $m v128) (local $s v128) (local $max f32)
    ${expLocals('e')}
    (local.set $pitch (i32.shl (local.get $pitch) (i32.const 2)))
    ${expConstants('e')}
    (block $noRows (br_if $noRows (i32.eqz (local.get $rows)))
    (loop $row
      (local.set $end (i32.add (local.get $x) (local.get $pitch)))
      ;; pass 1: m = max over the row, broadcast to all lanes
      (local.set $m (f32x4.splat (f32.const -inf)))
      (local.set $p (local.get $x))
      (loop $max
        (local.set $m (f32x4.pmax (local.get $m) (v128.load (local.get $p))))
        (br_if $max (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 16))) (local.get $end))))
      (local.set $max ${acrossLanes('max', 'm')})
      (if (f32.eq (local.get $max) (f32.const -inf))
        (then
          ;; no finite or +Infinity entry: NaN if any entry is NaN (x != x), else all -Infinity and zeros (the limit
          ;; of softmax as every score goes to -Infinity is undefined; PyTorch gives NaN, we give zeros so a fully
          ;; masked attention row contributes nothing instead of poisoning everything after it)
          (local.set $y (v128.const i32x4 0 0 0 0))
          (local.set $p (local.get $x))
          (loop $nan
            (local.set $v (v128.load (local.get $p)))
            (local.set $y (v128.or (local.get $y) (f32x4.ne (local.get $v) (local.get $v))))
            (br_if $nan (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 16))) (local.get $end))))
          (local.set $y (select (result v128) (v128.const f32x4 nan nan nan nan) (v128.const i32x4 0 0 0 0)
            (v128.any_true (local.get $y))))
          (local.set $p (local.get $x))
          (loop $fill
            (v128.store (local.get $p) (local.get $y))
            (br_if $fill (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 16))) (local.get $end)))))
        (else
          ;; pass 2: y = exp(x - m), s = sum of y
          (local.set $m (f32x4.splat (local.get $max)))
          (local.set $s (v128.const i32x4 0 0 0 0))
          (local.set $p (local.get $x))
          ${expSumLoop({ p: 'p', end: 'end', m: 'm', sum: 's', x: 'v', y: 'y', t: 'e' })}
          ;; pass 3: y = y / s, as one division and a multiply per element
          (local.set $s (f32x4.splat (f32.div (f32.const 1) ${acrossLanes('add', 's')})))
          (local.set $p (local.get $x))
          (loop $scale
            (v128.store (local.get $p) (f32x4.mul (v128.load (local.get $p)) (local.get $s)))
            (br_if $scale (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 16))) (local.get $end))))))
      (local.set $x (local.get $end))
      (br_if $row (local.tee $rows (i32.sub (local.get $rows) (i32.const 1)))))))
`;
}
