/**
 * fast-check arbitraries for @attn/tensor tests: shapes, contiguous tensors, random views of a larger
 * buffer (permuted, stepped, flipped, offset, broadcast), broadcast-compatible shape pairs and masks.
 *
 * Views are built directly with `makeTensor`, never with the library's view functions, so they test
 * those functions instead of trusting them.
 */
import fc from 'fast-check';
import { type DataOf, type DType, makeTensor, type Shape, sizeOf, type Tensor } from '../../src/core/index.js';

/** Options of {@link shapeArb}. */
export interface ShapeOptions {
  minRank?: number;
  maxRank?: number;
  /** Smallest length of an axis (default 0). */
  minSize?: number;
  /** Largest length of an axis (default 9). */
  maxSize?: number;
}

/** A random shape: rank in `[minRank, maxRank]` (default 0..4), each axis in `[minSize, maxSize]` (default 0..9). */
export function shapeArb({
  minRank = 0,
  maxRank = 4,
  minSize = 0,
  maxSize = 9,
}: ShapeOptions = {}): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: minSize, max: maxSize }), { minLength: minRank, maxLength: maxRank });
}

/** How the values of a generated tensor are drawn. */
export interface ValueOptions<D extends DType = DType> {
  /** Default `float32`. */
  dtype?: D;
  /** Draw integer values only (always so for `int32`; `bool` is always 0/1). Makes sums and products exact. */
  integers?: boolean;
  /** Smallest value (default -10). */
  min?: number;
  /** Largest value (default 10). */
  max?: number;
  /** Sprinkle in -0, NaN, Infinity and -Infinity (float dtypes only; about one element in 8). */
  specials?: boolean;
}

/** Options of {@link tensorArb} and {@link viewArb}: the values, and a fixed shape or the bounds of a random one. */
export interface TensorArbOptions<D extends DType = DType> extends ValueOptions<D>, ShapeOptions {
  shape?: Shape;
}

const SPECIALS = [-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

/** A small deterministic PRNG (mulberry32), used to fill large base buffers quickly from one fast-check seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function allocateFor<D extends DType>(dtype: D, n: number): DataOf<D> {
  switch (dtype) {
    case 'float32':
      return new Float32Array(n) as DataOf<D>;
    case 'float64':
      return new Float64Array(n) as DataOf<D>;
    case 'int32':
      return new Int32Array(n) as DataOf<D>;
    default:
      return new Uint8Array(n) as DataOf<D>;
  }
}

/** Fills `n` values per `opts` from a seed. */
function fillValues<D extends DType>(n: number, opts: ValueOptions<D>, seed: number): DataOf<D> {
  const dtype = (opts.dtype ?? 'float32') as D;
  const { min = -10, max = 10 } = opts;
  const rand = mulberry32(seed);
  const data = allocateFor(dtype, n);
  const ints = opts.integers || dtype === 'int32';
  for (let i = 0; i < n; i++) {
    if (dtype === 'bool') data[i] = rand() < 0.5 ? 1 : 0;
    else if (opts.specials && dtype !== 'int32' && rand() < 0.125) data[i] = SPECIALS[Math.floor(rand() * 4)];
    else if (ints) data[i] = Math.ceil(min) + Math.floor(rand() * (Math.floor(max) - Math.ceil(min) + 1));
    else data[i] = min + rand() * (max - min);
  }
  return data;
}

/** fast-check values (they shrink) for small tensors. */
function valuesArb<D extends DType>(n: number, opts: ValueOptions<D>): fc.Arbitrary<DataOf<D>> {
  const dtype = (opts.dtype ?? 'float32') as D;
  const { min = -10, max = 10 } = opts;
  let element: fc.Arbitrary<number>;
  if (dtype === 'bool') element = fc.integer({ min: 0, max: 1 });
  else if (opts.integers || dtype === 'int32') element = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  else if (dtype === 'float32') element = fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true });
  else element = fc.double({ min, max, noNaN: true });
  if (opts.specials && (dtype === 'float32' || dtype === 'float64')) {
    element = fc.oneof({ weight: 7, arbitrary: element }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) });
  }
  return fc.array(element, { minLength: n, maxLength: n }).map((xs) => {
    const data = allocateFor(dtype, n);
    for (let i = 0; i < n; i++) data[i] = xs[i];
    return data;
  });
}

