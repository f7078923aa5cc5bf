// Generator: NumPy's `np.random.default_rng(seed)` API over PCG64, seeded
// through SeedSequence, with NumPy's modern algorithms: the 256-layer
// ziggurat for normals (float64 from 64-bit draws, float32 from 32-bit
// ones), Lemire's bounded integers, Floyd's or tail-shuffle sampling for
// choice without replacement.

import { u8 } from "../core/memory.js";
import { kernels } from "../core/kernels.js";
import { allocate, free } from "../core/heap.js";
import { NDArray } from "../core/ndarray.js";
import { AxisError, DTypeError, OverflowError, ValueError } from "../core/errors.js";
import { array, type ArrayLike as NDArrayLike } from "../ops/creation.js";
import {
  arangeInt64,
  BitGen,
  boundedIntegers,
  contiguousCopy,
  drawInto,
  int64Array,
  kahanSum,
  normalisedCdf,
  probabilities,
  readFloat64,
  searchRight,
  shapeOf,
  shuffleInPlace,
  takeRows,
  type IntDType,
  type IntScalar,
  type Size,
  checkScale,
} from "./core.js";
import { finishChoice, readIndices, sampleWithoutReplacement } from "./legacy.js";
import { SeedSequence, type Entropy } from "./seed.js";

const MASK64 = (1n << 64n) - 1n;
const MASK128 = (1n << 128n) - 1n;
const PCG_MULT = (2549297995355413924n << 64n) | 4865540595714422341n;

/** Options of `random` and `standardNormal`. */
export interface FloatOptions<D extends "float64" | "float32" = "float64" | "float32"> {
  /** "float64" (default) or "float32". */
  dtype?: D;
}

/** Options of `integers`. */
export interface IntegersOptions {
  /** Result dtype, int64 by default. */
  dtype?: IntDType;
  /** Include `high` (a closed interval). */
  endpoint?: boolean;
}

/** Options of `Generator.choice`. */
export interface ChoiceOptions {
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of each entry of `a` (default uniform). */
  p?: ArrayLike<number> | NDArray;
  /** Only axis 0 is supported. */
  axis?: number;
  /** Shuffle the result of a sample without replacement (default true). */
  shuffle?: boolean;
}

/**
 * NumPy's `Generator` with a PCG64 bit generator.
 * @example
 * const rng = defaultRng(0);
 * rng.standardNormal([2, 3], { dtype: "float32" });
 */
export class Generator {
  /** @internal */
  readonly _gen = new BitGen("pcg64");
  /** The SeedSequence the PCG64 state was derived from. */
  readonly seedSeq: SeedSequence;

  constructor(seed?: Entropy | SeedSequence) {
    this.seedSeq = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const w = this.seedSeq.generateState(4, "uint64");
    // pcg64_set_seed: state = (w0, w1), sequence = (w2, w3), high word first;
    // then PCG's srandom: state 0, one step, add the seed, one step.
    const initState = (w[0]! << 64n) | w[1]!;
    const initSeq = (w[2]! << 64n) | w[3]!;
    const inc = ((initSeq << 1n) | 1n) & MASK128;
    let s = (0n * PCG_MULT + inc) & MASK128;
    s = (s + initState) & MASK128;
    s = (s * PCG_MULT + inc) & MASK128;
    const view = new DataView(u8.buffer, this._gen.ptr, 40);
    view.setBigUint64(0, s >> 64n, true);
    view.setBigUint64(8, s & MASK64, true);
    view.setBigUint64(16, inc >> 64n, true);
    view.setBigUint64(24, inc & MASK64, true);
    view.setInt32(32, 0, true);
    view.setUint32(36, 0, true);
  }

  /**
   * Floats in [0, 1); float32 draws use 24 bits of a 32-bit draw.
   * @example defaultRng(0).random(3)
   */
  random(size?: undefined, opts?: FloatOptions): number;
  random<D extends "float64" | "float32" = "float64">(size: number | readonly number[], opts?: FloatOptions<D>): NDArray<NoInfer<D>>;
  random(size?: Size, opts?: FloatOptions): NDArray | number;
  random(size?: Size, opts?: FloatOptions): NDArray | number {
    const dtype = floatDType(opts, "random");
    const p = this._gen.ptr;
    const k = kernels();
    return drawInto(shapeOf(size), dtype, (out, n) => (dtype === "float32" ? k.pcg64_random_f32(out, p, n) : k.pcg64_random_f64(out, p, n)));
  }

  /**
   * Standard normals by the ziggurat method.
   * @example defaultRng(0).standardNormal([50257, 768], { dtype: "float32" })
   */
  standardNormal(size?: undefined, opts?: FloatOptions): number;
  standardNormal<D extends "float64" | "float32" = "float64">(size: number | readonly number[], opts?: FloatOptions<D>): NDArray<NoInfer<D>>;
  standardNormal(size?: Size, opts?: FloatOptions): NDArray | number;
  standardNormal(size?: Size, opts?: FloatOptions): NDArray | number {
    const dtype = floatDType(opts, "standard_normal");
    const p = this._gen.ptr;
    const k = kernels();
    return drawInto(shapeOf(size), dtype, (out, n) =>
      dtype === "float32" ? k.pcg64_standard_normal_f32(out, p, n) : k.pcg64_standard_normal_f64(out, p, n),
    );
  }

