import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gather, indexSelect, tensor, zeros } from '../../src/index.js';
import { viewArb } from '../support/arbitraries.js';
import { forEachIndex, refGet } from '../support/reference.js';

describe('indexSelect', () => {
  it('takes entries along an axis by an int32 index tensor of any shape (numpy take)', () => {
    fc.assert(
      fc.property(
        viewArb({ minRank: 1, maxRank: 3, minSize: 1 }).chain((t) =>
          fc
            .integer({ min: 0, max: t.shape.length - 1 })
            .chain((axis) =>
              fc.tuple(
                fc.constant(t),
                fc.constant(axis),
                viewArb({ dtype: 'int32', maxRank: 2, min: 0, max: t.shape[axis] - 1 }),
              ),
            ),
        ),
        ([t, axis, ids]) => {
          const out = indexSelect(t, axis, ids);
          const pre = t.shape.slice(0, axis);
          const post = t.shape.slice(axis + 1);
          expect(out.shape).toEqual([...pre, ...ids.shape, ...post]);
          forEachIndex(out.shape, (index) => {
            const k = index.slice(axis, axis + ids.shape.length);
            const src = [...index.slice(0, axis), refGet(ids, k), ...index.slice(axis + ids.shape.length)];
            expect(refGet(out, index)).toBe(refGet(t, src));
          });
        },
      ),
    );
  });

  it('looks up embeddings: [vocab, d] by ids [batch, T] gives [batch, T, d]', () => {
    const table = tensor([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    const out = indexSelect(table, 0, tensor([[2, 0, 2]], { dtype: 'int32' }));
    expect(out.shape).toEqual([1, 3, 2]);
    expect(Array.from(out.data)).toEqual([2, 2, 0, 0, 2, 2]);
  });

  it('rejects out-of-range and non-int32 indices and a bad axis', () => {
    const t = zeros([3, 2]);
    expect(() => indexSelect(t, 0, tensor([3], { dtype: 'int32' }))).toThrow(
      'indexSelect: index 3 is out of range [0, 3) for axis 0 of shape [3,2]',
    );
    expect(() => indexSelect(t, 0, tensor([-1], { dtype: 'int32' }))).toThrow(
      'indexSelect: index -1 is out of range [0, 3) for axis 0 of shape [3,2]',
    );
    expect(() => indexSelect(t, 0, tensor([1]) as never)).toThrow(
      'indexSelect: indices must be int32, not float32 (convert with astype)',
    );
    expect(() => indexSelect(t, 2, tensor([0], { dtype: 'int32' }))).toThrow(
      'indexSelect: axis 2 is out of range for shape [3,2] (rank 2)',
    );
  });
});

describe('gather', () => {
  it('reads t at the index on the axis, element by element (torch gather)', () => {
    fc.assert(
      fc.property(
        viewArb({ minRank: 1, maxRank: 3, minSize: 1 }).chain((t) =>
          fc
            .integer({ min: 0, max: t.shape.length - 1 })
            .chain((axis) =>
              fc
                .tuple(...t.shape.map((d, k) => fc.integer({ min: 0, max: k === axis ? 4 : d })))
                .chain((ishape) =>
                  fc.tuple(
                    fc.constant(t),
                    fc.constant(axis),
                    viewArb({ shape: ishape, dtype: 'int32', min: 0, max: t.shape[axis] - 1 }),
                  ),
                ),
            ),
        ),
        ([t, axis, index]) => {
          const out = gather(t, axis, index);
          expect(out.shape).toEqual(index.shape);
          forEachIndex(out.shape, (i) => {
            const src = [...i];
            src[axis] = refGet(index, i);
            expect(refGet(out, i)).toBe(refGet(t, src));
          });
        },
      ),
    );
    const scores = tensor([
      [0.5, 0.25, 0.125],
      [1, 2, 3],
    ]);
    expect(Array.from(gather(scores, 1, tensor([[1], [2]], { dtype: 'int32' })).data)).toEqual([0.25, 3]);
  });

  it('rejects indices out of range, a mismatched index shape and non-int32 indices', () => {
    const t = zeros([2, 3]);
    expect(() => gather(t, 1, tensor([[3]], { dtype: 'int32' }))).toThrow(
      'gather: index 3 is out of range [0, 3) for axis 1 of shape [2,3]',
    );
    expect(() => gather(t, 1, tensor([[0], [0], [0]], { dtype: 'int32' }))).toThrow(
      'gather: index shape [3,1] does not fit shape [2,3] on axes other than 1',
    );
    expect(() => gather(t, 1, tensor([0, 1], { dtype: 'int32' }))).toThrow(
      'gather: index shape [2] does not fit shape [2,3] on axes other than 1',
    );
    expect(() => gather(t, 0, tensor([[0]], { dtype: 'bool' }) as never)).toThrow(
      'gather: index must be int32, not bool',
    );
  });
});
