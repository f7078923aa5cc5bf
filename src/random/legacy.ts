// RandomState: NumPy's legacy generator (np.random.seed, randn, randint, …),
// MT19937 with NumPy's legacy algorithms, so that the same seed gives the
// same numbers bit for bit: Marsaglia's polar Gaussian with its cached second
// value, masked-rejection bounded integers, `random_interval` shuffles.

import { u8 } from "../core/memory.js";
import { kernels } from "../core/kernels.js";
import { allocate, free } from "../core/heap.js";
import { NDArray } from "../core/ndarray.js";
import { IndexError, OverflowError, ValueError } from "../core/errors.js";
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
import { SeedSequence } from "./seed.js";

const MT_N = 624;

/**
 * NumPy's `RandomState`: an MT19937 generator with the legacy API.
 * @example
 * const rs = new RandomState(42);
 * rs.randn(2, 3); // the same 6 numbers as np.random.RandomState(42).randn(2, 3)
 */
export class RandomState {
  /** @internal */
  readonly _gen = new BitGen("mt19937");

  /** Seeds like `np.random.RandomState(seed)`; no seed draws one from the platform. */
  constructor(seed?: number | bigint | readonly number[]) {
    this.seed(seed);
  }

  /**
   * Re-seeds: an integer in [0, 2**32 - 1] (Knuth's MT19937 seeding), an
   * array of such integers (init_by_array), or nothing for fresh entropy.
   * Also forgets the cached Gaussian.
   * @example random.seed(42)
   */
  seed(seed?: number | bigint | readonly number[]): void {
    const st = this._gen.ptr;
    if (seed === undefined) {
      const val = new SeedSequence().generateState(MT_N, "uint32");
      const key = new Uint32Array(u8.buffer, st, MT_N);
      key.set(val);
      key[0] = 0x80000000;
      this.setTail(MT_N);
      return;
    }
    if (typeof seed === "number" || typeof seed === "bigint") {
      const s = typeof seed === "bigint" ? seed : Number.isInteger(seed) ? BigInt(seed) : NaN;
      if (typeof s !== "bigint") throw new ValueError(`Seed must be an integer (got ${seed})`);
      if (s < 0n || s > 0xffffffffn) throw new ValueError("Seed must be between 0 and 2**32 - 1");
      kernels().mt19937_seed(st, Number(s));
      return;
    }
    if (seed.length === 0) throw new ValueError("Seed must be non-empty");
    for (const v of seed) {
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new ValueError("Seed must be between 0 and 2**32 - 1");
    }
    initByArray(new Uint32Array(u8.buffer, st, MT_N), seed);
    this.setTail(MT_N);
  }

  private setTail(pos: number): void {
    const st = this._gen.ptr;
    const view = new DataView(u8.buffer, st + MT_N * 4, 16);
    view.setInt32(0, pos, true);
    view.setInt32(4, 0, true);
    view.setFloat64(8, 0, true);
  }

  /**
   * Floats in [0, 1) (`random_sample`); a number when `size` is omitted.
   * @example random.randomSample([2, 2])
   */
  randomSample(size?: undefined): number;
  randomSample(size: number | readonly number[]): NDArray;
  randomSample(size?: Size): NDArray | number;
  randomSample(size?: Size): NDArray | number {
    const p = this._gen.ptr;
    return drawInto(shapeOf(size), "float64", (out, n) => kernels().mt19937_random_f64(out, p, n));
  }

  /** Alias of `randomSample` (NumPy's `random`). */
  random(size?: undefined): number;
  random(size: number | readonly number[]): NDArray;
  random(size?: Size): NDArray | number;
  random(size?: Size): NDArray | number {
    return this.randomSample(size);
  }

  /**
   * Floats in [0, 1) of the given shape, `np.random.rand(d0, d1, …)`.
   * @example random.rand(3, 2).shape // [3, 2]
   */
  rand(): number;
  rand(...shape: [number, ...number[]]): NDArray;
  rand(...shape: number[]): NDArray | number;
  rand(...shape: number[]): NDArray | number {
    return this.randomSample(shape.length === 0 ? undefined : shape);
  }

  /**
   * Standard normals of the given shape, `np.random.randn(d0, d1, …)`.
   * @example random.seed(0); random.randn() // 1.764052345967664
   */
  randn(): number;
  randn(...shape: [number, ...number[]]): NDArray;
  randn(...shape: number[]): NDArray | number;
  randn(...shape: number[]): NDArray | number {
    return this.standardNormal(shape.length === 0 ? undefined : shape);
  }

