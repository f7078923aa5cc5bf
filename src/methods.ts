// The NDArray sugar: every method that is a function of another module
// with `this` first. NDArray itself (src/core/ndarray.ts) is a leaf that
// knows only its descriptor; the methods are declared here by module
// augmentation and attached to its prototype once, at load, before any
// array exists, so every instance keeps one hidden class. `src/index.ts`
// imports this module first; anything that imports stridewise through it
// (tests and examples included) sees the methods.

import { NDArray, type CopyOrder, type TypedArrayOf } from "./core/ndarray.js";
import type { ArrayLike } from "./core/ndarray.js";
import { float16ArrayClass, type DType, type Scalar } from "./core/dtype.js";
import type { Order } from "./core/layout.js";
import { emptyArray } from "./core/empty.js";
import { u8 } from "./core/memory.js";
import { getIndex, setIndex } from "./ops/indexing.js";
import type { IndexItem } from "./views/indexing.js";
import { broadcastTo, diagonal, expandDims, squeeze, swapaxes, transpose, viewAs, type AxisArg } from "./views/manipulation.js";
import { reshape, ravel, type ReshapeOptions } from "./ops/reshape.js";
import { copy, fill, flatten } from "./ops/copy.js";
import { copyFrom } from "./ops/cast.js";
import { astype, type AstypeOptions } from "./ops/cast.js";
import * as M from "./ops/math.js";
import * as R from "./ops/reduce/reduce.js";
import type { Operand, UfuncOptions } from "./ops/elementwise.js";
import type { AnyAllOptions, AxisOptions, ReduceOptions, VarOptions } from "./ops/reduce/reduce.js";
import { arrayRepr, arrayStr } from "./format/format.js";

