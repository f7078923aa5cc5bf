// Creating arrays: from JavaScript data, filled, ranges, identity.
// Every function here returns a fresh C-contiguous (or F, where asked)
// array that owns its memory.

import { DTypeError, ValueError, ZeroDivisionError } from "../core/errors.js";
import { checkDType, DTYPES, float16ArrayClass, scalarDType, toStored, writeStored, type DType, type Float16ArrayType, type Scalar } from "../core/dtype.js";
import { bfloat16BitsToNumber, float16BitsToNumber } from "../core/half.js";
import { u8 } from "../core/memory.js";
import { lastAllocationFresh } from "../core/heap.js";
import { checkShape, type Order } from "../core/layout.js";
import { NDArray, type ArrayLike, type NestedArray } from "../core/ndarray.js";
import type { TypedArray } from "../core/dtype.js";
import { emptyArray } from "../core/empty.js";
import { copyFrom } from "./cast.js";
import { fillContiguous } from "./copy.js";
import { recordCopy } from "../core/ledger.js";

/** Options shared by the creation functions; `D` is the dtype they give the result's type. */
export interface CreateOptions<D extends DType = DType> {
  /** Element type (default: float64, or what the data implies). */
  dtype?: D;
  /** Memory order of the new array (default "C"). */
  order?: Order;
}

/** A shape: one length or a list of lengths. */
export type ShapeLike = number | readonly number[];

export type { ArrayLike, NestedArray } from "../core/ndarray.js";
export type { TypedArray } from "../core/dtype.js";

// ---- The dtype a call gives its result's type ----
// What NumPy infers at run time, as far as types can tell: a number literal
// with no fraction is an integer (int64), one with a fraction float64; a
// `number` that is not a literal may be either. Results are typed
// `NDArray<NoInfer<D>>` so that the type an assignment expects cannot pick
// the dtype: only the `dtype` option or the data do.

/** The dtype NumPy infers for a JavaScript number `N` (a literal, or `number`). */
type NumberDType<N extends number> = number extends N ? "int64" | "float64" : `${N}` extends `${bigint}` ? "int64" : "float64";

/**
 * The innermost element type of nested arrays (the general `NestedArray`
 * type, which nests without end, gives any scalar; 32 levels at most).
 */
type Leaf<T, Depth extends unknown[] = []> = Depth["length"] extends 32
  ? Scalar
  : T extends readonly (infer U)[]
    ? NestedArray extends T
      ? Scalar
      : Leaf<U, [...Depth, unknown]>
    : T;

/** The dtype of a scalar value, as `array(value)` infers it. */
export type DTypeOfScalar<V> = [V] extends [boolean]
  ? "bool"
  : [Exclude<V, boolean>] extends [bigint]
    ? "int64"
    : [Exclude<V, boolean | bigint>] extends [number]
      ? NumberDType<Exclude<V, boolean | bigint>>
      : DType;

/**
 * The dtype `array(data)` infers, as a type: an NDArray's own, a
 * TypedArray's (Float32Array → "float32", …), bool for booleans, int64 for
 * integer literals and bigints, float64 for fractions, `"int64" | "float64"`
 * for numbers that are not literals.
 * @example const a: NDArray<"float32"> = array(new Float32Array(3));
 */
export type DTypeOfData<T> =
  T extends NDArray<infer D> ? D
  : T extends Float64Array ? "float64"
  : T extends Float32Array ? "float32"
  : T extends Int8Array ? "int8"
  : T extends Uint8Array | Uint8ClampedArray ? "uint8"
  : T extends Int16Array ? "int16"
  : T extends Uint16Array ? "uint16"
  : T extends Int32Array ? "int32"
  : T extends Uint32Array ? "uint32"
  : T extends BigInt64Array ? "int64"
  : T extends BigUint64Array ? "uint64"
  : T extends Float16ArrayType ? "float16"
  : DTypeOfScalar<Leaf<T>>;

function orderOf(opts?: CreateOptions): Order {
  const o = opts?.order ?? "C";
  if (o !== "C" && o !== "F") throw new ValueError(`order must be one of 'C', 'F' (got '${String(o)}')`);
  return o;
}

