/**
 * A peer cross-check (never the oracle): a few representative ops against tfjs-core on its CPU backend,
 * on random float32 inputs. tfjs computes in float32 throughout, we accumulate in float64, so the tolerances
 * are float32-sized.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { add, exp, layerNorm, logSoftmax, mul, softmax, sum, type Tensor } from '../../src/index.js';
import { pairBroadcastShapesArb, tensorArb } from '../support/arbitraries.js';
import { expectClose, refElements } from '../support/reference.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const toTf = (t: Tensor) => tf.tensor(refElements(t), [...t.shape], 'float32');
const TOL = { rtol: 1e-5, atol: 1e-6 };

describe('against tfjs-core (cpu backend)', () => {
  it('add and mul with broadcasting', () => {
    fc.assert(
      fc.property(
        pairBroadcastShapesArb({ maxSize: 5 }).chain(([sa, sb]) =>
          fc.tuple(tensorArb({ shape: sa }), tensorArb({ shape: sb })),
        ),
        ([a, b]) => {
          expectClose(add(a, b), tf.add(toTf(a), toTf(b)).dataSync(), TOL);
          expectClose(mul(a, b), tf.mul(toTf(a), toTf(b)).dataSync(), TOL);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('exp', () => {
    fc.assert(
      fc.property(tensorArb({ min: -20, max: 20 }), (a) => {
        expectClose(exp(a), tf.exp(toTf(a)).dataSync(), TOL);
      }),
      { numRuns: 50 },
    );
  });

  it('softmax and logSoftmax along the last axis', () => {
    fc.assert(
      fc.property(tensorArb({ minRank: 1, minSize: 1, maxSize: 7, min: -20, max: 20 }), (a) => {
        expectClose(softmax(a), tf.softmax(toTf(a)).dataSync(), TOL);
        expectClose(logSoftmax(a), tf.logSoftmax(toTf(a)).dataSync(), { rtol: 1e-5, atol: 2e-5 });
      }),
      { numRuns: 50 },
    );
  });

  it('sum over random axes', () => {
    fc.assert(
      fc.property(
        tensorArb({ minRank: 1, maxSize: 6 }).chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.shuffledSubarray(
              t.shape.map((_, i) => i),
              { minLength: 1 },
            ),
          ),
        ),
        ([a, axes]) => {
          expectClose(sum(a, { axis: axes }), tf.sum(toTf(a), axes).dataSync(), { rtol: 1e-5, atol: 1e-4 });
        },
      ),
      { numRuns: 50 },
    );
  });

  // Integer inputs keep rows well conditioned: for nearly equal values tfjs's float32 moments lose most digits
  // (seen: 5e-2 relative on a row [9.99905, 9.99907]), while ours match the float64 reference (layerNorm.test.ts).
  it('layerNorm against tf.moments over the last axis (well-conditioned rows)', () => {
    fc.assert(
      fc.property(tensorArb({ minRank: 1, minSize: 2, maxSize: 7, integers: true }), (a) => {
        const x = toTf(a);
        const { mean, variance } = tf.moments(x, -1, true);
        const peer = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5)));
        expectClose(layerNorm(a), peer.dataSync(), { rtol: 1e-4, atol: 1e-4 });
      }),
      { numRuns: 50 },
    );
  });
});
