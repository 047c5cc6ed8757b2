import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcastTo, tensor, zeros } from '../../src/index.js';
import { pairBroadcastShapesArb, viewArb } from '../support/arbitraries.js';
import { refBroadcastElements, refBroadcastShape, refElements } from '../support/reference.js';

describe('broadcastTo', () => {
  it('repeats length-1 and missing axes with stride 0, reading like numpy broadcasting', () => {
    fc.assert(
      fc.property(
        pairBroadcastShapesArb().chain(([a, b]) =>
          fc.tuple(viewArb({ shape: a }), fc.constant(refBroadcastShape(a, b) as number[])),
        ),
        ([t, shape]) => {
          const u = broadcastTo(t, shape);
          expect(u.data).toBe(t.data);
          expect(u.shape).toEqual(shape);
          expect(refElements(u)).toEqual(refBroadcastElements(t, shape));
          const lead = shape.length - t.shape.length;
          u.strides.forEach((s, i) => {
            if (i < lead || (t.shape[i - lead] === 1 && shape[i] !== 1)) expect(s).toBe(0);
          });
        },
      ),
    );
  });

  it('aliases: a write through the base shows in every repeat', () => {
    const bias = tensor([1, 2, 3]);
    const b = broadcastTo(bias, [2, 3]);
    bias.data[1] = 20;
    expect(refElements(b)).toEqual([1, 20, 3, 1, 20, 3]);
  });

  it('rejects shapes it cannot reach, naming both', () => {
    expect(() => broadcastTo(zeros([2, 3]), [4, 3])).toThrow('broadcastTo: shape [2,3] cannot be broadcast to [4,3]');
    expect(() => broadcastTo(zeros([2, 3]), [3])).toThrow('broadcastTo: shape [2,3] cannot be broadcast to [3]');
    expect(() => broadcastTo(zeros([2]), [-1])).toThrow('broadcastTo: shape [-1] must hold non-negative integers');
  });
});