/**
 * A new array of `shape` whose contents are whatever the heap held (NumPy's `empty`).
 * @example empty([2, 3], { dtype: "float32" }).shape // [2, 3]
 */
export function empty<D extends DType = "float64">(shape: ShapeLike, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function empty(shape: ShapeLike, opts?: CreateOptions): NDArray {
  return emptyArray(checkShape(shape), checkDType(opts?.dtype ?? "float64"), orderOf(opts));
}

/**
 * A new array of zeros. Memory that was never used before is known to be
 * zero and is not written again (as calloc does for NumPy).
 * @example zeros([2, 2]).toArray() // [[0, 0], [0, 0]]
 */
export function zeros<D extends DType = "float64">(shape: ShapeLike, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function zeros(shape: ShapeLike, opts?: CreateOptions): NDArray {
  const a = empty(shape, opts);
  if (!lastAllocationFresh) {
    fillContiguous(a, 0);
  }
  return a;
}

/**
 * A new array of ones.
 * @example ones([3], { dtype: "int8" }).toArray() // [1, 1, 1]
 */
export function ones<D extends DType = "float64">(shape: ShapeLike, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function ones(shape: ShapeLike, opts?: CreateOptions): NDArray {
  return full(shape, 1, { ...opts, dtype: opts?.dtype ?? "float64" });
}

/**
 * A new array filled with `value`; the dtype defaults to the one NumPy
 * infers for the value (bool, int64 or float64).
 * @example full([2], 7).dtype // "int64"
 */
export function full<V extends Scalar, D extends DType = DTypeOfScalar<V>>(shape: ShapeLike, value: V, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function full(shape: ShapeLike, value: Scalar, opts?: CreateOptions): NDArray {
  const dtype = checkDType(opts?.dtype ?? scalarDType(value));
  const s = checkShape(shape);
  toStored(dtype, value); // raise before allocating
  const a = emptyArray(s, dtype, orderOf(opts));
  fillContiguous(a, value);
  return a;
}

function likeOptions(a: NDArray, opts?: CreateOptions): Required<CreateOptions> {
  // NumPy's default order "K" keeps F order for F-contiguous prototypes.
  return { dtype: opts?.dtype ?? a.dtype, order: opts?.order ?? (a.isF && !a.isC ? "F" : "C") };
}

/** `empty` with `a`'s shape, dtype and order. @example emptyLike(a).shape // a.shape */
export function emptyLike<A extends DType, D extends DType = A>(a: NDArray<A>, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function emptyLike(a: NDArray, opts?: CreateOptions): NDArray {
  return empty(a.shape, likeOptions(a, opts));
}
/** `zeros` with `a`'s shape, dtype and order. @example zerosLike(a) */
export function zerosLike<A extends DType, D extends DType = A>(a: NDArray<A>, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function zerosLike(a: NDArray, opts?: CreateOptions): NDArray {
  return zeros(a.shape, likeOptions(a, opts));
}
/** `ones` with `a`'s shape, dtype and order. @example onesLike(a) */
export function onesLike<A extends DType, D extends DType = A>(a: NDArray<A>, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function onesLike(a: NDArray, opts?: CreateOptions): NDArray {
  return ones(a.shape, likeOptions(a, opts));
}
/** `full` with `a`'s shape, dtype and order. @example fullLike(a, 2) */
export function fullLike<A extends DType, D extends DType = A>(a: NDArray<A>, value: Scalar, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function fullLike(a: NDArray, value: Scalar, opts?: CreateOptions): NDArray {
  return full(a.shape, value, likeOptions(a, opts));
}

const TYPED_DTYPE: [new (...args: never[]) => TypedArray, DType][] = [
  [Float64Array, "float64"],
  [Float32Array, "float32"],
  [Int32Array, "int32"],
  [Uint8Array, "uint8"],
  [Int8Array, "int8"],
  [Int16Array, "int16"],
  [Uint16Array, "uint16"],
  [Uint32Array, "uint32"],
  [BigInt64Array, "int64"],
  [BigUint64Array, "uint64"],
  [Uint8ClampedArray, "uint8"],
];

/** The dtype a TypedArray maps to, or undefined for other values. */
export function typedArrayDType(x: unknown): DType | undefined {
  if (!ArrayBuffer.isView(x) || x instanceof DataView) return undefined;
  // Float16Array first: a stand-in for one may extend Uint16Array.
  const F16 = float16ArrayClass();
  if (F16 !== undefined && x instanceof F16) return "float16";
  for (const [C, d] of TYPED_DTYPE) if (x instanceof C) return d;
  return undefined;
}

/** Shape of nested lists, NumPy's ValueError for ragged ones. */
function nestedShape(x: unknown): number[] {
  const shape: number[] = [];
  let v = x;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  const check = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(node) || ArrayBuffer.isView(node)) throw ragged(depth, shape);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) throw ragged(depth, shape);
    for (const c of node) check(c, depth + 1);
  };
  check(x, 0);
  return shape;
}

function ragged(depth: number, shape: number[]): ValueError {
  const detected = shape.slice(0, depth);
  return new ValueError(
    "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
      `${depth} dimensions. The detected shape was (${detected.join(", ")}${detected.length === 1 ? "," : ""}) + inhomogeneous part.`,
  );
}

/**
 * NumPy's dtype inference over a flat list of JavaScript scalars: each value
 * gets its own dtype (`scalarDType`), then they promote. int64 and uint64
 * promote to float64, so a bigint above 2^63 - 1 next to any other integer
 * gives float64, as `np.array([2**63, 1])` does.
 */
function inferDType(flat: readonly unknown[]): DType {
  if (flat.length === 0) return "float64";
  let bool = false;
  let int64 = false;
  let uint64 = false;
  for (const v of flat) {
    if (typeof v !== "number" && typeof v !== "bigint" && typeof v !== "boolean") {
      throw new DTypeError(`array: cannot make an array element from ${typeof v} (expected number, bigint or boolean)`);
    }
    const d = scalarDType(v);
    if (d === "float64") return d;
    if (d === "bool") bool = true;
    else if (d === "int64") int64 = true;
    else uint64 = true;
  }
  if (int64 && uint64) return "float64";
  return uint64 ? "uint64" : int64 ? "int64" : bool ? "bool" : "float64";
}

/**
 * A new array from nested lists, a TypedArray, a scalar or another NDArray
 * (always a copy, as `np.array`). Without `dtype`: booleans give bool,
 * integers int64, any non-integer number float64, a TypedArray its own type.
 * @example
 * array([[1, 2], [3, 4]]).dtype          // "int64"
 * array([1, 2.5]).dtype                  // "float64"
 * array(new Float32Array([1, 2])).dtype  // "float32"
 */
export function array<const T extends ArrayLike, D extends DType = DTypeOfData<T>>(data: T, opts?: CreateOptions<D>): NDArray<NoInfer<D>>;
export function array(data: ArrayLike, opts?: CreateOptions): NDArray {
  if (data instanceof NDArray) {
    const out = emptyArray(data.shape, checkDType(opts?.dtype ?? data.dtype), orderOf(opts));
    copyFrom(out, data);
    recordCopy("array", out.nbytes);
    return out;
  }
  const td = typedArrayDType(data);
  if (td !== undefined) {
    const t = data as TypedArray;
    const dtype = checkDType(opts?.dtype ?? td);
    const out = emptyArray([t.length], dtype);
    if (dtype === td) {
      u8.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), out.address("array"));
    } else if (td === "float16") {
      // Through the bit patterns, then NumPy's cast: exact, and the same for
      // a Float16Array and for anything standing in for one.
      const bits = emptyArray([t.length], "float16");
      try {
        u8.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), bits.address("array"));
        copyFrom(out, bits);
      } finally {
        bits.dispose();
      }
    } else {
      writeFlat(out, Array.from(t as Iterable<Scalar>));
    }
    return out;
  }
  const shape = nestedShape(data);
  const flat = shape.length === 0 ? [data] : (data as unknown[]).flat(shape.length - 1);
  const dtype = opts?.dtype !== undefined ? checkDType(opts.dtype) : inferDType(flat);
  // With a dtype given, or a float seen early, no value was type-checked yet.
  for (const v of flat) if (typeof v !== "number" && typeof v !== "boolean" && typeof v !== "bigint") inferDType([v]);
  const stored = flat.map((v) => toStored(dtype, v as Scalar)); // raise before allocating
  const out = emptyArray(shape, dtype, orderOf(opts));
  writeStoredFlat(out, stored);
  return out;
}

function writeFlat(out: NDArray, values: readonly Scalar[]): void {
  writeStoredFlat(
    out,
    values.map((v) => toStored(out.dtype, v)),
  );
}

/** Writes converted values in C order into a fresh array of either order. */
function writeStoredFlat(out: NDArray, stored: readonly (number | bigint)[]): void {
  const addr = out.address("array");
  const { shape, strides, dtype } = out;
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < stored.length; k++) {
    let at = addr;
    for (let ax = 0; ax < shape.length; ax++) at += idx[ax]! * strides[ax]!;
    writeStored(dtype, at, stored[k]!);
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if (++idx[ax]! < shape[ax]!) break;
      idx[ax] = 0;
    }
  }
}