/** A contiguous row-major tensor (offset 0) of the given or a random shape, with random values. */
export function tensorArb<D extends DType = 'float32'>(opts: TensorArbOptions<D> = {}): fc.Arbitrary<Tensor<D>> {
  const dtype = (opts.dtype ?? 'float32') as D;
  const shapes: fc.Arbitrary<number[]> = opts.shape ? fc.constant([...opts.shape]) : shapeArb(opts);
  return shapes.chain((shape) => {
    const n = sizeOf(shape);
    const values = n <= 1024 ? valuesArb(n, opts) : fc.integer().map((seed) => fillValues(n, opts, seed));
    return values.map((data) => makeTensor(dtype, data, shape));
  });
}

/** How one axis of a view sits in its base buffer. */
export interface ViewAxis {
  /** Stride 0: the axis repeats one element (it has no extent in the base). */
  broadcast: boolean;
  /** Base elements skipped between neighbours (1 = adjacent). */
  step: number;
  /** The view walks the base axis backwards (negative stride). */
  flip: boolean;
  /** Base elements before the first one the view touches (or after, for a flipped axis). */
  start: number;
  /** Base elements after the last one the view touches (or before, for a flipped axis). */
  end: number;
}

/**
 * Everything needed to rebuild a random view: the logical shape, how each axis sits in the base, the order
 * of the base's axes in memory (`order[0]` is outermost), padding before and after, and the base's values.
 */
export interface ViewSpec<D extends DType = DType> {
  dtype: D;
  shape: number[];
  axes: ViewAxis[];
  order: number[];
  lead: number;
  trail: number;
  base: DataOf<D>;
}

/** The length along axis `i` of the base buffer (the box the view is cut from). */
export function baseExtent(spec: Pick<ViewSpec, 'shape' | 'axes'>, i: number): number {
  const a = spec.axes[i];
  if (a.broadcast) return 1;
  return a.start + Math.max(spec.shape[i] - 1, 0) * a.step + 1 + a.end;
}

/** Row-major strides of the base box, with its axes laid out in `spec.order`; indexed by logical axis. */
export function baseStrides(spec: Pick<ViewSpec, 'shape' | 'axes' | 'order'>): number[] {
  const strides = new Array<number>(spec.shape.length).fill(0);
  let s = 1;
  for (let k = spec.order.length - 1; k >= 0; k--) {
    const axis = spec.order[k];
    strides[axis] = s;
    s *= baseExtent(spec, axis);
  }
  return strides;
}

/** The number of elements of the base buffer, padding included. */
export function baseLength(spec: Pick<ViewSpec, 'shape' | 'axes' | 'order' | 'lead' | 'trail'>): number {
  let n = 1;
  for (let i = 0; i < spec.shape.length; i++) n *= baseExtent(spec, i);
  return spec.lead + n + spec.trail;
}

/** Turns a spec into the strided tensor it describes (shares `spec.base`). */
export function buildView<D extends DType>(spec: ViewSpec<D>): Tensor<D> {
  const bs = baseStrides(spec);
  const strides: number[] = [];
  let offset = spec.lead;
  for (let i = 0; i < spec.shape.length; i++) {
    const a = spec.axes[i];
    if (a.broadcast) {
      strides.push(0);
      continue;
    }
    strides.push((a.flip ? -a.step : a.step) * bs[i]);
    offset += (a.flip ? baseExtent(spec, i) - 1 - a.start : a.start) * bs[i];
  }
  return makeTensor(spec.dtype, spec.base, spec.shape, strides, offset);
}

/** The largest base buffer a view may use; steps and padding are dropped past it so tests stay fast. */
const MAX_BASE = 40_000;

