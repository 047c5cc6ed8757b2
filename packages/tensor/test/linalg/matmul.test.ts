import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTensor, type Tensor } from '../../src/core/index.js';
import { tensor } from '../../src/create/tensor.js';
import { type KernelBackend, kernelBackend, ready, setKernelBackend } from '../../src/kernels/index.js';
import { matmul } from '../../src/linalg/matmul.js';
import { anyTensorArb, pairBroadcastShapesArb } from '../support/arbitraries.js';
import { forEachIndex, refElements, refGet } from '../support/reference.js';

/** The oracle: numpy's matmul written index by index in float64, with its own broadcasting. */
function refMatmul(a: Tensor, b: Tensor): { shape: number[]; values: number[]; scale: number[] } {
  const a2 = a.shape.length === 1 ? [1, a.shape[0]] : [...a.shape];
  const b2 = b.shape.length === 1 ? [b.shape[0], 1] : [...b.shape];
  const ba = a2.slice(0, -2);
  const bb = b2.slice(0, -2);
  const rank = Math.max(ba.length, bb.length);
  const batch: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = ba[i - rank + ba.length] ?? 1;
    const y = bb[i - rank + bb.length] ?? 1;
    batch.push(x === 1 ? y : x);
  }
  const [M, K] = a2.slice(-2);
  const N = b2[b2.length - 1];
  const values: number[] = [];
  const scale: number[] = [];
  forEachIndex([...batch, M, N], (index) => {
    const bi = index.slice(0, rank);
    const [i, j] = index.slice(rank);
    const pick = (shape: number[], at: number[]) =>
      shape.map((d, q) => (d === 1 ? 0 : at[q - shape.length + rank])).slice(0, shape.length);
    const ia = pick(ba, bi);
    const ib = pick(bb, bi);
    let sum = 0;
    let abs = 0;
    for (let k = 0; k < K; k++) {
      const x = refGet(a, a.shape.length === 1 ? [k] : [...ia, i, k]);
      const y = refGet(b, b.shape.length === 1 ? [k] : [...ib, k, j]);
      sum += x * y;
      abs += Math.abs(x * y);
    }
    values.push(sum);
    scale.push(abs);
  });
  const shape = [...batch];
  if (a.shape.length > 1) shape.push(M);
  if (b.shape.length > 1) shape.push(N);
  return { shape, values, scale };
}

const dim = (max: number) => fc.oneof(fc.integer({ min: 0, max }), fc.constantFrom(1, 3, 4, 7, 12, 13));

/** Two operands that align, of any rank 1..4, as random views (transposed, strided, flipped, broadcast). */
const pairArb = (dtype: 'float32' | 'float64', integers: boolean, big: boolean) =>
  fc
    .record({
      batches: pairBroadcastShapesArb({ maxRank: 2, maxSize: 3 }),
      M: dim(big ? 70 : 9),
      N: dim(big ? 70 : 9),
      K: dim(big ? 70 : 9),
      vecA: fc.constantFrom(false, false, true),
      vecB: fc.constantFrom(false, false, true),
    })
    .chain(({ batches: [ba, bb], M, N, K, vecA, vecB }) => {
      const sa = vecA ? [K] : big ? [M, K] : [...ba, M, K];
      const sb = vecB ? [K] : big ? [K, N] : [...bb, K, N];
      return fc.tuple(
        anyTensorArb({ dtype, integers, shape: sa, min: -4, max: 4 }),
        anyTensorArb({ dtype, integers, shape: sb, min: -4, max: 4 }),
      );
    });

function checkAgainstReference(a: Tensor, b: Tensor, exact: boolean): void {
  const got = matmul(a as Tensor<'float32'>, b as Tensor<'float32'>);
  const want = refMatmul(a, b);
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(a.dtype);
  const values = refElements(got);
  if (exact) {
    expect(values).toEqual(want.values);
    return;
  }
  const eps = a.dtype === 'float32' ? 2 ** -23 : 2 ** -51;
  // results below the smallest normal number round to a multiple of the smallest subnormal
  const tiny = a.dtype === 'float32' ? 2 ** -126 : 2 ** -1022;
  values.forEach((v, q) => {
    const K = a.shape[a.shape.length - 1];
    expect(Math.abs(v - want.values[q])).toBeLessThanOrEqual((K + 2) * (eps * want.scale[q] + tiny));
  });
}

for (const backend of ['js', 'wasm-simd'] as KernelBackend[]) {
  describe(`matmul on the '${backend}' kernels`, () => {
    beforeAll(async () => {
      await ready();
      setKernelBackend(backend);
    });
    afterAll(() => setKernelBackend('auto'));

    it('runs on the backend asked for', () => {
      expect(kernelBackend().active).toBe(backend);
    });

    it('is exact on integer inputs: any rank, batch broadcasting, any views, float32 and float64', () => {
      for (const dtype of ['float32', 'float64'] as const) {
        fc.assert(
          fc.property(pairArb(dtype, true, false), ([a, b]) => checkAgainstReference(a, b, true)),
          { numRuns: 150 },
        );
      }
    });

    it('is exact on 2-D views of sizes 0..70 (every tile edge)', () => {
      fc.assert(
        fc.property(pairArb('float32', true, true), ([a, b]) => checkAgainstReference(a, b, true)),
        { numRuns: 60 },
      );
    });

    it('matches the float64 reference on random floats within a tolerance that grows with K', () => {
      for (const dtype of ['float32', 'float64'] as const) {
        fc.assert(
          fc.property(pairArb(dtype, false, false), ([a, b]) => checkAgainstReference(a, b, false)),
          { numRuns: 100 },
        );
      }
    });
  });
}