  /**
   * Normals with mean `loc` and standard deviation `scale` (≥ 0).
   * @example defaultRng(1).normal(5, 2, [4])
   */
  normal(loc?: number, scale?: number, size?: undefined): number;
  normal(loc: number, scale: number, size: number | readonly number[]): NDArray<"float64">;
  normal(loc?: number, scale?: number, size?: Size): NDArray | number;
  normal(loc = 0, scale = 1, size?: Size): NDArray | number {
    checkScale(scale);
    const p = this._gen.ptr;
    return drawInto(shapeOf(size), "float64", (out, n) => kernels().pcg64_normal_f64(out, p, n, loc, scale));
  }

  /**
   * Floats in [low, high): `low + (high - low) * u`; high - low must be finite and ≥ 0.
   * @example defaultRng(1).uniform(-1, 1, 3)
   */
  uniform(low?: number, high?: number, size?: undefined): number;
  uniform(low: number, high: number, size: number | readonly number[]): NDArray<"float64">;
  uniform(low?: number, high?: number, size?: Size): NDArray | number;
  uniform(low = 0, high = 1, size?: Size): NDArray | number {
    const range = high - low;
    if (!Number.isFinite(range)) throw new OverflowError("high - low range exceeds valid bounds");
    if (range < 0) throw new ValueError("high - low < 0");
    const p = this._gen.ptr;
    return drawInto(shapeOf(size), "float64", (out, n) => kernels().pcg64_uniform_f64(out, p, n, low, range));
  }

  /**
   * Integers in [low, high) (or [low, high] with `endpoint`), by Lemire's
   * method; [0, low) when `high` is omitted. A scalar (bigint for 64-bit
   * dtypes, boolean for bool) when `size` is omitted.
   * @example defaultRng(42).integers(0, 10, 5) // int64 [0, 7, 6, 4, 4]
   */
  integers(low: number | bigint, high?: number | bigint | null, size?: undefined, opts?: IntegersOptions): IntScalar;
  integers(low: number | bigint, high: number | bigint | null | undefined, size: number | readonly number[], opts?: IntegersOptions): NDArray;
  integers(low: number | bigint, high?: number | bigint | null, size?: Size, opts?: IntegersOptions): NDArray | IntScalar;
  integers(low: number | bigint, high?: number | bigint | null, size?: Size, opts?: IntegersOptions): NDArray | IntScalar {
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    return boundedIntegers(this._gen, low, high, size, opts?.dtype ?? "int64", opts?.endpoint ?? false, false);
  }

  /**
   * Shuffles `x` in place along axis 0.
   * @example const a = arange(10); defaultRng(0).shuffle(a);
   */
  shuffle(x: NDArray, axis = 0): void {
    checkAxis(axis, x.ndim);
    shuffleInPlace(this._gen, x);
  }

  /**
   * A shuffled `arange(x)` (int64), or a shuffled copy of `x` along axis 0.
   * @example defaultRng(0).permutation(5)
   */
  permutation(x: number | NDArray | NDArrayLike, axis = 0): NDArray {
    if (typeof x === "number" || typeof x === "bigint") {
      const a = arangeInt64(Number(x));
      this.shuffle(a);
      return a;
    }
    const arr = x instanceof NDArray ? x : array(x);
    checkAxis(axis, arr.ndim);
    if (arr.ndim === 1) {
      const c = x instanceof NDArray ? contiguousCopy(arr) : arr;
      this.shuffle(c);
      return c;
    }
    const idx = arangeInt64(arr.shape[0]!);
    this.shuffle(idx);
    const order = readIndices(idx);
    idx.dispose();
    return takeRows(arr, order, [arr.shape[0]!]);
  }

