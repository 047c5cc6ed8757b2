import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { sfusedSoftmaxGemm } from '../../src/kernels/js/fusedSoftmaxGemm.js';
import type { FusedSoftmaxGemmKernel } from '../../src/kernels/Kernels.js';
import { loadWasmKernels } from '../../src/kernels/wasm/loadWasmKernels.js';
import { makeWasmSfusedSoftmaxGemm } from '../../src/kernels/wasm/makeWasmSfusedSoftmaxGemm.js';
import { at, layoutArb, type StridedMatrix, seededValues, stridedMatrix } from './wasm/stridedMatrix.js';

let simd: FusedSoftmaxGemmKernel;
beforeAll(async () => {
  const wasm = await loadWasmKernels();
  expect(wasm).not.toBeNull();
  simd = makeWasmSfusedSoftmaxGemm(wasm!, () => {
    throw new Error('the SIMD path fell back to TypeScript');
  });
});

interface Problem {
  M: number;
  N: number;
  K: number;
  P: number;
  alpha: number;
  A: StridedMatrix;
  B: StridedMatrix;
  C: StridedMatrix;
  bias: StridedMatrix | null;
  diagonal: number;
}

/** The float64 reference, one row at a time: softmax over the visible columns, zeros for a row that sees none. */
function reference(p: Problem): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < p.M; i++) {
    const s: number[] = [];
    for (let j = 0; j < p.N; j++) {
      let x = Number.NEGATIVE_INFINITY;
      if (j <= i + p.diagonal) {
        let dot = 0;
        for (let k = 0; k < p.K; k++) dot += at(p.A, i, k) * at(p.B, j, k);
        x = p.alpha * dot;
        if (p.bias) {
          const b = at(p.bias, i, j);
          x = b === Number.NEGATIVE_INFINITY ? b : x + b;
        }
      }
      s.push(x);
    }
    const max = Math.max(...s);
    const row = new Array<number>(p.P).fill(0);
    if (max !== Number.NEGATIVE_INFINITY) {
      const e = s.map((x) => Math.exp(x - max));
      const sum = e.reduce((a, b) => a + b, 0);
      for (let j = 0; j < p.N; j++) for (let c = 0; c < p.P; c++) row[c] += (e[j] / sum) * at(p.C, j, c);
    }
    out.push(row);
  }
  return out;
}

/** Random problems; `rows` narrows M (the SIMD module takes its row path below 4 rows). */
const problemArb = (rows = { min: 1, max: 21 }) =>
  fc
    .record({
      M: fc.integer(rows),
      // mostly small, sometimes past one or two column blocks of 128
      N: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 120, max: 300 })),
      K: fc.integer({ min: 1, max: 19 }),
      P: fc.integer({ min: 1, max: 19 }),
      alpha: fc.double({ min: -2, max: 2, noNaN: true }),
      layouts: fc.tuple(layoutArb, layoutArb, layoutArb, layoutArb, layoutArb),
      withBias: fc.boolean(),
      hideEvery: fc.integer({ min: 2, max: 7 }),
      diagonal: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: -25, max: 30 })),
      seed: fc.nat(),
    })
    .map((r) => {
      const hide = seededValues(r.seed + 4);
      const p: Problem = {
        M: r.M,
        N: r.N,
        K: r.K,
        P: r.P,
        alpha: r.alpha,
        A: stridedMatrix(r.M, r.K, r.layouts[0], seededValues(r.seed)),
        B: stridedMatrix(r.N, r.K, r.layouts[1], seededValues(r.seed + 1)),
        C: stridedMatrix(r.N, r.P, r.layouts[2], seededValues(r.seed + 2)),
        bias: r.withBias
          ? stridedMatrix(r.M, r.N, r.layouts[3], (i, j) =>
              (i + 3 * j) % r.hideEvery === 0 ? Number.NEGATIVE_INFINITY : hide(i, j),
            )
          : null,
        diagonal: r.diagonal,
      };
      return { p, outLayout: r.layouts[4] };
    });