describe('matmul', () => {
  it('broadcasts batch axes where tfjs-backend-cpu 4.22 gets it wrong: [3,1,2,4] x [1,5,4,2] -> [3,5,2,2]', () => {
    const a = makeTensor(
      'float32',
      Float32Array.from({ length: 24 }, (_, i) => i - 7),
      [3, 1, 2, 4],
    );
    const b = makeTensor(
      'float32',
      Float32Array.from({ length: 40 }, (_, i) => (i % 7) - 3),
      [1, 5, 4, 2],
    );
    const c = matmul(a, b);
    expect(c.shape).toEqual([3, 5, 2, 2]);
    expect(refElements(c)).toEqual(refMatmul(a, b).values);
  });

  it('gives numpy shapes for 1-D operands', () => {
    expect(matmul(tensor([1, 2, 3]), tensor([4, 5, 6])).shape).toEqual([]);
    expect(refElements(matmul(tensor([1, 2, 3]), tensor([4, 5, 6])))).toEqual([32]);
    expect(matmul(tensor([[1, 2, 3]]), tensor([4, 5, 6])).shape).toEqual([1]);
    expect(
      matmul(
        tensor([1, 2]),
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).shape,
    ).toEqual([3]);
    expect(matmul(tensor([1, 2]), makeTensor('float32', new Float32Array(12), [3, 2, 2])).shape).toEqual([3, 2]);
  });

  it('satisfies (A B)^T = B^T A^T, transposes taken as stride swaps', () => {
    fc.assert(
      fc.property(pairArb('float64', true, true), ([a, b]) => {
        if (a.shape.length !== 2 || b.shape.length !== 2) return;
        const t = (x: Tensor) =>
          makeTensor(x.dtype, x.data, [x.shape[1], x.shape[0]], [x.strides[1], x.strides[0]], x.offset);
        const ab = matmul(a as Tensor<'float64'>, b as Tensor<'float64'>);
        const btat = matmul(t(b) as Tensor<'float64'>, t(a) as Tensor<'float64'>);
        expect(refElements(t(ab))).toEqual(refElements(btat));
      }),
      { numRuns: 40 },
    );
  });

  it('writes into out, any view of the right shape, and returns it', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    const base = new Float32Array(8).fill(Number.NaN);
    const out = makeTensor('float32', base, [2, 2], [1, 4], 1); // a column-major view, offset 1
    expect(matmul(a, a, { out })).toBe(out);
    expect(refElements(out)).toEqual([7, 10, 15, 22]);
    // x W over a batch shares W: the batches of x stack into one gemm, still right with a strided out
    const x = makeTensor(
      'float32',
      Float32Array.from({ length: 12 }, (_, i) => i),
      [2, 3, 2],
    );
    const w = tensor([
      [1, -1, 2],
      [0, 1, 1],
    ]);
    const o = makeTensor('float32', new Float32Array(36), [2, 3, 3], [18, 6, 2], 0);
    matmul(x, w, { out: o });
    expect(refElements(o)).toEqual(refMatmul(x, w).values);
  });

  it('rejects shapes that do not align, batches that do not broadcast, and scalars', () => {
    const z = (...shape: number[]) => makeTensor('float32', new Float32Array(shape.reduce((p, d) => p * d, 1)), shape);
    expect(() => matmul(z(2, 3), z(4, 5))).toThrow('matmul: shapes [2,3] and [4,5] do not align (3 != 4)');
    expect(() => matmul(z(3), z(4))).toThrow('matmul: shapes [3] and [4] do not align (3 != 4)');
    expect(() => matmul(z(2, 2, 3), z(3, 3, 1))).toThrow(
      'matmul: the batch axes of shapes [2,2,3] and [3,3,1] do not broadcast ([2] and [3])',
    );
    expect(() => matmul(z(), z(2))).toThrow(/matmul: shapes \[\] and \[2\]: a scalar is not a matrix/);
  });

  it('rejects mismatched, integer and bool dtypes with their names', () => {
    const f32 = tensor([[1, 2]]);
    const f64 = tensor([[1], [2]], { dtype: 'float64' });
    expect(() => matmul(f32 as never, f64 as never)).toThrow('matmul: dtypes of a and b differ (float32 and float64)');
    const i32 = tensor([[1]], { dtype: 'int32' });
    expect(() => matmul(i32 as never, i32 as never)).toThrow('matmul: int32 tensors are not supported');
    expect(() => matmul([[1]] as never, f32)).toThrow('matmul: a must be a tensor');
  });

  it('rejects a bad out: wrong shape, dtype, a broadcast view, or memory shared with an input', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(() => matmul(a, a, { out: tensor([1, 2, 3, 4]) })).toThrow(
      'matmul: out has shape [4], but [2,2] x [2,2] gives [2,2]',
    );
    expect(() =>
      matmul(a, a, {
        out: tensor(
          [
            [0, 0],
            [0, 0],
          ],
          { dtype: 'float64' },
        ) as never,
      }),
    ).toThrow('matmul: out has dtype float64, the result is float32');
    expect(() => matmul(a, a, { out: makeTensor('float32', new Float32Array(2), [2, 2], [0, 1]) })).toThrow(
      /matmul: out .* is a broadcast view/,
    );
    expect(() =>
      matmul(
        a,
        tensor([
          [1, 0],
          [0, 1],
        ]),
        { out: a },
      ),
    ).toThrow('matmul: out shares memory with a');
  });
});
