// What RandomState and Generator share: the bit generator's state block,
// size handling, bounded integers, shuffles and row gathers. Both classes
// hold a BitGen; every draw is one kernel call on its state block, so the
// two APIs differ only in the algorithms NumPy chose for each (masked
// versus Lemire bounded integers, polar versus ziggurat normals).

import { emptyArray } from "../core/empty.js";
import { DTYPES, type DType } from "../core/dtype.js";
import { DTypeError, ValueError } from "../core/errors.js";
import { dv, u8 } from "../core/memory.js";
import { kernels, scratch } from "../core/kernels.js";
import { allocate, free, type Allocation } from "../core/heap.js";
import { NDArray } from "../core/ndarray.js";
import { DTYPE_CODE, GENERATOR_CODE } from "../generated/codes.js";

/** Which bit generator a state block holds; also the kernels' name prefix. */
export type BitGenKind = "mt19937" | "pcg64";

/** Byte size of each generator's state block (layouts in assembly/random/mt19937.ts and pcg64.ts). */
const STATE_BYTES: Record<BitGenKind, number> = { mt19937: 2512, pcg64: 40 };

/**
 * A bit generator's state in the heap. The allocation is held here, so the
 * block lives exactly as long as the generator object that owns this.
 */
export class BitGen {
  readonly mem: Allocation;
  constructor(readonly kind: BitGenKind) {
    this.mem = allocate(STATE_BYTES[kind]);
  }
  /** Heap address of the state block. */
  get ptr(): number {
    return this.mem.ptr;
  }
}

/** A size argument: a length, a shape, or undefined for one scalar draw. */
export type Size = number | readonly number[] | undefined;

