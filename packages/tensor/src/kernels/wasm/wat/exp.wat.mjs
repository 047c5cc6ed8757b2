// The vectorised exp of the WebAssembly SIMD kernel set, as WebAssembly text (WAT). Kernel SOURCE, read by
// scripts/build-wasm.mjs at build time.
//
// exp(x) = 2^n * exp(r), with n = round(x / ln 2) and r = x - n ln 2 in [-ln2/2, ln2/2]. ln 2 is split in a
// high part with few mantissa bits (n * LN2_HI is exact for |n| < 2^9) and a low correction, so r keeps its
// accuracy (Cody & Waite). exp(r) = 1 + r + r^2 P(r) with the degree-5 polynomial P of Cephes' expf (S. Moshier),
// evaluated by Horner's rule in float32. 2^n is built by writing n + 127 into a float's exponent bits.
// Only single-instruction SIMD operations on x64: f32x4.pmin/pmax rather than min/max (whose NaN and -0 rules
// cost V8 about 6 instructions each), and the round-to-integer done by a float addition (no nearest/trunc_sat).
//
// Accuracy (measured against Math.exp in float64 over 2^22 evenly spaced points; test/kernels/wasm/wasmExp.test.ts
// asserts < 1e-7): max relative error 8.1e-8 (under 1 ulp of float32) for x in [-87, 88], 6.8e-8 in [-1, 1]. Below -87.33654 (where exp(x) leaves float32's normal range)
// the result is exactly 0, so exp(-Infinity) = 0; above 88.37626 it is +Infinity; NaN stays NaN.

