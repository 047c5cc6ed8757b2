import { generator, makeTensor, type Tensor } from '@attn/tensor';
import type { MultiHeadAttentionParams } from '../attention/MultiHeadAttentionParams.js';
import { fillUniform, uniformTensor } from '../internal/fillRandom.js';
import { assertPositiveInteger } from '../internal/validate.js';
import type { InitOptions } from './InitOptions.js';

/** Options of {@link initMultiHeadAttention}. */
export interface InitMultiHeadAttentionOptions extends InitOptions {
  /** E, the width of queries and of the output. */
  embedDim: number;
  /** H; must divide E. */
  numHeads: number;
  /** Hkv (grouped-query attention); must divide H. Default H. */
  numKvHeads?: number;
  /** The width of keys. Default E. */
  kdim?: number;
  /** The width of values. Default E. */
  vdim?: number;
  /** Make biases (zeros, as PyTorch starts them). Default true. */
  bias?: boolean;
}

/**
 * Seeded weights for {@link multiHeadAttention}, initialised as PyTorch's `nn.MultiheadAttention` does:
 * Xavier uniform on the packed `in_proj_weight [3E, E]` (or on each of `q/k/vProjWeight` when kdim or vdim differ
 * from E, or with grouped-query heads), zero input biases, `out_proj.weight` with nn.Linear's default
 * U(-1/sqrt(E), 1/sqrt(E)), and a zero `out_proj.bias`. Draws in that order from one seeded source.
 *
 * Shapes: -> inProjWeight `[3E, E]` (or qProjWeight `[E, E]`, kProjWeight `[Hkv*d, kdim]`, vProjWeight
 * `[Hkv*d, vdim]`), outProjWeight `[E, E]`, biases to match.
 *
 * @example
 * import { initMultiHeadAttention } from '@attn/attention';
 * const params = initMultiHeadAttention({ embedDim: 512, numHeads: 8, seed: 42 });
 * params.inProjWeight?.shape; // [1536, 512]
 */
export function initMultiHeadAttention(options: InitMultiHeadAttentionOptions): MultiHeadAttentionParams {
  const fn = 'initMultiHeadAttention';
  const { embedDim: e, numHeads: h } = options;
  assertPositiveInteger(fn, 'embedDim', e);
  assertPositiveInteger(fn, 'numHeads', h);
  const hkv = options.numKvHeads ?? h;
  assertPositiveInteger(fn, 'numKvHeads', hkv);
  const kdim = options.kdim ?? e;
  const vdim = options.vdim ?? e;
  assertPositiveInteger(fn, 'kdim', kdim);
  assertPositiveInteger(fn, 'vdim', vdim);
  if (e % h !== 0) throw new RangeError(`${fn}: numHeads (${h}) must divide embedDim (${e})`);
  if (h % hkv !== 0) throw new RangeError(`${fn}: numKvHeads (${hkv}) must divide numHeads (${h})`);
  return drawMultiHeadAttention(options);
}

/**
 * {@link initMultiHeadAttention} without the checks, drawing into the tensors of `into` when given (weights
 * made earlier by this function with the same options but another seed): the same numbers as a fresh call,
 * written over the old ones instead of into new memory. Internal.
 */
export function drawMultiHeadAttention(
  options: InitMultiHeadAttentionOptions,
  into?: MultiHeadAttentionParams,
): MultiHeadAttentionParams {
  const { embedDim: e, numHeads: h } = options;
  const hkv = options.numKvHeads ?? h;
  const kdim = options.kdim ?? e;
  const vdim = options.vdim ?? e;
  const dtype = options.dtype ?? 'float32';
  const random = generator(options.seed);
  const bias = options.bias ?? true;
  const zeros = (n: number) => makeTensor(dtype, dtype === 'float32' ? new Float32Array(n) : new Float64Array(n), [n]);
  const uniform = (out: number, inn: number, bound: number, reuse: Tensor | undefined) => {
    if (reuse === undefined) return uniformTensor([out, inn], -bound, bound, random, dtype);
    fillUniform(reuse.data as Float32Array | Float64Array, -bound, bound, random);
    return reuse;
  };
  const xavier = (out: number, inn: number, reuse?: Tensor) => uniform(out, inn, Math.sqrt(6 / (inn + out)), reuse);
  const kvWidth = hkv * (e / h);
  // PyTorch packs the three projections into one [3E, E] weight when it can, and draws Xavier on the pack.
  const packed = hkv === h && kdim === e && vdim === e;
  const inProj: Partial<MultiHeadAttentionParams> = packed
    ? { inProjWeight: xavier(3 * e, e, into?.inProjWeight), inProjBias: bias ? zeros(3 * e) : undefined }
    : {
        qProjWeight: xavier(e, e, into?.qProjWeight),
        kProjWeight: xavier(kvWidth, kdim, into?.kProjWeight),
        vProjWeight: xavier(kvWidth, vdim, into?.vProjWeight),
        qProjBias: bias ? zeros(e) : undefined,
        kProjBias: bias ? zeros(kvWidth) : undefined,
        vProjBias: bias ? zeros(kvWidth) : undefined,
      };
  const outProjWeight = uniform(e, e, 1 / Math.sqrt(e), into?.outProjWeight);
  const params: MultiHeadAttentionParams = { numHeads: h, ...inProj, outProjWeight };
  if (hkv !== h) params.numKvHeads = hkv;
  if (bias) params.outProjBias = zeros(e);
  // Leave absent biases out altogether, so the object reads like PyTorch's state dict.
  for (const key of Object.keys(params) as (keyof MultiHeadAttentionParams)[]) {
    if (params[key] === undefined) delete params[key];
  }
  return params;
}