function run(kernel: FusedSoftmaxGemmKernel, p: Problem, Y: StridedMatrix): void {
  const { A, B, C, bias } = p;
  kernel(
    p.M,
    p.N,
    p.K,
    p.P,
    p.alpha,
    A.data,
    A.stride1,
    A.stride2,
    A.offset,
    B.data,
    B.stride1,
    B.stride2,
    B.offset,
    C.data,
    C.stride1,
    C.stride2,
    C.offset,
    bias ? bias.data : null,
    bias ? bias.stride1 : 0,
    bias ? bias.stride2 : 0,
    bias ? bias.offset : 0,
    p.diagonal,
    Y.data,
    Y.stride1,
    Y.stride2,
    Y.offset,
  );
}

function check(kernel: () => FusedSoftmaxGemmKernel, rows?: { min: number; max: number }) {
  fc.assert(
    fc.property(problemArb(rows), ({ p, outLayout }) => {
      const Y = stridedMatrix(p.M, p.P, outLayout, () => Number.NaN);
      const before = Array.from(Y.data);
      run(kernel(), p, Y);
      const want = reference(p);
      for (let i = 0; i < p.M; i++) {
        for (let c = 0; c < p.P; c++) {
          const got = at(Y, i, c);
          if (!(Math.abs(got - want[i][c]) <= 2e-5)) throw new Error(`Y[${i},${c}] = ${got}, expected ${want[i][c]}`);
        }
      }
      // nothing outside Y's elements was written
      const written = new Set<number>();
      for (let i = 0; i < p.M; i++) for (let c = 0; c < p.P; c++) written.add(Y.offset + i * Y.stride1 + c * Y.stride2);
      for (let e = 0; e < before.length; e++) if (!written.has(e)) expect(Y.data[e]).toBeNaN();
    }),
    { numRuns: 250 },
  );
}

describe('sfusedSoftmaxGemm: softmax(alpha A B^T + bias) C without the M x N matrix', () => {
  it('TypeScript kernel matches the float64 reference over shapes, layouts, biases and diagonals', () => {
    check(() => sfusedSoftmaxGemm);
  });

  it('WebAssembly SIMD kernel matches the float64 reference across row and column block boundaries', () => {
    check(() => simd);
  });

  it('WebAssembly SIMD kernel matches it on its row path too (1 to 3 rows: one query per head, as when decoding)', () => {
    check(() => simd, { min: 1, max: 3 });
  });

  it.each([
    ['TypeScript', () => sfusedSoftmaxGemm],
    ['SIMD', () => simd],
  ] as const)('%s: NaN in a visible score makes the row NaN; a -Infinity bias hides a NaN score', (_, kernel) => {
    // 2 rows, 3 columns, K = 1; B's column 2 is NaN.
    const A = new Float32Array([1, 2]);
    const B = new Float32Array([1, 0, Number.NaN]);
    const C = new Float32Array([1, 2, 3]);
    const Y = new Float32Array(2);
    const bias = new Float32Array([0, 0, Number.NEGATIVE_INFINITY, 0, 0, 0]);
    kernel()(2, 3, 1, 1, 1, A, 1, 1, 0, B, 1, 1, 0, C, 1, 1, 0, bias, 3, 1, 0, Number.POSITIVE_INFINITY, Y, 1, 1, 0);
    expect(Number.isFinite(Y[0])).toBe(true);
    expect(Y[1]).toBeNaN();
    // the causal limit hides it too: row 0 sees column 0 only, row 1 columns 0 and 1
    kernel()(2, 3, 1, 1, 1, A, 1, 1, 0, B, 1, 1, 0, C, 1, 1, 0, null, 0, 0, 0, 0, Y, 1, 1, 0);
    expect(Y[0]).toBe(1);
    expect(Y[1]).toBeCloseTo((Math.exp(2) * 1 + 1 * 2) / (Math.exp(2) + 1), 6);
  });
});