const LOG2E = Math.LOG2E;
const LN2_HI = 0.693359375;
const LN2_LO = -2.1219444e-4;
/** 1.5 * 2^23 + 127: adding it rounds to an integer and biases it as a float exponent. */
const MAGIC = 12582912 + 127;
const P = [1.98756915e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
/** exp(x) rounds to 0 in float32's normal range below this (ln 2^-126). */
export const EXP_LO = -87.33654475;
/** exp(x) overflows float32 above this. */
export const EXP_HI = 88.3762626647949;

/** The constants, by name: {@link expConstants} puts each in a local once, before the loop that uses them. */
const CONSTANTS = {
  hi: EXP_HI,
  lo: EXP_LO,
  log2e: LOG2E,
  magic: MAGIC,
  ln2hi: LN2_HI,
  ln2lo: LN2_LO,
  ...Object.fromEntries(P.map((c, i) => [`p${i}`, c])),
  one: 1,
  inf: 'inf',
};

/**
 * WAT that computes exp of the f32x4 in local `${x}` into local `${out}`, using scratch v128 locals `${t}x`,
 * `${t}t`, `${t}n`, `${t}r` (declare them with {@link expLocals}). Inlined where it is used: V8 does not inline wasm calls.
 */
export function expInline(x, out, t) {
  const c = (name) => `(local.get $${t}_${name})`;
  const horner = P.slice(1).reduce(
    (acc, _, i) => `(f32x4.add (f32x4.mul ${acc} (local.get $${t}r)) ${c(`p${i + 1}`)})`,
    c('p0'),
  );
  return `
      ;; xc = x clamped to [EXP_LO, EXP_HI] (pmin/pmax: one instruction each, and NaN still passes through)
      (local.set $${t}x (f32x4.pmax (f32x4.pmin (local.get $${x}) ${c('hi')}) ${c('lo')}))
      ;; t = xc log2 e + (1.5 * 2^23 + 127): the float addition rounds to the nearest integer, so the low mantissa
      ;; bits of t hold n + 127 with n = round(xc log2 e), and shifting t's bits left by 23 gives the float 2^n
      (local.set $${t}t (f32x4.add (f32x4.mul (local.get $${t}x) ${c('log2e')}) ${c('magic')}))
      (local.set $${t}n (f32x4.sub (local.get $${t}t) ${c('magic')}))
      ;; r = xc - n ln 2, in two steps
      (local.set $${t}r (f32x4.sub
        (f32x4.sub (local.get $${t}x) (f32x4.mul (local.get $${t}n) ${c('ln2hi')}))
        (f32x4.mul (local.get $${t}n) ${c('ln2lo')})))
      ;; exp(r) = 1 + r + r^2 P(r), times 2^n
      (local.set $${out} (f32x4.mul
        (f32x4.add (f32x4.add
          (f32x4.mul ${horner} (f32x4.mul (local.get $${t}r) (local.get $${t}r)))
          (local.get $${t}r)) ${c('one')})
        (i32x4.shl (local.get $${t}t) (i32.const 23))))
      ;; exact 0 below the range (-Infinity included) and +Infinity above it
      (local.set $${out} (v128.andnot (local.get $${out}) (f32x4.lt (local.get $${x}) ${c('lo')})))
      (local.set $${out} (v128.bitselect ${c('inf')} (local.get $${out}) (f32x4.gt (local.get $${x}) ${c('hi')})))`;
}

/**
 * WAT of the loop that the softmaxes share: for the f32x4 vectors from local `$${p}` up to (not including) `$${end}`,
 * each becomes exp(x - m) in place (m in local `$${m}`) and is added into local `$${sum}`; `$${x}`, `$${y}` and the
 * scratch `${t}` as in {@link expInline}. The loop runs at least once.
 */
export function expSumLoop({ p, end, m, sum, x, y, t }) {
  return `(loop $exp
      (local.set $${x} (f32x4.sub (v128.load (local.get $${p})) (local.get $${m})))
      ${expInline(x, y, t)}
      (v128.store (local.get $${p}) (local.get $${y}))
      (local.set $${sum} (f32x4.add (local.get $${sum}) (local.get $${y})))
      (br_if $exp (i32.lt_u (local.tee $${p} (i32.add (local.get $${p}) (i32.const 16))) (local.get $${end}))))`;
}

/** The locals {@link expInline} needs: its constants and scratch. */
export function expLocals(t) {
  const constants = Object.keys(CONSTANTS).map((name) => `(local $${t}_${name} v128)`);
  return [...constants, `(local $${t}x v128) (local $${t}t v128) (local $${t}n v128) (local $${t}r v128)`].join(' ');
}

/**
 * Where the constants table lives in memory: bytes [EXP_TABLE, EXP_TABLE + 4 * count). The kernels' callers lay
 * their operands out after {@link HEAP_BASE}.
 */
export const EXP_TABLE = 0;

/**
 * The data segment holding the constants as float32, little-endian. They are read from memory, not written as
 * `f32x4.splat (f32.const ...)`: TurboFan folds such constants and rebuilds each one (3 instructions) at every
 * use inside the loop, which made the exp 2x slower.
 */
export function expTableWat() {
  const bytes = new Uint8Array(4 * Object.keys(CONSTANTS).length);
  const view = new DataView(bytes.buffer);
  Object.values(CONSTANTS).forEach((value, i) => {
    view.setFloat32(4 * i, value === 'inf' ? Number.POSITIVE_INFINITY : value, true);
  });
  const text = Array.from(bytes, (b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
  return `(data (i32.const ${EXP_TABLE}) "${text}")`;
}

/** WAT that loads {@link expInline}'s constants from the table into their locals; put it before the loop. */
export function expConstants(t) {
  return Object.keys(CONSTANTS)
    .map((name, i) => `(local.set $${t}_${name} (v128.load32_splat offset=${EXP_TABLE + 4 * i} (i32.const 0)))`)
    .join('\n    ');
}

/** WAT of an exported `expf32(ptr, n)` that overwrites n floats (n a multiple of 4) with their exp: for tests. */
export function expWat() {
  return `
  ;; x[i] = exp(x[i]) for n floats at byte address $p, n a multiple of 4. Exported so tests can measure accuracy.
  (func $expf32 (export "expf32") (param $p i32) (param $n i32)
    (local $x v128) (local $y v128) ${expLocals('e')}
    (local.set $n (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    ${expConstants('e')}
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
        (local.set $x (v128.load (local.get $p)))
        ${expInline('x', 'y', 'e')}
        (v128.store (local.get $p) (local.get $y))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $each))))
`;
}