/** The output shape of `size` (null for a scalar), validated as NumPy does. */
export function shapeOf(size: Size): number[] | null {
  if (size === undefined || size === null) return null;
  const shape = typeof size === "number" ? [size] : [...size];
  for (const n of shape) {
    if (!Number.isInteger(n)) throw new DTypeError(`'${String(n)}' object cannot be interpreted as an integer`);
    if (n < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return shape;
}

/**
 * Runs `fill(address, count)` into a fresh array of `shape`, or into the
 * scratch area for a scalar draw, whose value is then returned.
 */
export function drawInto(shape: number[] | null, dtype: DType, fill: (out: number, n: number) => void): NDArray | number {
  if (shape === null) {
    const at = scratch();
    fill(at, 1);
    return dtype === "float32" ? dv.getFloat32(at, true) : dv.getFloat64(at, true);
  }
  const a = emptyArray(shape, dtype);
  if (a.size > 0) fill(a.address("random"), a.size);
  return a;
}

// ---- bounded integers ----

/** The integer dtypes `integers` / `randint` accept. */
export type IntDType = "int8" | "int16" | "int32" | "int64" | "uint8" | "uint16" | "uint32" | "uint64" | "bool";

const INT_BOUNDS: Record<IntDType, [bigint, bigint]> = {
  bool: [0n, 1n],
  int8: [-(2n ** 7n), 2n ** 7n - 1n],
  int16: [-(2n ** 15n), 2n ** 15n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** The dtype whose bits the bounded kernels draw for each (signed types: their unsigned twin; 64-bit: bounded_uint64). */
const DRAWN_AS: Record<IntDType, DType> = {
  bool: "bool",
  int8: "uint8",
  int16: "uint16",
  int32: "uint32",
  int64: "uint64",
  uint8: "uint8",
  uint16: "uint16",
  uint32: "uint32",
  uint64: "uint64",
};

/** An integer draw read back one at a time: bigint for 64-bit dtypes, boolean for bool. */
export type IntScalar = number | bigint | boolean;

function toBigInt(v: number | bigint, what: string): bigint {
  if (typeof v === "bigint") return v;
  if (!Number.isFinite(v)) throw new ValueError(`cannot convert float ${v} to integer`);
  if (!Number.isInteger(v)) {
    // NumPy truncates float bounds through int(); stay strict and say so.
    throw new DTypeError(`${what} must be an integer (got ${v})`);
  }
  return BigInt(v);
}

/**
 * Uniform integers in [low, high) (or [low, high] when `closed`), NumPy's
 * `_rand_<dtype>`: bounds checked against the dtype, then one fill kernel
 * with offset `low` and inclusive range `high - low`, both as unsigned
 * integers of the dtype's width.
 */
export function boundedIntegers(
  gen: BitGen,
  low: number | bigint,
  high: number | bigint,
  size: Size,
  dtype: IntDType,
  closed: boolean,
  masked: boolean,
): NDArray | IntScalar {
  const bounds = INT_BOUNDS[dtype];
  if (!bounds) throw new DTypeError(`Unsupported dtype dtype('${String(dtype)}') for integers`);
  const shape = shapeOf(size);
  if (shape !== null && shape.reduce((a, b) => a * b, 1) === 0) return emptyArray(shape, dtype);
  const lo = toBigInt(low, "low");
  let hi = toBigInt(high, "high");
  if (!closed) hi -= 1n;
  if (lo < bounds[0]) throw new ValueError(`low is out of bounds for ${dtype}`);
  if (hi > bounds[1]) throw new ValueError(`high is out of bounds for ${dtype}`);
  if (lo > hi) {
    throw new ValueError(lo === 0n ? `high ${closed ? "<" : "<="} 0` : `low ${closed ? ">" : ">="} high`);
  }
  const bits = BigInt(dtype === "bool" ? 8 : DTYPES[dtype].itemsize * 8);
  const wrap = (v: bigint): bigint => BigInt.asUintN(Number(bits), v);
  const rng = wrap(hi - lo);
  const off = wrap(lo);
  const k = kernels();
  const p = gen.ptr;
  const g = GENERATOR_CODE[gen.kind];
  const drawn = DTYPE_CODE[DRAWN_AS[dtype]];
  const fill = (out: number, n: number): void => {
    if (bits === 64n) k.bounded_uint64(g, out, p, n, off, rng, masked);
    else k.bounded(g, drawn, out, p, n, Number(off), Number(rng), masked);
  };
  if (shape !== null) {
    const a = emptyArray(shape, dtype);
    if (a.size > 0) fill(a.address("random"), a.size);
    return a;
  }
  const at = scratch();
  fill(at, 1);
  switch (dtype) {
    case "int64":
      return dv.getBigInt64(at, true);
    case "uint64":
      return dv.getBigUint64(at, true);
    case "int32":
      return dv.getInt32(at, true);
    case "uint32":
      return dv.getUint32(at, true);
    case "int16":
      return dv.getInt16(at, true);
    case "uint16":
      return dv.getUint16(at, true);
    case "int8":
      return dv.getInt8(at);
    case "uint8":
      return dv.getUint8(at);
    case "bool":
      return dv.getUint8(at) !== 0;
  }
}

// ---- shuffles and gathers ----

/** A C-contiguous int64 array 0 … n-1 (NumPy's `arange(n)`). */
export function arangeInt64(n: number): NDArray {
  if (!Number.isInteger(n) || n < 0) throw new ValueError("negative dimensions are not allowed");
  const a = emptyArray([n], "int64");
  if (n === 0) return a;
  const at = a.address("random");
  const words = new Uint32Array(u8.buffer, at, 2 * n);
  for (let i = 0; i < n; i++) {
    words[2 * i] = i % 4294967296;
    words[2 * i + 1] = Math.floor(i / 4294967296);
  }
  return a;
}

/** Calls `f(byteOffset)` for every element of a (shape, strides) block, in C order. */
function eachOffset(shape: readonly number[], strides: readonly number[], f: (off: number) => void): void {
  const nd = shape.length;
  if (nd === 0) {
    f(0);
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  let off = 0;
  for (;;) {
    f(off);
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      off += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      off -= strides[d]! * shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** True when the sub-array (shape, strides) of `itemsize` elements is one C-ordered block. */
function isBlock(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  let expect = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 1) continue;
    if (strides[d] !== expect) return false;
    expect *= shape[d]!;
  }
  return true;
}

/**
 * Fisher-Yates shuffle of `x` along axis 0, in place, with NumPy's
 * `random_interval` draws. 1-d arrays are shuffled by one kernel call; for
 * n-d arrays a kernel writes the sequence of j's and the rows are swapped
 * here (skipping i == j, as NumPy does).
 */
export function shuffleInPlace(gen: BitGen, x: NDArray): void {
  if (!(x instanceof NDArray)) throw new DTypeError("shuffle: expected an NDArray");
  x.checkWriteable();
  if (x.ndim === 0) throw new DTypeError("object of type 'numpy.ndarray' has no len()");
  const n = x.shape[0]!;
  if (x.size === 0 || n < 2) {
    // NumPy still draws nothing for n < 2: the loop runs from n-1 down to 1.
    return;
  }
  const k = kernels();
  const itemsize = x.itemsize;
  const base = x.address("shuffle");
  if (x.ndim === 1) {
    k.shuffle(GENERATOR_CODE[gen.kind], base, gen.ptr, n, itemsize, x.strides[0]!);
    return;
  }
  const seq = allocate((n - 1) * 8);
  try {
    k.interval_seq(GENERATOR_CODE[gen.kind], seq.ptr, gen.ptr, n);
    const js = new BigUint64Array(u8.buffer, seq.ptr, n - 1);
    const rowShape = x.shape.slice(1);
    const rowStrides = x.strides.slice(1);
    const s0 = x.strides[0]!;
    const block = isBlock(rowShape, rowStrides, itemsize);
    const rowBytes = rowShape.reduce((a, b) => a * b, itemsize);
    const tmp = new Uint8Array(block ? rowBytes : itemsize);
    const heap = u8;
    for (let t = 0; t < n - 1; t++) {
      const i = n - 1 - t;
      const j = Number(js[t]!);
      if (i === j) continue;
      const a = base + i * s0;
      const b = base + j * s0;
      if (block) {
        tmp.set(heap.subarray(a, a + rowBytes));
        heap.copyWithin(a, b, b + rowBytes);
        heap.set(tmp, b);
      } else {
        eachOffset(rowShape, rowStrides, (off) => {
          tmp.set(heap.subarray(a + off, a + off + itemsize));
          heap.copyWithin(a + off, b + off, b + off + itemsize);
          heap.set(tmp, b + off);
        });
      }
    }
  } finally {
    // The sequence is scratch: free it now rather than at collection.
    free(seq);
  }
}

/**
 * `a[idx]` along axis 0 into a new C-contiguous array of shape
 * `idxShape + a.shape[1:]` (NumPy's take for the choice and permutation
 * paths). Indices are trusted to be in range.
 */
export function takeRows(a: NDArray, idx: ArrayLike<number>, idxShape: readonly number[]): NDArray {
  const rowShape = a.shape.slice(1);
  const out = emptyArray([...idxShape, ...rowShape], a.dtype);
  if (out.size === 0) return out;
  const itemsize = a.itemsize;
  const rowStrides = a.strides.slice(1);
  const rowBytes = rowShape.reduce((x, y) => x * y, itemsize);
  const src = a.address("take");
  const dst = out.address("take");
  const s0 = a.strides[0]!;
  const heap = u8;
  if (isBlock(rowShape, rowStrides, itemsize)) {
    for (let t = 0; t < idx.length; t++) {
      const from = src + idx[t]! * s0;
      heap.copyWithin(dst + t * rowBytes, from, from + rowBytes);
    }
  } else {
    let at = dst;
    for (let t = 0; t < idx.length; t++) {
      const from = src + idx[t]! * s0;
      eachOffset(rowShape, rowStrides, (off) => {
        heap.copyWithin(at, from + off, from + off + itemsize);
        at += itemsize;
      });
    }
  }
  return out;
}

/** A C-contiguous copy of `a` made with the row gather (keeps this module free of the copy engine). */
export function contiguousCopy(a: NDArray): NDArray {
  if (a.ndim === 0) throw new ValueError("contiguousCopy: 0-d array");
  const n = a.shape[0]!;
  const idx = new Float64Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return takeRows(a, idx, [n]);
}

/** The values of a 1-d probability vector as float64 numbers. */
export function probabilities(p: ArrayLike<number> | NDArray): Float64Array {
  if (p instanceof NDArray) {
    if (p.ndim !== 1) throw new ValueError("p must be 1-dimensional");
    const out = new Float64Array(p.size);
    for (let i = 0; i < p.size; i++) out[i] = Number(p.item(i));
    return out;
  }
  return Float64Array.from(p as ArrayLike<number>);
}

/** Kahan-compensated sum (NumPy's `kahan_sum` in the choice checks). */
export function kahanSum(x: Float64Array): number {
  if (x.length === 0) return 0;
  let sum = x[0]!;
  let c = 0;
  for (let i = 1; i < x.length; i++) {
    const y = x[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** `cumsum(p) / cumsum(p)[-1]`, evaluated in order as NumPy does. */
export function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i]!;
  const last = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / last;
  return cdf;
}

/** searchsorted(cdf, x, side="right"): the first index whose value exceeds x. */
export function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reads `n` float64 values at a heap address (copied out; a shared heap's buffer.slice would stay shared). */
export function readFloat64(at: number, n: number): Float64Array {
  return new Float64Array(u8.slice(at, at + n * 8).buffer);
}

/** Reads `n` int64 values at a heap address as numbers (copied out). */
export function readInt64(at: number, n: number): Float64Array {
  const big = new BigInt64Array(u8.slice(at, at + n * 8).buffer);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Number(big[i]!);
  return out;
}

/** A fresh int64 array of `shape` holding `values` (integers below 2^53). */
export function int64Array(values: ArrayLike<number>, shape: readonly number[]): NDArray {
  const a = emptyArray([...shape], "int64");
  if (a.size === 0) return a;
  const words = new Uint32Array(u8.buffer, a.address("random"), 2 * a.size);
  for (let i = 0; i < a.size; i++) {
    const v = values[i]!;
    words[2 * i] = v >>> 0;
    words[2 * i + 1] = Math.floor(v / 4294967296) >>> 0;
  }
  return a;
}

/** NumPy's check on a normal's `scale` (both APIs): NaN passes, negatives and -0 do not. */
export function checkScale(scale: number): void {
  if (!Number.isNaN(scale) && (scale < 0 || Object.is(scale, -0))) throw new ValueError("scale < 0");
}
