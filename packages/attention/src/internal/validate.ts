import { type DType, type FloatDType, isContiguous, isTensor, showShape, type Tensor } from '@attn/tensor';

/** Throws unless `x` is a tensor; `fn` and `name` say which function and argument. */
export function assertTensor(fn: string, name: string, x: unknown): asserts x is Tensor {
  if (!isTensor(x)) throw new TypeError(`${fn}: ${name} must be a tensor, got ${describe(x)}`);
}

/** Throws unless `x` is a float32 or float64 tensor. */
export function assertFloatTensor(fn: string, name: string, x: unknown): asserts x is Tensor<FloatDType> {
  assertTensor(fn, name, x);
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw new TypeError(`${fn}: ${name} must be float32 or float64, got ${x.dtype} ${showShape(x.shape)}`);
  }
}

/** Throws unless `t` has exactly one of the given ranks. */
export function assertRank(fn: string, name: string, t: Tensor, ranks: readonly number[]): void {
  if (!ranks.includes(t.shape.length)) {
    const expected = ranks.length === 1 ? `${ranks[0]}` : `${ranks.slice(0, -1).join(', ')} or ${ranks.at(-1)}`;
    throw new RangeError(`${fn}: ${name} must have rank ${expected}, got shape ${showShape(t.shape)}`);
  }
}

/** Throws unless `t` has the same dtype as `like` (mixing float32 and float64 is always a mistake here). */
export function assertSameDType(fn: string, name: string, t: Tensor, likeName: string, like: Tensor): void {
  if (t.dtype !== like.dtype) {
    throw new TypeError(
      `${fn}: ${name} is ${t.dtype} ${showShape(t.shape)} but ${likeName} is ${like.dtype} ${showShape(like.shape)} (convert one with astype)`,
    );
  }
}

/** Throws unless `n` is a positive integer. */
export function assertPositiveInteger(fn: string, name: string, n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    throw new RangeError(`${fn}: ${name} must be a positive integer, got ${describe(n)}`);
  }
}

/** A short description of any value for an error message. */
export function describe(x: unknown): string {
  if (isTensor(x)) return `a ${x.dtype} tensor ${showShape(x.shape)}`;
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  return `${typeof x} ${String(x)}`;
}

/** Throws unless `n` is a non-negative integer (a length, a number of tokens). */
export function assertCount(fn: string, name: string, n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`${fn}: ${name} must be a non-negative integer, got ${describe(n)}`);
  }
}

/** Checks an `out` option: a contiguous tensor of `shape` and `dtype` (TypeError otherwise, naming both). */
export function assertOut(fn: string, out: unknown, dtype: DType, shape: readonly number[]): asserts out is Tensor {
  assertTensor(fn, 'out', out);
  if (out.dtype !== dtype || showShape(out.shape) !== showShape(shape) || !isContiguous(out)) {
    throw new TypeError(
      `${fn}: out must be a contiguous ${dtype} tensor of shape ${showShape(shape)}, got ${out.dtype} ${showShape(out.shape)}${isContiguous(out) ? '' : ' (not contiguous)'}`,
    );
  }
}