  /** Standard normals by the polar method (`standard_normal`). */
  standardNormal(size?: undefined): number;
  standardNormal(size: number | readonly number[]): NDArray;
  standardNormal(size?: Size): NDArray | number;
  standardNormal(size?: Size): NDArray | number {
    const p = this._gen.ptr;
    return drawInto(shapeOf(size), "float64", (out, n) => kernels().mt19937_gauss_f64(out, p, n));
  }

  /**
   * Normals with mean `loc` and standard deviation `scale` (≥ 0).
   * @example random.normal(10, 2, [3])
   */
  normal(loc?: number, scale?: number, size?: undefined): number;
  normal(loc: number, scale: number, size: number | readonly number[]): NDArray;
  normal(loc?: number, scale?: number, size?: Size): NDArray | number;
  normal(loc = 0, scale = 1, size?: Size): NDArray | number {
    checkScale(scale);
    const p = this._gen.ptr;
    return drawInto(shapeOf(size), "float64", (out, n) => kernels().mt19937_normal_f64(out, p, n, loc, scale));
  }

  /**
   * Floats in [low, high): `low + (high - low) * u`.
   * @example random.uniform(-1, 1, 5)
   */
  uniform(low?: number, high?: number, size?: undefined): number;
  uniform(low: number, high: number, size: number | readonly number[]): NDArray;
  uniform(low?: number, high?: number, size?: Size): NDArray | number;
  uniform(low = 0, high = 1, size?: Size): NDArray | number {
    const range = high - low;
    if (!Number.isFinite(range)) throw new OverflowError("Range exceeds valid bounds");
    const p = this._gen.ptr;
    return drawInto(shapeOf(size), "float64", (out, n) => kernels().mt19937_uniform_f64(out, p, n, low, range));
  }

  /**
   * Integers in [low, high) (or [0, low) when `high` is omitted), dtype
   * int64 by default; a scalar (bigint for 64-bit dtypes) when `size` is omitted.
   * @example random.seed(42); random.randint(0, 10, 5) // [6, 3, 7, 4, 6]
   */
  randint(low: number | bigint, high?: number | bigint, size?: undefined, dtype?: IntDType): IntScalar;
  randint(low: number | bigint, high: number | bigint | undefined, size: number | readonly number[], dtype?: IntDType): NDArray;
  randint(low: number | bigint, high?: number | bigint, size?: Size, dtype?: IntDType): NDArray | IntScalar;
  randint(low: number | bigint, high?: number | bigint, size?: Size, dtype: IntDType = "int64"): NDArray | IntScalar {
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    return boundedIntegers(this._gen, low, high, size, dtype, false, true);
  }

  /**
   * Shuffles `x` in place along its first axis.
   * @example const a = arange(10); random.shuffle(a);
   */
  shuffle(x: NDArray): void {
    shuffleInPlace(this._gen, x);
  }

