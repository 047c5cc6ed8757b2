import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTensor, type Tensor } from '../../src/core/index.js';
import { tensor } from '../../src/create/tensor.js';
import { type KernelBackend, ready, setKernelBackend } from '../../src/kernels/index.js';
import { einsum } from '../../src/linalg/einsum.js';
import { parseEinsum } from '../../src/linalg/parseEinsum.js';
import { anyTensorArb } from '../support/arbitraries.js';
import { forEachIndex, refElements, refGet } from '../support/reference.js';

/**
 * The oracle: einsum by its definition, in float64. Every assignment of the output letters is one element; it sums,
 * over every assignment of the other letters, the product of the operands' elements those letters pick.
 * `output` is given explicitly (the tests derive implicit outputs themselves).
 */
function refEinsum(inputs: string[], output: string, ops: Tensor[]) {
  const length = new Map<string, number>();
  inputs.forEach((term, i) => {
    [...term].forEach((l, q) => {
      length.set(l, ops[i].shape[q]);
    });
  });
  const summed = [...length.keys()].filter((l) => !output.includes(l));
  const values: number[] = [];
  const scale: number[] = [];
  forEachIndex(
    [...output].map((l) => length.get(l)!),
    (outIndex) => {
      let sum = 0;
      let abs = 0;
      forEachIndex(
        summed.map((l) => length.get(l)!),
        (sumIndex) => {
          const at = (l: string) => {
            const o = output.indexOf(l);
            return o >= 0 ? outIndex[o] : sumIndex[summed.indexOf(l)];
          };
          let p = 1;
          inputs.forEach((term, i) => {
            p *= refGet(
              ops[i],
              [...term].map((l) => at(l)),
            );
          });
          sum += p;
          abs += Math.abs(p);
        },
      );
      values.push(sum);
      scale.push(abs);
    },
  );
  return { shape: [...output].map((l) => length.get(l)!), values, scale };
}

/** A random spec over the letters 'abcde' with random lengths, and operands (views, any layout) that fit it. */
const caseArb = (dtype: 'float32' | 'float64', integers: boolean, maxSize: number) =>
  fc
    .record({
      lengths: fc.array(fc.integer({ min: 0, max: maxSize }), { minLength: 5, maxLength: 5 }),
      terms: fc.array(fc.array(fc.constantFrom(...'abcde'), { minLength: 0, maxLength: 4 }), {
        minLength: 1,
        maxLength: 2,
      }),
      keep: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      order: fc.shuffledSubarray([...'abcde'], { minLength: 5, maxLength: 5 }),
    })
    .chain(({ lengths, terms, keep, order }) => {
      const used = new Set(terms.flat());
      const output = order.filter((l, i) => used.has(l) && keep[i]).join('');
      const len = (l: string) => lengths['abcde'.indexOf(l)];
      return fc
        .tuple(
          ...terms.map((term) =>
            anyTensorArb({ dtype, integers, min: -3, max: 3, shape: term.map(len), broadcast: true }),
          ),
        )
        .map((ops) => ({ inputs: terms.map((t) => t.join('')), output, ops }));
    });

function check({ inputs, output, ops }: { inputs: string[]; output: string; ops: Tensor[] }, exact: boolean) {
  const spec = `${inputs.join(',')}->${output}`;
  const got = einsum(spec, ops[0] as Tensor<'float32'>, ops[1] as Tensor<'float32'> | undefined);
  const want = refEinsum(inputs, output, ops);
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(ops[0].dtype);
  const values = refElements(got);
  if (exact) {
    expect(values).toEqual(want.values);
    return;
  }
  const eps = ops[0].dtype === 'float32' ? 2 ** -23 : 2 ** -51;
  // results below the smallest normal number round to a multiple of the smallest subnormal
  const tiny = ops[0].dtype === 'float32' ? 2 ** -126 : 2 ** -1022;
  const n = sumCount(inputs, output, ops);
  values.forEach((v, q) => {
    expect(Math.abs(v - want.values[q])).toBeLessThanOrEqual((n + 2) * (eps * want.scale[q] + tiny));
  });
}