/**
 * `data` itself when it already is an NDArray of the requested dtype, else a new array.
 * @example asarray(a) === a // true
 */
export function asarray<const T extends ArrayLike, D extends DType = DTypeOfData<T>>(data: T, opts?: { dtype?: D }): NDArray<NoInfer<D>>;
export function asarray(data: ArrayLike, opts?: { dtype?: DType }): NDArray {
  if (data instanceof NDArray && (opts?.dtype === undefined || opts.dtype === data.dtype)) return data;
  return array(data, opts?.dtype === undefined ? undefined : { dtype: opts.dtype });
}

/** Options of `arange`. */
export interface ArangeOptions<D extends DType = DType> {
  dtype?: D;
}

/**
 * Evenly spaced values in [start, stop), as NumPy's `arange`: the length is
 * ceil((stop - start) / step), element i is start + i·delta computed in the
 * result's precision. Integer arguments give int64, any other number float64.
 * @example arange(5).toArray()            // [0n, 1n, 2n, 3n, 4n]
 * @example arange(0, 1, 0.25).toArray()   // [0, 0.25, 0.5, 0.75]
 */
export function arange<N extends number, D extends DType = NumberDType<N>>(stop: N, opts?: ArangeOptions<D>): NDArray<NoInfer<D>>;
export function arange<N extends number, D extends DType = NumberDType<N>>(start: N, stop: N, step?: N, opts?: ArangeOptions<D>): NDArray<NoInfer<D>>;
export function arange(...args: (number | ArangeOptions | undefined)[]): NDArray {
  const opts = typeof args[args.length - 1] === "object" ? (args.pop() as ArangeOptions) : undefined;
  const nums = args.filter((x) => x !== undefined) as number[];
  const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  for (const x of [start, stop, step]) {
    if (typeof x !== "number") throw new DTypeError(`arange: expected numbers, got ${typeof x}`);
  }
  if (step === 0) throw new ZeroDivisionError("division by zero");
  const dtype = checkDType(opts?.dtype ?? ([start, stop, step].every((x) => Number.isInteger(x)) ? "int64" : "float64"));
  const q = Math.ceil((stop - start) / step);
  if (Number.isNaN(q)) throw new ValueError("arange: cannot compute length");
  const len = Math.max(0, q);
  if (!Number.isFinite(len)) throw new ValueError("Maximum allowed size exceeded");
  if (dtype === "bool" && len > 2) {
    throw new DTypeError("arange() is only supported for booleans when the result has at most length 2.");
  }
  // NumPy stores the first two values in the result dtype, then fills
  // start + i*delta in that dtype's arithmetic. Both are converted before
  // allocating, so that a value the dtype cannot hold leaks nothing.
  const first = len > 0 ? toStored(dtype, start) : 0;
  const second = len > 1 ? toStored(dtype, start + step) : 0;
  const out = emptyArray(checkShape(len), dtype);
  if (len === 0) return out;
  const addr = out.address("arange");
  const itemsize = DTYPES[dtype].itemsize;
  writeStored(dtype, addr, first);
  if (len === 1) return out;
  const kind = DTYPES[dtype].kind;
  if (kind === "i" || kind === "u" || kind === "b") {
    const a = BigInt(first);
    const delta = BigInt(second) - a;
    for (let i = 1; i < len; i++) {
      const v = a + BigInt(i) * delta;
      writeStored(dtype, addr + i * itemsize, itemsize === 8 ? BigInt.asUintN(64, v) : Number(BigInt.asIntN(32, v)));
    }
  } else if (dtype === "float64") {
    const delta = start + step - start;
    for (let i = 1; i < len; i++) writeStored(dtype, addr + i * itemsize, start + i * delta);
  } else {
    // float32, float16 and bfloat16 fill in single precision, as NumPy and ml_dtypes do.
    const f = Math.fround;
    const a = readBack(dtype, first);
    const delta = f(readBack(dtype, second) - a);
    for (let i = 1; i < len; i++) writeStored(dtype, addr + i * itemsize, toStored(dtype, f(a + f(i * delta))));
  }
  return out;
}