  /**
   * A random sample from `arange(a)` or from the rows of `a`.
   * @example defaultRng(0).choice(10, 3, { replace: false })
   */
  choice(a: number | NDArray | NDArrayLike, size?: Size, opts?: ChoiceOptions): NDArray | IntScalar | number | boolean {
    const replace = opts?.replace ?? true;
    const shuffle = opts?.shuffle ?? true;
    const p = opts?.p;
    const shape = shapeOf(size);
    const count = shape === null ? 1 : shape.reduce((x, y) => x * y, 1);
    let pop: number;
    let arr: NDArray | null = null;
    if (typeof a === "number" || typeof a === "bigint") {
      pop = Number(a);
      if (!Number.isInteger(pop)) throw new ValueError(`a must be a sequence or an integer, not ${typeof a}`);
      if (pop <= 0 && count !== 0) throw new ValueError("a must be a positive integer unless no samples are taken");
    } else {
      arr = a instanceof NDArray ? a : array(a);
      if (arr.ndim === 0) {
        pop = Number(arr.item());
        arr = null;
        if (pop <= 0 && count !== 0) throw new ValueError("a must be a positive integer unless no samples are taken");
      } else {
        checkAxis(opts?.axis ?? 0, arr.ndim);
        pop = arr.shape[0]!;
        if (pop === 0 && count !== 0) throw new ValueError("a cannot be empty unless no samples are taken");
      }
    }
    let probs: Float64Array | null = null;
    if (p !== undefined && p !== null) {
      probs = probabilities(p);
      if (p instanceof NDArray && p.ndim !== 1) throw new ValueError("p must be 1-dimensional");
      if (probs.length !== pop) throw new ValueError("a and p must have same size");
      const sum = kahanSum(probs);
      if (Number.isNaN(sum)) throw new ValueError("Probabilities contain NaN");
      if (probs.some((v) => v < 0)) throw new ValueError("Probabilities are not non-negative");
      if (Math.abs(sum - 1) > Math.sqrt(2.220446049250313e-16)) {
        throw new ValueError("Probabilities do not sum to 1. See Notes section of docstring for more information.");
      }
    }
    const outShape = shape ?? [];
    let idx: NDArray;
    if (replace) {
      if (probs !== null) {
        const cdf = normalisedCdf(probs);
        const u = this.uniformBatch(count);
        idx = int64Array(u.map((x) => searchRight(cdf, x)), outShape);
      } else {
        idx = this.integers(0, pop, outShape) as NDArray;
      }
    } else {
      if (count > pop) throw new ValueError("Cannot take a larger sample than population when replace is False");
      if (probs !== null) {
        if (probs.filter((v) => v > 0).length < count) throw new ValueError("Fewer non-zero entries in p than size");
        idx = int64Array(sampleWithoutReplacement(probs, count, (n) => this.uniformBatch(n)), outShape);
      } else {
        idx = int64Array(this.sampleIndices(pop, count, shuffle), outShape);
      }
    }
    return finishChoice(arr, idx, shape === null);
  }

  /**
   * `count` distinct indices below `pop`, as NumPy's choice draws them:
   * for a large share of a large population, shuffle the tail of an
   * arange; otherwise Floyd's algorithm, then (optionally) a shuffle.
   */
  private sampleIndices(pop: number, count: number, shuffle: boolean): Float64Array {
    const k = kernels();
    const cutoff = shuffle ? 50 : 20;
    if (pop > 10000 && count > Math.floor(pop / cutoff)) {
      const all = arangeInt64(pop);
      try {
        k.pcg64_shuffle_int64(all.address("choice"), this._gen.ptr, pop, Math.max(pop - count, 1));
        return readIndices(all).slice(pop - count);
      } finally {
        all.dispose();
      }
    }
    const out = new Float64Array(count);
    if (count === 0) return out;
    const draws = allocate(count * 8);
    try {
      // Floyd: for j = pop - count … pop - 1, take a draw in [0, j], or j itself if already taken.
      k.pcg64_lemire_seq(draws.ptr, this._gen.ptr, BigInt(pop - count), count);
      const vals = new BigUint64Array(u8.buffer, draws.ptr, count);
      const taken = new Set<number>();
      for (let t = 0; t < count; t++) {
        const v = Number(vals[t]!);
        const j = pop - count + t;
        const pick = taken.has(v) ? j : v;
        taken.add(pick);
        out[t] = pick;
      }
      if (shuffle && count > 1) {
        const ids = int64Array(out, [count]);
        try {
          k.pcg64_shuffle_int64(ids.address("choice"), this._gen.ptr, count, 1);
          return readIndices(ids);
        } finally {
          ids.dispose();
        }
      }
      return out;
    } finally {
      free(draws);
    }
  }

  /** `n` uniform doubles drawn into a temporary block and copied out. */
  private uniformBatch(n: number): Float64Array {
    if (n === 0) return new Float64Array(0);
    const tmp = allocate(n * 8);
    try {
      kernels().pcg64_random_f64(tmp.ptr, this._gen.ptr, n);
      return readFloat64(tmp.ptr, n);
    } finally {
      free(tmp);
    }
  }
}

function floatDType(opts: FloatOptions | undefined, fn: string): "float64" | "float32" {
  const d = opts?.dtype ?? "float64";
  if (d !== "float64" && d !== "float32") throw new DTypeError(`Unsupported dtype dtype('${String(d)}') for ${fn}`);
  return d;
}

function checkAxis(axis: number, ndim: number): void {
  if (axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim);
  if (axis !== 0 && axis !== -ndim) throw new ValueError(`random: only axis 0 is supported (got ${axis})`);
}

/**
 * NumPy's `np.random.default_rng(seed)`: a Generator over PCG64 seeded by
 * SeedSequence. No seed draws entropy from the platform.
 * @example
 * const rng = defaultRng(42);
 * rng.integers(0, 10, 3);
 */
export function defaultRng(seed?: Entropy | SeedSequence | Generator): Generator {
  if (seed instanceof Generator) return seed;
  return new Generator(seed);
}