  /**
   * A shuffled `arange(x)` (int64), or a shuffled copy of `x` along its first axis.
   * @example random.seed(42); random.permutation(5) // [1, 4, 2, 0, 3]
   */
  permutation(x: number | NDArray | NDArrayLike): NDArray {
    if (typeof x === "number" || typeof x === "bigint") {
      const a = arangeInt64(Number(x));
      this.shuffle(a);
      return a;
    }
    const arr = x instanceof NDArray ? x : array(x);
    if (arr.ndim < 1) throw new IndexError("x must be an integer or at least 1-dimensional");
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
   * A random sample from `arange(a)` or from the 1-d array `a`, with or
   * without replacement, uniform or with probabilities `p`.
   * @example random.choice(5, 3, false)
   */
  choice(a: number | NDArray | NDArrayLike, size?: Size, replace = true, p?: ArrayLike<number> | NDArray): NDArray | IntScalar | number | boolean {
    let pop: number;
    let arr: NDArray | null = null;
    const shape = shapeOf(size);
    const count = shape === null ? 1 : shape.reduce((x, y) => x * y, 1);
    if (typeof a === "number" || typeof a === "bigint") {
      pop = Number(a);
      if (!Number.isInteger(pop)) throw new ValueError("a must be 1-dimensional or an integer");
      if (pop <= 0 && count !== 0) throw new ValueError("a must be greater than 0 unless no samples are taken");
    } else {
      arr = a instanceof NDArray ? a : array(a);
      if (arr.ndim === 0) {
        pop = Number(arr.item());
      } else if (arr.ndim !== 1) {
        throw new ValueError("a must be 1-dimensional");
      } else {
        pop = arr.shape[0]!;
        if (pop === 0 && count !== 0) throw new ValueError("'a' cannot be empty unless no samples are taken");
      }
      if (arr.ndim === 0) arr = null;
    }
    let probs: Float64Array | null = null;
    if (p !== undefined && p !== null) {
      probs = probabilities(p);
      if (p instanceof NDArray && p.ndim !== 1) throw new ValueError("'p' must be 1-dimensional");
      if (probs.length !== pop) throw new ValueError("'a' and 'p' must have same size");
      const sum = kahanSum(probs);
      if (Number.isNaN(sum)) throw new ValueError("probabilities contain NaN");
      if (probs.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
      if (Math.abs(sum - 1) > Math.sqrt(2.220446049250313e-16)) throw new ValueError("probabilities do not sum to 1");
    }
    const outShape = shape ?? [];
    let idx: NDArray;
    if (replace) {
      if (probs !== null) {
        const cdf = normalisedCdf(probs);
        const u = this.uniformBatch(count);
        idx = int64Array(u.map((x) => searchRight(cdf, x)), outShape);
      } else {
        idx = this.randint(0, pop, outShape) as NDArray;
      }
    } else {
      if (count > pop) throw new ValueError("Cannot take a larger sample than population when 'replace=False'");
      if (probs !== null) {
        if (probs.filter((v) => v > 0).length < count) throw new ValueError("Fewer non-zero entries in p than size");
        const found = sampleWithoutReplacement(probs, count, (n) => this.uniformBatch(n));
        idx = int64Array(found, outShape);
      } else {
        const perm = this.permutation(pop);
        const first = readIndices(perm).subarray(0, count);
        perm.dispose();
        idx = int64Array(first, outShape);
      }
    }
    return finishChoice(arr, idx, shape === null);
  }

  /** `n` uniform doubles drawn into a temporary block and copied out. */
  private uniformBatch(n: number): Float64Array {
    if (n === 0) return new Float64Array(0);
    const tmp = allocate(n * 8);
    try {
      kernels().mt19937_random_f64(tmp.ptr, this._gen.ptr, n);
      return readFloat64(tmp.ptr, n);
    } finally {
      free(tmp);
    }
  }
}

/**
 * The sampling loop of NumPy's choice without replacement with weights:
 * draw as many uniforms as values are missing, zero the weights already
 * taken, search the renormalised CDF, keep new values in order of first
 * appearance, repeat.
 */
export function sampleWithoutReplacement(p: Float64Array, size: number, uniforms: (n: number) => Float64Array): Float64Array {
  const w = Float64Array.from(p);
  const found = new Float64Array(size);
  let have = 0;
  while (have < size) {
    const x = uniforms(size - have);
    for (let i = 0; i < have; i++) w[found[i]!] = 0;
    const cdf = normalisedCdf(w);
    const seen = new Set<number>();
    for (let i = 0; i < x.length; i++) {
      const v = searchRight(cdf, x[i]!);
      if (!seen.has(v)) {
        seen.add(v);
        found[have + seen.size - 1] = v;
      }
    }
    have += seen.size;
  }
  return found;
}

/** The index values of a small int64 array, as numbers. */
export function readIndices(a: NDArray): Float64Array {
  const n = a.size;
  const big = new BigInt64Array(u8.buffer, a.address("random"), n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Number(big[i]!);
  return out;
}

/** The end of choice: the indices themselves, or `a[idx]`; a scalar when no size was given. */
export function finishChoice(arr: NDArray | null, idx: NDArray, scalar: boolean, rowShape?: readonly number[]): NDArray | IntScalar | number | boolean {
  if (arr === null) {
    if (scalar) {
      const v = idx.item(0) as bigint;
      idx.dispose();
      return v;
    }
    return idx;
  }
  const order = readIndices(idx);
  const shape = idx.shape;
  idx.dispose();
  if (scalar && arr.ndim === 1 && !rowShape) return arr.item(order[0]!) as IntScalar;
  return takeRows(arr, order, scalar ? [] : shape);
}

// MT19937's init_by_array (Matsumoto & Nishimura, 2002), on the key words in place.
function initByArray(mt: Uint32Array, key: readonly number[]): void {
  mt[0] = 19650218;
  for (let i = 1; i < MT_N; i++) {
    const prev = mt[i - 1]!;
    mt[i] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i) >>> 0;
  }
  let i = 1;
  let j = 0;
  for (let k = Math.max(MT_N, key.length); k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = (((mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525)) >>> 0) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = MT_N - 1; k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = (((mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941)) >>> 0) - i) >>> 0;
    i++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
}