/** The value a stored float16, bfloat16 or float32 element stands for. */
function readBack(dtype: DType, stored: number | bigint): number {
  const s = stored as number;
  return dtype === "float16" ? float16BitsToNumber(s) : dtype === "bfloat16" ? bfloat16BitsToNumber(s) : Math.fround(s);
}

/** Options of `linspace`. */
export interface LinspaceOptions<D extends DType = DType> {
  /** Include `stop` as the last sample (default true). */
  endpoint?: boolean;
  dtype?: D;
}

/**
 * `num` evenly spaced samples from `start` to `stop`, as NumPy's
 * `linspace`: sample i is i·step + start in float64, the last is exactly
 * `stop` when `endpoint`; integer dtypes take the floor.
 * @example linspace(0, 1, 5).toArray() // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace<D extends DType = "float64">(start: number, stop: number, num?: number, opts?: LinspaceOptions<D>): NDArray<NoInfer<D>>;
export function linspace(start: number, stop: number, num = 50, opts?: LinspaceOptions): NDArray {
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = opts?.endpoint ?? true;
  const dtype = checkDType(opts?.dtype ?? "float64");
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const values = new Array<number>(num);
  for (let i = 0; i < num; i++) {
    let y: number;
    if (div > 0) y = step === 0 ? ((i / div) * delta) + start : i * step + start;
    else y = i * delta + start;
    values[i] = y;
  }
  if (endpoint && num > 1) values[num - 1] = stop;
  const kind = DTYPES[dtype].kind;
  const out = emptyArray([num], dtype);
  const addr = out.address("linspace");
  const itemsize = DTYPES[dtype].itemsize;
  for (let i = 0; i < num; i++) {
    const v = kind === "i" || kind === "u" ? Math.floor(values[i]!) : values[i]!;
    writeStored(dtype, addr + i * itemsize, toStored(dtype, v));
  }
  return out;
}

/** Options of `eye`. */
export interface EyeOptions<D extends DType = DType> extends CreateOptions<D> {
  /** Columns (default: n). */
  m?: number;
  /** Index of the diagonal: 0 the main, positive above, negative below. */
  k?: number;
}