/** How many products each result element sums. */
function sumCount(inputs: string[], output: string, ops: Tensor[]): number {
  const length = new Map<string, number>();
  inputs.forEach((term, i) => {
    [...term].forEach((l, q) => {
      length.set(l, ops[i].shape[q]);
    });
  });
  return [...length].filter(([l]) => !output.includes(l)).reduce((p, [, n]) => p * n, 1);
}

for (const backend of ['js', 'wasm-simd'] as KernelBackend[]) {
  describe(`einsum on the '${backend}' kernels`, () => {
    beforeAll(async () => {
      await ready();
      setKernelBackend(backend);
    });
    afterAll(() => setKernelBackend('auto'));

    it('is exact on integer inputs for random specs (diagonals, sums, transposes, products) and views', () => {
      for (const dtype of ['float32', 'float64'] as const) {
        fc.assert(
          fc.property(caseArb(dtype, true, 5), (c) => check(c, true)),
          { numRuns: 250 },
        );
      }
    });

    it('matches the float64 reference on random floats, lengths up to 14', () => {
      for (const dtype of ['float32', 'float64'] as const) {
        fc.assert(
          fc.property(caseArb(dtype, false, 14), (c) => check(c, false)),
          { numRuns: 80 },
        );
      }
    });

    it('is exact on the attention patterns with lengths across the gemm tiles (up to 70)', () => {
      const len = fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constantFrom(1, 3, 4, 8, 13, 64));
      const specs = [
        ['bhqd', 'bhkd', 'bhqk'],
        ['bhqk', 'bhkd', 'bhqd'],
        ['ij', 'jk', 'ik'],
        ['bij', 'bjk', 'bik'],
        ['ij', 'kj', 'ik'],
        ['ji', 'jk', 'ki'],
        ['i', 'j', 'ij'],
        ['i', 'i', ''],
      ];
      const caseArb = fc
        .record({
          spec: fc.constantFrom(...specs),
          b: fc.integer({ min: 1, max: 2 }),
          h: fc.integer({ min: 1, max: 3 }),
          x: len,
          y: len,
          z: len,
        })
        .chain(({ spec: [ta, tb, to], b, h, x, y, z }) => {
          const lengths: Record<string, number> = { b, h, q: x, k: y, d: z, i: x, j: z };
          const shapeOf = (term: string) => [...term].map((l) => lengths[l]);
          const operand = (term: string) =>
            anyTensorArb({ integers: true, min: -3, max: 3, shape: shapeOf(term), broadcast: false });
          return fc
            .tuple(operand(ta), operand(tb))
            .map(([a, bb]) => ({ inputs: [ta, tb], output: to, ops: [a, bb] as Tensor[] }));
        });
      fc.assert(
        fc.property(caseArb, (c) => check(c, true)),
        { numRuns: 40 },
      );
    });
  });
}