const viewAxisArb: fc.Arbitrary<ViewAxis> = fc.record({
  broadcast: fc.boolean(),
  step: fc.integer({ min: 1, max: 3 }),
  flip: fc.boolean(),
  start: fc.integer({ min: 0, max: 2 }),
  end: fc.integer({ min: 0, max: 2 }),
});

/** Options of {@link viewSpecArb}/{@link viewArb}: those of {@link tensorArb}, plus whether broadcast axes may occur. */
export interface ViewArbOptions<D extends DType = DType> extends TensorArbOptions<D> {
  /** Allow stride-0 axes (default true). */
  broadcast?: boolean;
}

/** A random {@link ViewSpec} of the given or a random logical shape. */
export function viewSpecArb<D extends DType = 'float32'>(opts: ViewArbOptions<D> = {}): fc.Arbitrary<ViewSpec<D>> {
  const dtype = (opts.dtype ?? 'float32') as D;
  const shapes: fc.Arbitrary<number[]> = opts.shape ? fc.constant([...opts.shape]) : shapeArb(opts);
  return shapes.chain((shape) =>
    fc
      .record({
        axes: fc.array(viewAxisArb, { minLength: shape.length, maxLength: shape.length }),
        order: fc.shuffledSubarray(
          shape.map((_, i) => i),
          { minLength: shape.length, maxLength: shape.length },
        ),
        lead: fc.integer({ min: 0, max: 5 }),
        trail: fc.integer({ min: 0, max: 3 }),
        seed: fc.integer(),
      })
      .map(({ axes, order, lead, trail, seed }) => {
        axes = axes.map((a) => ({ ...a, broadcast: a.broadcast && opts.broadcast !== false }));
        let spec = { shape, axes, order, lead, trail };
        if (baseLength(spec) > MAX_BASE) {
          axes = axes.map((a) => ({ ...a, step: 1, start: 0, end: 0 }));
          spec = { shape, axes, order, lead, trail };
        }
        return { dtype, ...spec, base: fillValues(baseLength(spec), opts, seed) };
      }),
  );
}

/**
 * A tensor that is a random VIEW of a larger random buffer: permuted strides, an offset, negative strides
 * (flips), steps > 1 and, unless `broadcast: false`, stride-0 axes; its logical shape is `shape` or random.
 */
export function viewArb<D extends DType = 'float32'>(opts: ViewArbOptions<D> = {}): fc.Arbitrary<Tensor<D>> {
  return viewSpecArb(opts).map(buildView);
}

/** Either a contiguous tensor or a random view of the same kind (half and half). */
export function anyTensorArb<D extends DType = 'float32'>(opts: ViewArbOptions<D> = {}): fc.Arbitrary<Tensor<D>> {
  return fc.oneof(tensorArb(opts), viewArb(opts));
}

/**
 * Two shapes that broadcast together by numpy's rules: they are cut from one output shape by dropping
 * leading axes and setting some axes to 1. Either may have the smaller rank.
 */
export function pairBroadcastShapesArb(opts: ShapeOptions = {}): fc.Arbitrary<[number[], number[]]> {
  const derive = (out: number[]) =>
    fc
      .record({
        drop: fc.integer({ min: 0, max: out.length }),
        ones: fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
      })
      .map(({ drop, ones }) => out.map((d, i) => (ones[i] ? 1 : d)).slice(drop));
  return shapeArb(opts).chain((out) => fc.tuple(derive(out), derive(out)));
}

/** Options of {@link maskArb}. */
export interface MaskArbOptions extends ShapeOptions {
  shape?: Shape;
  /** A random view instead of a contiguous tensor (default false). */
  view?: boolean;
}

/** A random `bool` tensor (0/1 in a Uint8Array), contiguous or, with `view: true`, a random view. */
export function maskArb(opts: MaskArbOptions = {}): fc.Arbitrary<Tensor<'bool'>> {
  const { view, ...rest } = opts;
  return view ? viewArb({ ...rest, dtype: 'bool' }) : tensorArb({ ...rest, dtype: 'bool' });
}
