import type { Tensor } from '@attn/tensor';

/** One step of a walkthrough: a named intermediate, its shape and what its axes mean, for printing or plotting. */
export interface WalkthroughStep {
  /** A stable identifier (`'weights'`, `'concat'`, ...). */
  key: string;
  /** A short title for a heading or a chart. */
  title: string;
  /** What the step computes, in the paper's names. */
  formula: string;
  /** The tensor itself. */
  tensor: Tensor;
  /** Its shape (the same as `tensor.shape`, listed for readers). */
  shape: readonly number[];
  /** What each axis indexes, e.g. `['head', 'query', 'key']`. */
  axes: readonly string[];
}

/** Builds a step, reading the shape off the tensor. Internal. */
export function step(
  key: string,
  title: string,
  formula: string,
  tensor: Tensor,
  axes: readonly string[],
): WalkthroughStep {
  return { key, title, formula, tensor, shape: tensor.shape, axes };
}

/** Builds a step whose tensor is computed when first read (`compute` keeps its result); the shape is known before. Internal. */
export function lazyStep(
  key: string,
  title: string,
  formula: string,
  shape: readonly number[],
  axes: readonly string[],
  compute: () => Tensor,
): WalkthroughStep {
  return {
    key,
    title,
    formula,
    get tensor() {
      return compute();
    },
    shape,
    axes,
  };
}