describe('einsum', () => {
  const a = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]); // [2, 3]
  const sq = tensor([
    [1, 2],
    [3, 4],
  ]);

  it('computes each common pattern', () => {
    expect(refElements(einsum('ij,jk->ik', sq, sq))).toEqual([7, 10, 15, 22]);
    expect(refElements(einsum('ij->ji', a))).toEqual([1, 4, 2, 5, 3, 6]);
    expect(einsum('ij->ji', a).shape).toEqual([3, 2]);
    expect(refElements(einsum('ii->i', sq))).toEqual([1, 4]);
    const trace = einsum('ii->', sq);
    expect(trace.shape).toEqual([]);
    expect(refElements(trace)).toEqual([5]);
    expect(refElements(einsum('ij->i', a))).toEqual([6, 15]);
    expect(refElements(einsum('ij->j', a))).toEqual([5, 7, 9]);
    expect(refElements(einsum('ij->', a))).toEqual([21]);
    expect(refElements(einsum('i,j->ij', tensor([1, 2]), tensor([3, 4, 5])))).toEqual([3, 4, 5, 6, 8, 10]);
    expect(refElements(einsum('i,i->', tensor([1, 2, 3]), tensor([4, 5, 6])))).toEqual([32]);
    const batched = einsum(
      'bij,bjk->bik',
      tensor([[[1, 2]], [[3, 4]]]),
      tensor([
        [[1], [1]],
        [[2], [-1]],
      ]),
    );
    expect(batched.shape).toEqual([2, 1, 1]);
    expect(refElements(batched)).toEqual([3, 2]);
  });

  it('takes numpy implicit outputs: the letters that occur once, alphabetically', () => {
    expect(refElements(einsum('ij,jk', sq, sq))).toEqual([7, 10, 15, 22]);
    expect(refElements(einsum('ji', a))).toEqual([1, 4, 2, 5, 3, 6]); // 'ji' -> 'ij' transposes
    expect(refElements(einsum('ii', sq))).toEqual([5]);
    // as in numpy, a letter named twice is summed, batch letters included: write '->bik' to keep b
    expect(parseEinsum(' b i j , b j k ', 2)).toEqual({ inputs: ['bij', 'bjk'], output: 'ik' });
    expect(parseEinsum('Ba,aB', 2)).toEqual({ inputs: ['Ba', 'aB'], output: '' });
    expect(parseEinsum('ba,c', 2)).toEqual({ inputs: ['ba', 'c'], output: 'abc' });
  });

  it('returns a new contiguous tensor of the operands dtype, also for float64', () => {
    const x = makeTensor('float64', new Float64Array([1, 2, 3, 4]), [2, 2]);
    const t = einsum('ij->ij', x);
    expect(t.dtype).toBe('float64');
    expect(t.data).not.toBe(x.data);
    expect(t.strides).toEqual([2, 1]);
    expect(refElements(einsum('ij,jk->ik', x, x))).toEqual([7, 10, 15, 22]);
  });

  it('keeps NaN and infinities where the definition puts them', () => {
    const x = tensor([Number.NaN, 1, Number.POSITIVE_INFINITY]);
    expect(refElements(einsum('i->i', x))).toEqual([Number.NaN, 1, Number.POSITIVE_INFINITY]);
    expect(refElements(einsum('i,i->', x, tensor([0, 1, 1])))).toEqual([Number.NaN]);
    expect(refElements(einsum('i,j->ij', tensor([1, 2]), tensor([Number.POSITIVE_INFINITY])))).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('names the function, the operand, the spec and the shapes in its errors', () => {
    const cube = makeTensor('float32', new Float32Array(8), [2, 2, 2]);
    expect(() => einsum('ij', cube)).toThrow("einsum: operand 1 has 3 axes but the spec names 2 ('ij')");
    expect(() => einsum('ij,jk->ik', a, a)).toThrow(
      "einsum: axis 'j' of 'ij,jk->ik' has length 3 in operand 1 but 2 in operand 2 (shapes [2,3] and [2,3])",
    );
    expect(() => einsum('ii->i', a)).toThrow(
      "einsum: axis 'i' of 'ii->i' has lengths 2 and 3 in operand 1 (shape [2,3])",
    );
    expect(() => einsum('ij,jk->ik', a)).toThrow("einsum: the spec 'ij,jk->ik' names 2 operands but 1 was given");
    expect(() => einsum('ij->ik', a)).toThrow("einsum: output axis 'k' of 'ij->ik' appears in no operand");
    expect(() => einsum('ij->ii', a)).toThrow("einsum: the output 'ii' of 'ij->ii' names axis 'i' twice");
    expect(() => einsum('i1->i', a)).toThrow("einsum: unexpected character '1' in the spec 'i1->i'");
    expect(() => einsum('...ij->ij', a)).toThrow("'...', which is not supported");
    expect(() => einsum('ij->i->j', a)).toThrow("more than one '->'");
    expect(() => einsum('ij->i,j', a)).toThrow('names several outputs');
    expect(() => einsum('i,i->', tensor([1]), tensor([1], { dtype: 'float64' }))).toThrow(
      'einsum: dtypes of the operands differ (float32 and float64)',
    );
    expect(() => einsum('i->i', tensor([1], { dtype: 'int32' }) as never)).toThrow(
      'einsum: int32 tensors are not supported',
    );
    expect(() => einsum('i->i', [1, 2] as never)).toThrow('einsum: operand 1 must be a tensor');
    expect(() => einsum('i,i->', tensor([1]), {} as never)).toThrow('einsum: operand 2 must be a tensor');
    expect(() => einsum(3 as never, a)).toThrow('einsum: spec must be a string');
  });
});