declare module "./core/ndarray.js" {
  interface NDArray<D extends DType = DType> {
    /**
     * `a[index]` with NumPy's grammar: integers (negative from the end),
     * slices as strings (`":"`, `"1:5:2"`, `"::-1"`, or a whole index `":, :256"`)
     * or `slice()` objects, `null` (newaxis), `"..."`. Basic indices give a
     * view; an integer on every axis gives a 0-d view (use `item` for the value).
     * @example E.get(":, :256")   // view, shape [50257, 256]
     * @example E.get(0, "::-1")   // view of row 0, reversed
     */
    get(...index: IndexItem[]): NDArray<D>;
    /**
     * `a[index] = value`: the last argument is the value (scalar, nested
     * lists, TypedArray or NDArray), broadcast to the selection and cast to
     * this dtype. Throws ValueError `assignment destination is read-only` for
     * read-only arrays (broadcast, diagonal, sliding-window views and views of
     * them), and NumPy's broadcast error when shapes do not fit; nothing is
     * written then.
     * @example a.set(":, :2", 0)        // a[:, :2] = 0
     * @example a.set(1, b)              // a[1] = b
     */
    set(...args: [...index: IndexItem[], value: ArrayLike]): void;
    /**
     * The same elements in a new shape; a view whenever NumPy's would be
     * (one length may be -1). `copy: false` raises instead of copying.
     * @example arange(6).reshape([2, 3]).strides // [24, 8]
     */
    reshape(shape: number | readonly number[], opts?: ReshapeOptions): NDArray<D>;
    /** NumPy's varargs form: `a.reshape(3, 4)`, `a.reshape(2, -1, { order: "F" })`. */
    reshape(...shape: number[] | [...shape: number[], opts: ReshapeOptions]): NDArray<D>;
    /**
     * Axes permuted (reversed by default); always a view. Both NumPy
     * spellings: `a.transpose(1, 0)` and `a.transpose([1, 0])`.
     * @example zeros([2, 3]).transpose([1, 0]).shape // [3, 2]
     */
    transpose(...axes: number[]): NDArray<D>;
    transpose(axes: readonly number[] | null): NDArray<D>;
    /** The transpose (axes reversed); a view. @example zeros([2, 3]).T.shape // [3, 2] */
    readonly T: NDArray<D>;
    /** Two axes interchanged; a view. @example zeros([2, 3, 4]).swapaxes(0, 2).shape // [4, 3, 2] */
    swapaxes(axis1: number, axis2: number): NDArray<D>;
    /** Length-1 axes removed (all, or the given ones); a view. @example zeros([1, 3, 1]).squeeze().shape // [3] */
    squeeze(axis?: AxisArg): NDArray<D>;
    squeeze(...axes: number[]): NDArray<D>;
    /** A length-1 axis inserted at `axis`; a view. @example zeros([3]).expandDims(0).shape // [1, 3] */
    expandDims(axis: AxisArg): NDArray<D>;
    expandDims(...axes: number[]): NDArray<D>;
    /** The elements as 1-d: a view when the layout allows, else a copy. @example zeros([2, 3]).ravel().shape // [6] */
    ravel(order?: Order | "A" | "K"): NDArray<D>;
    /** A read-only view broadcast to `shape` (stride 0 on new axes). @example zeros([3]).broadcastTo([2, 3]).strides // [0, 8] */
    broadcastTo(shape: number | readonly number[]): NDArray<D>;
    /** The same bytes read as another dtype; a view. @example zeros([2], { dtype: "float32" }).view("uint8").shape // [8] */
    view<T extends DType>(dtype: T): NDArray<NoInfer<T>>;
    /**
     * The diagonal over `axis1`/`axis2`, shifted by `offset`: a read-only view (NumPy 2).
     * @example eye(3).diagonal().toArray() // [1, 1, 1]
     */
    diagonal(offset?: number, axis1?: number, axis2?: number): NDArray<D>;
    /**
     * A new array with the same elements that owns its memory (C order by
     * default, as NumPy's method).
     * @example E.get(":, :256").copy().flags.cContiguous // true
     */
    copy(order?: CopyOrder): NDArray<D>;
    /** A 1-d copy (NumPy's `flatten`; never a view). @example zeros([2, 3]).flatten().shape // [6] */
    flatten(order?: CopyOrder): NDArray<D>;
    /**
     * The elements converted to `dtype` (a copy unless `copy: false` allows
     * returning `this`), with NumPy's values for every dtype pair.
     * @example E.astype("float16").itemsize // 2
     */
    astype<T extends DType>(dtype: T, opts?: AstypeOptions): NDArray<NoInfer<T>>;
    /** Writes `value` into every element. @example zeros([3]).fill(7) */
    fill(value: Scalar): void;
    /**
     * A fresh TypedArray holding the elements in C order, detached from the
     * heap (safe to keep across any later allocation). float16 and bfloat16
     * come as their Uint16Array bit patterns, bool as a Uint8Array of 0/1.
     * @example arange(3, { dtype: "float32" }).toTypedArray() // Float32Array [0, 1, 2]
     */
    toTypedArray(): TypedArrayOf<D>;
    // Each method is the function of the same name with `this` first. JS
    // numbers are weak scalars (NEP 50): `E.mul(2.5)` stays float32.
    // The `i…` forms write into `this` (NumPy's `a += b`, casting 'same_kind').
    /** `this + y`. @example E.add(1).dtype // "float32" */
    add(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this - y`. @example x.sub(x.mean(0)) */
    sub(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this - y` (NumPy's name). */
    subtract(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this * y`. @example E.mul(2.5) */
    mul(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this * y` (NumPy's name). */
    multiply(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this / y` (true division). @example x.div(x.std(0).add(1e-8)) */
    div(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this / y` (NumPy's name). */
    divide(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this // y`. */
    floorDivide(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this % y` (Python's sign rule). */
    mod(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this ** y`. */
    pow(y: Operand, opts?: UfuncOptions): NDArray;
    /** Element-wise maximum with `y`. */
    maximum(y: Operand, opts?: UfuncOptions): NDArray;
    /** Element-wise minimum with `y`. */
    minimum(y: Operand, opts?: UfuncOptions): NDArray;
    /** `this += y` in place; returns `this`. @example x.isub(x.mean(0)) */
    iadd(y: Operand): this;
    /** `this -= y` in place; returns `this`. */
    isub(y: Operand): this;
    /** `this *= y` in place; returns `this`. */
    imul(y: Operand): this;
    /** `this /= y` in place (an integer `this` raises NumPy's casting error); returns `this`. */
    idiv(y: Operand): this;
    /** `-this`. */
    neg(opts?: UfuncOptions): NDArray<D>;
    /** `|this|`. */
    abs(opts?: UfuncOptions): NDArray<D>;
    /** Square root. */
    sqrt(opts?: UfuncOptions): NDArray;
    /** `this * this`. */
    square(opts?: UfuncOptions): NDArray<D>;
    /** e^this. */
    exp(opts?: UfuncOptions): NDArray;
    /** Natural logarithm. */
    log(opts?: UfuncOptions): NDArray;
    /** -1, 0 or 1 by sign. */
    sign(opts?: UfuncOptions): NDArray<D>;
    /** Values limited to [min, max] (null leaves a side open). @example x.clip(0, 1) */
    clip(min: Operand | null, max: Operand | null, opts?: UfuncOptions): NDArray;
    /** Rounded to `decimals` (ties to even). */
    round(decimals?: number, opts?: UfuncOptions): NDArray<D>;
    /** Sum over `axis` (pairwise for floats). @example E.sum({ axis: 0 }) */
    sum(opts?: ReduceOptions | number | readonly number[]): NDArray;
    /** Product over `axis`. */
    prod(opts?: ReduceOptions | number | readonly number[]): NDArray;
    /** Mean over `axis` (a number is the axis). @example E.mean(0).shape // [768] */
    mean(opts?: Omit<ReduceOptions, "initial"> | number | readonly number[]): NDArray;
    /** Standard deviation over `axis` (`ddof` in the options). @example x.std(0) */
    std(opts?: VarOptions | number | readonly number[]): NDArray;
    /** Variance over `axis` (`ddof` in the options). */
    var(opts?: VarOptions | number | readonly number[]): NDArray;
    /** Largest element over `axis`. @example E.max(1).shape // [50257] */
    max(opts?: ReduceOptions | number | readonly number[]): NDArray<D>;
    /** Smallest element over `axis`. */
    min(opts?: ReduceOptions | number | readonly number[]): NDArray<D>;
    /** Index of the first maximum along `axis` (flattened by default). */
    argmax(opts?: AxisOptions | number): NDArray<"int64">;
    /** Index of the first minimum along `axis` (flattened by default). */
    argmin(opts?: AxisOptions | number): NDArray<"int64">;
    /** Whether any element over `axis` is nonzero (`where` selects). @example x.any({ axis: 0, where: mask }) */
    any(opts?: AnyAllOptions | number | readonly number[]): NDArray<"bool">;
    /** Whether every element over `axis` is nonzero (`where` selects). @example x.all(1) */
    all(opts?: AnyAllOptions | number | readonly number[]): NDArray<"bool">;
    /** Running sum along `axis` (flattened by default). */
    cumsum(opts?: { axis?: number | null; dtype?: DType } | number): NDArray;
    /** Running product along `axis` (flattened by default). */
    cumprod(opts?: { axis?: number | null; dtype?: DType } | number): NDArray;
    /**
     * NumPy's `str(a)`, byte for byte (print options from `setPrintOptions`).
     * Throws DisposedError once disposed.
     * @example arange(3).toString() // "[0 1 2]"
     */
    toString(): string;
    /**
     * NumPy's `repr(a)`, byte for byte. Throws DisposedError once disposed.
     * @example arange(3, { dtype: "int8" }).repr() // "array([0, 1, 2], dtype=int8)"
     */
    repr(): string;
  }
}

/** A reduction method's argument: options, or just the axis (NumPy's positional `axis`). */
function reduceOpts<T extends ReduceOptions>(o: T | number | readonly number[] | undefined): T | undefined {
  return typeof o === "number" || Array.isArray(o) ? ({ axis: o } as T) : (o as T | undefined);
}

const TYPED_ARRAY_OF: Record<DType, new (b: ArrayBuffer, off: number, len: number) => ArrayBufferView> = {
  bool: Uint8Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  float16: Uint16Array,
  bfloat16: Uint16Array,
  float32: Float32Array,
  float64: Float64Array,
};

const methods: ThisType<NDArray> = {
  // ---- Indexing (src/indexing.ts) ----
  get(...index: IndexItem[]): NDArray {
    return getIndex(this, index);
  },
  set(...args: [...index: IndexItem[], value: ArrayLike]): void {
    const value = args[args.length - 1] as ArrayLike;
    setIndex(this, args.slice(0, -1) as IndexItem[], value);
  },
  // ---- Views (src/manipulation.ts) ----
  reshape(...args: unknown[]): NDArray {
    // NumPy's two spellings: a shape (list or one length) with options, or the lengths as arguments.
    const first = args[0];
    if (typeof first !== "number" || args.length === 1) return reshape(this, first as number | readonly number[], args[1] as ReshapeOptions | undefined);
    const last = args[args.length - 1];
    const opts = typeof last === "object" && last !== null ? (last as ReshapeOptions) : undefined;
    return reshape(this, (opts === undefined ? args : args.slice(0, -1)) as number[], opts);
  },
  transpose(...axes: (number | readonly number[] | null)[]): NDArray {
    if (axes.length === 1 && (Array.isArray(axes[0]) || axes[0] === null)) return transpose(this, (axes[0] as readonly number[] | null) ?? undefined);
    return transpose(this, axes.length === 0 ? undefined : (axes as number[]));
  },
  get T(): NDArray {
    return transpose(this);
  },
  swapaxes(axis1: number, axis2: number): NDArray {
    return swapaxes(this, axis1, axis2);
  },
  squeeze(...axes: AxisArg[]): NDArray {
    return squeeze(this, axes.length > 1 ? (axes as number[]) : axes[0]);
  },
  expandDims(...axes: AxisArg[]): NDArray {
    return expandDims(this, axes.length > 1 ? (axes as number[]) : axes[0]);
  },
  ravel(order: Order | "A" | "K" = "C"): NDArray {
    return ravel(this, order);
  },
  broadcastTo(shape: number | readonly number[]): NDArray {
    return broadcastTo(this, shape);
  },
  view(dtype: DType): NDArray {
    return viewAs(this, dtype);
  },
  diagonal(offset = 0, axis1 = 0, axis2 = 1): NDArray {
    return diagonal(this, offset, axis1, axis2);
  },
  // ---- Copies (src/ops/copy.ts) ----
  copy(order: CopyOrder = "C"): NDArray {
    return copy(this, order);
  },
  flatten(order: CopyOrder = "C"): NDArray {
    return flatten(this, order);
  },
  astype(dtype: DType, opts?: AstypeOptions): NDArray {
    return astype(this, dtype, opts);
  },
  fill(value: Scalar): void {
    fill(this, value);
  },
  toTypedArray(): TypedArrayOf {
    this.address("toTypedArray");
    const C = (this.dtype === "float16" ? float16ArrayClass() : undefined) ?? TYPED_ARRAY_OF[this.dtype];
    let src: NDArray = this;
    if (!this.isC) {
      src = emptyArray(this.shape, this.dtype);
      copyFrom(src, this);
    }
    const at = src.address("toTypedArray");
    const bytes = u8.slice(at, at + this.nbytes);
    if (src !== this) src.dispose();
    return new C(bytes.buffer, 0, this.size) as TypedArrayOf;
  },
  // ---- Math (src/ops/math.ts, src/ops/reduce.ts) ----
  // Each method is the function of the same name with `this` first. JS
  // numbers are weak scalars (NEP 50): `E.mul(2.5)` stays float32.
  // The `i…` forms write into `this` (NumPy's `a += b`, casting 'same_kind').
  add(y: Operand, opts?: UfuncOptions): NDArray {
    return M.add(this, y, opts);
  },
  sub(y: Operand, opts?: UfuncOptions): NDArray {
    return M.subtract(this, y, opts);
  },
  subtract(y: Operand, opts?: UfuncOptions): NDArray {
    return M.subtract(this, y, opts);
  },
  mul(y: Operand, opts?: UfuncOptions): NDArray {
    return M.multiply(this, y, opts);
  },
  multiply(y: Operand, opts?: UfuncOptions): NDArray {
    return M.multiply(this, y, opts);
  },
  div(y: Operand, opts?: UfuncOptions): NDArray {
    return M.divide(this, y, opts);
  },
  divide(y: Operand, opts?: UfuncOptions): NDArray {
    return M.divide(this, y, opts);
  },
  floorDivide(y: Operand, opts?: UfuncOptions): NDArray {
    return M.floorDivide(this, y, opts);
  },
  mod(y: Operand, opts?: UfuncOptions): NDArray {
    return M.mod(this, y, opts);
  },
  pow(y: Operand, opts?: UfuncOptions): NDArray {
    return M.power(this, y, opts);
  },
  maximum(y: Operand, opts?: UfuncOptions): NDArray {
    return M.maximum(this, y, opts);
  },
  minimum(y: Operand, opts?: UfuncOptions): NDArray {
    return M.minimum(this, y, opts);
  },
  iadd(y: Operand): NDArray {
    M.add(this, y, { out: this });
    return this;
  },
  isub(y: Operand): NDArray {
    M.subtract(this, y, { out: this });
    return this;
  },
  imul(y: Operand): NDArray {
    M.multiply(this, y, { out: this });
    return this;
  },
  idiv(y: Operand): NDArray {
    M.divide(this, y, { out: this });
    return this;
  },
  neg(opts?: UfuncOptions): NDArray {
    return M.negative(this, opts);
  },
  abs(opts?: UfuncOptions): NDArray {
    return M.abs(this, opts);
  },
  sqrt(opts?: UfuncOptions): NDArray {
    return M.sqrt(this, opts);
  },
  square(opts?: UfuncOptions): NDArray {
    return M.square(this, opts);
  },
  exp(opts?: UfuncOptions): NDArray {
    return M.exp(this, opts);
  },
  log(opts?: UfuncOptions): NDArray {
    return M.log(this, opts);
  },
  sign(opts?: UfuncOptions): NDArray {
    return M.sign(this, opts);
  },
  clip(min: Operand | null, max: Operand | null, opts?: UfuncOptions): NDArray {
    return M.clip(this, min, max, opts);
  },
  round(decimals = 0, opts?: UfuncOptions): NDArray {
    return M.round(this, decimals, opts);
  },
  sum(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.sum(this, reduceOpts(opts));
  },
  prod(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.prod(this, reduceOpts(opts));
  },
  mean(opts?: Omit<ReduceOptions, "initial"> | number | readonly number[]): NDArray {
    return R.mean(this, reduceOpts(opts));
  },
  std(opts?: VarOptions | number | readonly number[]): NDArray {
    return R.std(this, reduceOpts(opts));
  },
  var(opts?: VarOptions | number | readonly number[]): NDArray {
    return R.variance(this, reduceOpts(opts));
  },
  max(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.max(this, reduceOpts(opts));
  },
  min(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.min(this, reduceOpts(opts));
  },
  argmax(opts?: AxisOptions | number): NDArray {
    return R.argmax(this, typeof opts === "number" ? { axis: opts } : opts);
  },
  argmin(opts?: AxisOptions | number): NDArray {
    return R.argmin(this, typeof opts === "number" ? { axis: opts } : opts);
  },
  any(opts?: AnyAllOptions | number | readonly number[]): NDArray {
    return R.any(this, reduceOpts(opts));
  },
  all(opts?: AnyAllOptions | number | readonly number[]): NDArray {
    return R.all(this, reduceOpts(opts));
  },
  cumsum(opts?: { axis?: number | null; dtype?: DType } | number): NDArray {
    return R.cumsum(this, typeof opts === "number" ? { axis: opts } : opts);
  },
  cumprod(opts?: { axis?: number | null; dtype?: DType } | number): NDArray {
    return R.cumprod(this, typeof opts === "number" ? { axis: opts } : opts);
  },
  // ---- Printing (src/format.ts) ----
  toString(): string {
    return arrayStr(this);
  },
  repr(): string {
    return arrayRepr(this);
  },
  // `console.log(a)` and `util.inspect(a)` show NumPy's repr (a disposed array says so instead of throwing).
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    if (!this.isAlive) return `array(<disposed>, shape=${this.shape.length === 1 ? `(${this.shape[0]},)` : `(${this.shape.join(", ")})`}, dtype=${this.dtype})`;
    return arrayRepr(this);
  },
};

// Non-enumerable, as class methods are, so that `for…in` and spreading an
// array see only its descriptor fields.
for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(methods))) {
  Object.defineProperty(NDArray.prototype, name, { ...d, enumerable: false });
}
for (const sym of Object.getOwnPropertySymbols(methods)) {
  Object.defineProperty(NDArray.prototype, sym, { ...Object.getOwnPropertyDescriptor(methods, sym)!, enumerable: false });
}