/**
 * A 2-d array with ones on diagonal `k` and zeros elsewhere.
 * @example eye(2).toArray() // [[1, 0], [0, 1]]
 */
export function eye<D extends DType = "float64">(n: number, opts?: EyeOptions<D>): NDArray<NoInfer<D>>;
export function eye(n: number, opts?: EyeOptions): NDArray {
  const m = opts?.m ?? n;
  const k = opts?.k ?? 0;
  const a = zeros([n, m], opts?.order === undefined ? { dtype: opts?.dtype ?? "float64" } : { dtype: opts?.dtype ?? "float64", order: opts.order });
  const addr = a.address("eye");
  const one = toStored(a.dtype, 1);
  for (let i = Math.max(0, -k); i < n && i + k < m; i++) {
    writeStored(a.dtype, addr + i * a.strides[0]! + (i + k) * a.strides[1]!, one);
  }
  return a;
}

/**
 * @internal Runs `f` on `x` as an NDArray, disposing only an array made
 * here (never the caller's).
 * @example withArray([1, 2, 3], (a) => a.size) // 3
 */
export function withArray<T>(x: ArrayLike, f: (a: NDArray) => T): T {
  const a = asarray(x);
  try {
    return f(a);
  } finally {
    if (a !== x) a.dispose();
  }
}
