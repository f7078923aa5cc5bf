// The NDArray descriptor: dtype, shape, byte strides, byte offset, and the
// allocation it points into. Nothing else: every view operation is
// arithmetic on these fields, and every field is set once, in one
// constructor, in one order, so V8 keeps every array on one hidden class.

import { DisposedError, IndexError, ValueError } from "./errors.js";
import { DTYPES, readElement, type DType, type Scalar } from "./dtype.js";
import { Allocation, DISPOSED, free, u8 } from "./heap.js";
import { emptyArray } from "./creation.js";
import { isCContiguous, isFContiguous, shapeSize, type Order } from "./layout.js";
import { trackCreated } from "./lifetime.js";
import type { ArrayLike, TypedArray } from "./creation.js";
import { getIndex, setIndex, type IndexItem } from "./indexing.js";
import { broadcastTo, diagonal, expandDims, ravel, reshape, squeeze, swapaxes, transpose, viewAs, type ReshapeOptions } from "./manipulation.js";
import { copy, copyFrom, fill, flatten } from "./ops/copy.js";
import { astype, type AstypeOptions } from "./ops/astype.js";
import * as M from "./ops/math.js";
import * as R from "./ops/reduce.js";
import type { Operand, UfuncOptions } from "./ops/elementwise.js";
import type { AnyAllOptions, AxisOptions, ReduceOptions, VarOptions } from "./ops/reduce.js";
import { arrayRepr, arrayStr } from "./format.js";

// Bits of NDArray._flags. Contiguity is derived lazily (KNOWN says whether
// the C and F bits are filled in) so that making a view never loops.
const WRITEABLE = 1;
const KNOWN = 2;
const C_CONTIGUOUS = 4;
const F_CONTIGUOUS = 8;

/** NumPy's `ndarray.flags`, computed by NumPy's rules. */
export interface Flags {
  /** Row-major contiguous (length-1 axes ignored; empty arrays are). */
  readonly cContiguous: boolean;
  /** Column-major contiguous (same rules). */
  readonly fContiguous: boolean;
  /** The array owns its memory (it is no view). */
  readonly ownData: boolean;
  /** Writes are allowed (false for broadcast and other read-only views). */
  readonly writeable: boolean;
  /** Every element address is a multiple of the item size. */
  readonly aligned: boolean;
}

/**
 * An n-dimensional array: a view of typed elements in the stridewise heap.
 *
 * Create one with `array`, `zeros`, `arange`…; make views with `get`,
 * `reshape`, `transpose`…; free it with `dispose()` (or `using`, or `tidy`).
 * @example
 * await init();
 * const a = arange(6).reshape([2, 3]);
 * a.shape;   // [2, 3]
 * a.strides; // [24, 8]
 * a.item(1, 2); // 5n (int64 elements are bigint)
 */
export class NDArray {
  /** The element type, by NumPy's name. */
  readonly dtype: DType;
  /** Length of each axis. */
  readonly shape: readonly number[];
  /** Bytes to step along each axis (NumPy's strides; may be negative or zero). */
  readonly strides: readonly number[];
  /** Bytes from the start of the allocation to element [0, …, 0]. */
  readonly offset: number;
  /** NumPy's `.base`: the array that owns the memory, or null if this one does. */
  readonly base: NDArray | null;
  /** Number of elements. */
  readonly size: number;
  /** @internal The allocation; DISPOSED once this array is disposed. */
  _mem: Allocation;
  /** @internal WRITEABLE | KNOWN | C_CONTIGUOUS | F_CONTIGUOUS. */
  _flags: number;

  /** @internal Use the creation functions or `makeView`; this is the one constructor. */
  constructor(
    mem: Allocation,
    dtype: DType,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    base: NDArray | null,
    writeable: boolean,
  ) {
    this.dtype = dtype;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.base = base;
    this.size = shapeSize(shape);
    this._mem = mem;
    this._flags = writeable ? WRITEABLE : 0;
    mem.refs++;
    trackCreated(this);
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Bytes per element. */
  get itemsize(): number {
    return DTYPES[this.dtype].itemsize;
  }

  /** Bytes the elements occupy (size × itemsize), as NumPy's `nbytes`. */
  get nbytes(): number {
    return this.size * DTYPES[this.dtype].itemsize;
  }

  /** NumPy's flags. */
  get flags(): Flags {
    const addr = this.address("flags");
    const f = this.contiguity();
    const itemsize = DTYPES[this.dtype].itemsize;
    let aligned = addr % itemsize === 0;
    for (const s of this.strides) aligned &&= s % itemsize === 0;
    return {
      cContiguous: (f & C_CONTIGUOUS) !== 0,
      fContiguous: (f & F_CONTIGUOUS) !== 0,
      ownData: this.base === null,
      writeable: (f & WRITEABLE) !== 0,
      aligned,
    };
  }

  /** @internal The flag bits, with contiguity filled in on first use. */
  contiguity(): number {
    let f = this._flags;
    if ((f & KNOWN) === 0) {
      const itemsize = DTYPES[this.dtype].itemsize;
      f |= KNOWN;
      if (isCContiguous(this.shape, this.strides, itemsize)) f |= C_CONTIGUOUS;
      if (isFContiguous(this.shape, this.strides, itemsize)) f |= F_CONTIGUOUS;
      this._flags = f;
    }
    return f;
  }

  /** @internal True when the elements fill one block in C order. */
  get isC(): boolean {
    return (this.contiguity() & C_CONTIGUOUS) !== 0;
  }

  /** @internal True when the elements fill one block in F order. */
  get isF(): boolean {
    return (this.contiguity() & F_CONTIGUOUS) !== 0;
  }

  /** False once disposed (directly, or by the `tidy` scope that created it). */
  get isAlive(): boolean {
    return this._mem.live;
  }

  /**
   * @internal Heap address of element [0, …, 0]; throws DisposedError when
   * the array (or its memory) is gone, so no caller can read freed memory.
   */
  address(fn: string): number {
    const m = this._mem;
    if (!m.live) throw new DisposedError(`${fn}: the array has been disposed`);
    return m.ptr + this.offset;
  }

  /** @internal Throws ValueError unless the array may be written. */
  checkWriteable(): void {
    if ((this._flags & WRITEABLE) === 0) throw new ValueError("assignment destination is read-only");
  }

  // ---- Indexing (src/indexing.ts) ----

  /**
   * `a[index]` with NumPy's grammar: integers (negative from the end),
   * slices as strings (`":"`, `"1:5:2"`, `"::-1"`, or a whole index `":, :256"`)
   * or `slice()` objects, `null` (newaxis), `"..."`. Basic indices give a
   * view; an integer on every axis gives a 0-d view (use `item` for the value).
   * @example E.get(":, :256")   // view, shape [50257, 256]
   * @example E.get(0, "::-1")   // view of row 0, reversed
   */
  get(...index: IndexItem[]): NDArray {
    return getIndex(this, index);
  }

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
  set(...args: [...index: IndexItem[], value: ArrayLike]): void {
    const value = args[args.length - 1] as ArrayLike;
    setIndex(this, args.slice(0, -1) as IndexItem[], value);
  }

  // ---- Views (src/manipulation.ts) ----

  /**
   * The same elements in a new shape; a view whenever NumPy's would be
   * (one length may be -1). `copy: false` raises instead of copying.
   * @example arange(6).reshape([2, 3]).strides // [24, 8]
   */
  reshape(shape: number | readonly number[], opts?: ReshapeOptions): NDArray {
    return reshape(this, shape, opts);
  }

  /** Axes permuted (reversed by default); always a view. @example zeros([2, 3]).transpose().shape // [3, 2] */
  transpose(...axes: number[]): NDArray {
    return transpose(this, axes.length === 0 ? undefined : axes);
  }

  /** The transpose (axes reversed); a view. @example zeros([2, 3]).T.shape // [3, 2] */
  get T(): NDArray {
    return transpose(this);
  }

  /** Two axes interchanged; a view. @example zeros([2, 3, 4]).swapaxes(0, 2).shape // [4, 3, 2] */
  swapaxes(axis1: number, axis2: number): NDArray {
    return swapaxes(this, axis1, axis2);
  }

  /** Length-1 axes removed (all, or the given ones); a view. @example zeros([1, 3, 1]).squeeze().shape // [3] */
  squeeze(axis?: number | readonly number[]): NDArray {
    return squeeze(this, axis);
  }

  /** A length-1 axis inserted at `axis`; a view. @example zeros([3]).expandDims(0).shape // [1, 3] */
  expandDims(axis: number | readonly number[]): NDArray {
    return expandDims(this, axis);
  }

  /** The elements as 1-d: a view when the layout allows, else a copy. @example zeros([2, 3]).ravel().shape // [6] */
  ravel(order: Order | "A" | "K" = "C"): NDArray {
    return ravel(this, order);
  }

  /** A read-only view broadcast to `shape` (stride 0 on new axes). @example zeros([3]).broadcastTo([2, 3]).strides // [0, 8] */
  broadcastTo(shape: number | readonly number[]): NDArray {
    return broadcastTo(this, shape);
  }

  /** The same bytes read as another dtype; a view. @example zeros([2], { dtype: "float32" }).view("uint8").shape // [8] */
  view(dtype: DType): NDArray {
    return viewAs(this, dtype);
  }

  /**
   * The diagonal over `axis1`/`axis2`, shifted by `offset`: a read-only view (NumPy 2).
   * @example eye(3).diagonal().toArray() // [1, 1, 1]
   */
  diagonal(offset = 0, axis1 = 0, axis2 = 1): NDArray {
    return diagonal(this, offset, axis1, axis2);
  }

  // ---- Copies (src/ops/copy.ts) ----

  /**
   * A new array with the same elements that owns its memory (C order by
   * default, as NumPy's method).
   * @example E.get(":, :256").copy().flags.cContiguous // true
   */
  copy(order: CopyOrder = "C"): NDArray {
    return copy(this, order);
  }

  /** A 1-d copy (NumPy's `flatten`; never a view). @example zeros([2, 3]).flatten().shape // [6] */
  flatten(order: CopyOrder = "C"): NDArray {
    return flatten(this, order);
  }

  /**
   * The elements converted to `dtype` (a copy unless `copy: false` allows
   * returning `this`), with NumPy's values for every dtype pair.
   * @example E.astype("float16").itemsize // 2
   */
  astype(dtype: DType, opts?: AstypeOptions): NDArray {
    return astype(this, dtype, opts);
  }

  /** Writes `value` into every element. @example zeros([3]).fill(7) */
  fill(value: Scalar): void {
    fill(this, value);
  }

  /**
   * One element as a JavaScript value: boolean for bool, bigint for int64
   * and uint64, number otherwise. With no index the array must have one
   * element; one index counts in C order over the whole array; otherwise one
   * index per axis (negative counts from the end).
   * @example arange(6).reshape([2, 3]).item(1, -1) // 5n
   */
  item(...index: number[]): Scalar {
    const addr = this.address("item");
    const shape = this.shape;
    const strides = this.strides;
    let at = addr;
    if (index.length === 0) {
      if (this.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    } else if (index.length === 1 && shape.length !== 1) {
      let flat = checkIndex(index[0]!, this.size, -1);
      for (let ax = shape.length - 1; ax >= 0; ax--) {
        const n = shape[ax]!;
        at += (flat % n) * strides[ax]!;
        flat = Math.floor(flat / n);
      }
    } else {
      if (index.length !== shape.length) throw new ValueError("incorrect number of indices for array");
      for (let ax = 0; ax < index.length; ax++) at += checkIndex(index[ax]!, shape[ax]!, ax) * strides[ax]!;
    }
    return readElement(this.dtype, at);
  }

  /**
   * The elements as nested JavaScript arrays in C order (NumPy's `tolist`);
   * a 0-d array gives its one value.
   * @example arange(4).reshape([2, 2]).toArray() // [[0n, 1n], [2n, 3n]]
   */
  toArray(): unknown {
    const addr = this.address("toArray");
    const d = this.dtype;
    const shape = this.shape;
    const strides = this.strides;
    const build = (ax: number, at: number): unknown => {
      if (ax === shape.length) return readElement(d, at);
      const n = shape[ax]!;
      const s = strides[ax]!;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = build(ax + 1, at + i * s);
      return out;
    };
    return build(0, addr);
  }

  /**
   * A fresh TypedArray holding the elements in C order, detached from the
   * heap (safe to keep across any later allocation). float16 and bfloat16
   * come as their Uint16Array bit patterns, bool as a Uint8Array of 0/1.
   * @example arange(3, { dtype: "float32" }).toTypedArray() // Float32Array [0, 1, 2]
   */
  toTypedArray(): TypedArrayOf {
    this.address("toTypedArray");
    const C = TYPED_ARRAY_OF[this.dtype];
    let src: NDArray = this;
    if (!this.isC) {
      src = emptyArray(this.shape, this.dtype);
      copyFrom(src, this);
    }
    const at = src.address("toTypedArray");
    const bytes = u8.slice(at, at + this.nbytes);
    if (src !== this) src.dispose();
    return new C(bytes.buffer, 0, this.size);
  }

  /**
   * Frees this array's claim on its memory. The memory itself goes back to
   * the heap when no array over it is left (views keep it alive). Idempotent;
   * any later use of this array throws DisposedError.
   * @example const a = zeros([3]); a.dispose(); a.isAlive // false
   */
  dispose(): void {
    const m = this._mem;
    if (m === DISPOSED) return;
    this._mem = DISPOSED;
    if (m.live && --m.refs <= 0) free(m);
  }

  /** `using a = zeros([3])` disposes `a` at the end of the scope. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  // ---- Math (src/ops/math.ts, src/ops/reduce.ts) ----
  // Each method is the function of the same name with `this` first. JS
  // numbers are weak scalars (NEP 50): `E.mul(2.5)` stays float32.
  // The `i…` forms write into `this` (NumPy's `a += b`, casting 'same_kind').

  /** `this + y`. @example E.add(1).dtype // "float32" */
  add(y: Operand, opts?: UfuncOptions): NDArray {
    return M.add(this, y, opts);
  }
  /** `this - y`. @example x.sub(x.mean(0)) */
  sub(y: Operand, opts?: UfuncOptions): NDArray {
    return M.subtract(this, y, opts);
  }
  /** `this - y` (NumPy's name). */
  subtract(y: Operand, opts?: UfuncOptions): NDArray {
    return M.subtract(this, y, opts);
  }
  /** `this * y`. @example E.mul(2.5) */
  mul(y: Operand, opts?: UfuncOptions): NDArray {
    return M.multiply(this, y, opts);
  }
  /** `this * y` (NumPy's name). */
  multiply(y: Operand, opts?: UfuncOptions): NDArray {
    return M.multiply(this, y, opts);
  }
  /** `this / y` (true division). @example x.div(x.std(0).add(1e-8)) */
  div(y: Operand, opts?: UfuncOptions): NDArray {
    return M.divide(this, y, opts);
  }
  /** `this / y` (NumPy's name). */
  divide(y: Operand, opts?: UfuncOptions): NDArray {
    return M.divide(this, y, opts);
  }
  /** `this // y`. */
  floorDivide(y: Operand, opts?: UfuncOptions): NDArray {
    return M.floorDivide(this, y, opts);
  }
  /** `this % y` (Python's sign rule). */
  mod(y: Operand, opts?: UfuncOptions): NDArray {
    return M.mod(this, y, opts);
  }
  /** `this ** y`. */
  pow(y: Operand, opts?: UfuncOptions): NDArray {
    return M.power(this, y, opts);
  }
  /** Element-wise maximum with `y`. */
  maximum(y: Operand, opts?: UfuncOptions): NDArray {
    return M.maximum(this, y, opts);
  }
  /** Element-wise minimum with `y`. */
  minimum(y: Operand, opts?: UfuncOptions): NDArray {
    return M.minimum(this, y, opts);
  }
  /** `this += y` in place; returns `this`. @example x.isub(x.mean(0)) */
  iadd(y: Operand): this {
    M.add(this, y, { out: this });
    return this;
  }
  /** `this -= y` in place; returns `this`. */
  isub(y: Operand): this {
    M.subtract(this, y, { out: this });
    return this;
  }
  /** `this *= y` in place; returns `this`. */
  imul(y: Operand): this {
    M.multiply(this, y, { out: this });
    return this;
  }
  /** `this /= y` in place (an integer `this` raises NumPy's casting error); returns `this`. */
  idiv(y: Operand): this {
    M.divide(this, y, { out: this });
    return this;
  }
  /** `-this`. */
  neg(opts?: UfuncOptions): NDArray {
    return M.negative(this, opts);
  }
  /** `|this|`. */
  abs(opts?: UfuncOptions): NDArray {
    return M.abs(this, opts);
  }
  /** Square root. */
  sqrt(opts?: UfuncOptions): NDArray {
    return M.sqrt(this, opts);
  }
  /** `this * this`. */
  square(opts?: UfuncOptions): NDArray {
    return M.square(this, opts);
  }
  /** e^this. */
  exp(opts?: UfuncOptions): NDArray {
    return M.exp(this, opts);
  }
  /** Natural logarithm. */
  log(opts?: UfuncOptions): NDArray {
    return M.log(this, opts);
  }
  /** -1, 0 or 1 by sign. */
  sign(opts?: UfuncOptions): NDArray {
    return M.sign(this, opts);
  }
  /** Values limited to [min, max] (null leaves a side open). @example x.clip(0, 1) */
  clip(min: Operand | null, max: Operand | null, opts?: UfuncOptions): NDArray {
    return M.clip(this, min, max, opts);
  }
  /** Rounded to `decimals` (ties to even). */
  round(decimals = 0, opts?: UfuncOptions): NDArray {
    return M.round(this, decimals, opts);
  }
  /** Sum over `axis` (pairwise for floats). @example E.sum({ axis: 0 }) */
  sum(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.sum(this, reduceOpts(opts));
  }
  /** Product over `axis`. */
  prod(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.prod(this, reduceOpts(opts));
  }
  /** Mean over `axis` (a number is the axis). @example E.mean(0).shape // [768] */
  mean(opts?: Omit<ReduceOptions, "initial"> | number | readonly number[]): NDArray {
    return R.mean(this, reduceOpts(opts));
  }
  /** Standard deviation over `axis` (`ddof` in the options). @example x.std(0) */
  std(opts?: VarOptions | number | readonly number[]): NDArray {
    return R.std(this, reduceOpts(opts));
  }
  /** Variance over `axis` (`ddof` in the options). */
  var(opts?: VarOptions | number | readonly number[]): NDArray {
    return R.variance(this, reduceOpts(opts));
  }
  /** Largest element over `axis`. @example E.max(1).shape // [50257] */
  max(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.max(this, reduceOpts(opts));
  }
  /** Smallest element over `axis`. */
  min(opts?: ReduceOptions | number | readonly number[]): NDArray {
    return R.min(this, reduceOpts(opts));
  }
  /** Index of the first maximum along `axis` (flattened by default). */
  argmax(opts?: AxisOptions | number): NDArray {
    return R.argmax(this, typeof opts === "number" ? { axis: opts } : opts);
  }
  /** Index of the first minimum along `axis` (flattened by default). */
  argmin(opts?: AxisOptions | number): NDArray {
    return R.argmin(this, typeof opts === "number" ? { axis: opts } : opts);
  }
  /** Whether any element over `axis` is nonzero (`where` selects). @example x.any({ axis: 0, where: mask }) */
  any(opts?: AnyAllOptions | number | readonly number[]): NDArray {
    return R.any(this, reduceOpts(opts));
  }
  /** Whether every element over `axis` is nonzero (`where` selects). @example x.all(1) */
  all(opts?: AnyAllOptions | number | readonly number[]): NDArray {
    return R.all(this, reduceOpts(opts));
  }
  /** Running sum along `axis` (flattened by default). */
  cumsum(opts?: { axis?: number | null; dtype?: DType } | number): NDArray {
    return R.cumsum(this, typeof opts === "number" ? { axis: opts } : opts);
  }
  /** Running product along `axis` (flattened by default). */
  cumprod(opts?: { axis?: number | null; dtype?: DType } | number): NDArray {
    return R.cumprod(this, typeof opts === "number" ? { axis: opts } : opts);
  }

  // ---- Printing (src/format.ts) ----

  /**
   * NumPy's `str(a)`, byte for byte (print options from `setPrintOptions`).
   * Throws DisposedError once disposed.
   * @example arange(3).toString() // "[0 1 2]"
   */
  toString(): string {
    return arrayStr(this);
  }

  /**
   * NumPy's `repr(a)`, byte for byte. Throws DisposedError once disposed.
   * @example arange(3, { dtype: "int8" }).repr() // "array([0, 1, 2], dtype=int8)"
   */
  repr(): string {
    return arrayRepr(this);
  }

  /** `console.log(a)` and `util.inspect(a)` show NumPy's repr (a disposed array says so instead of throwing). */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    if (!this.isAlive) return `array(<disposed>, shape=${this.shape.length === 1 ? `(${this.shape[0]},)` : `(${this.shape.join(", ")})`}, dtype=${this.dtype})`;
    return arrayRepr(this);
  }

  /** A one-line description for debugging: shape, dtype and strides. */
  describe(): string {
    return `NDArray(shape=[${this.shape.join(", ")}], dtype=${this.dtype}, strides=[${this.strides.join(", ")}])`;
  }
}

/** A reduction method's argument: options, or just the axis (NumPy's positional `axis`). */
function reduceOpts<T extends ReduceOptions>(o: T | number | readonly number[] | undefined): T | undefined {
  return typeof o === "number" || Array.isArray(o) ? ({ axis: o } as T) : (o as T | undefined);
}

/** Normalises one integer index (negative wraps once), NumPy's IndexError otherwise. */
export function checkIndex(i: number, size: number, axis: number): number {
  const j = i < 0 ? i + size : i;
  if (!Number.isInteger(i) || j < 0 || j >= size) {
    if (!Number.isInteger(i)) throw new IndexError(`only integers are valid indices, got ${i}`);
    throw new IndexError(
      axis < 0 ? `index ${i} is out of bounds for size ${size}` : `index ${i} is out of bounds for axis ${axis} with size ${size}`,
    );
  }
  return j;
}

/**
 * @internal A new view over `src`'s memory. `base` follows NumPy: the array
 * that owns the memory. A view of a read-only array stays read-only.
 */
export function makeView(
  src: NDArray,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  dtype: DType = src.dtype,
  writeable = true,
): NDArray {
  const mem = src._mem;
  if (!mem.live) throw new DisposedError("view: the array has been disposed");
  return new NDArray(mem, dtype, shape, strides, offset, src.base ?? src, writeable && (src._flags & WRITEABLE) !== 0);
}

/** The TypedArray `toTypedArray` returns for each dtype (never the clamped kind). */
export type TypedArrayOf = Exclude<TypedArray, Uint8ClampedArray>;

const TYPED_ARRAY_OF: Record<DType, new (b: ArrayBuffer, off: number, len: number) => TypedArrayOf> = {
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

/** Default memory order of NumPy's `copy`-like methods. */
export type CopyOrder = Order | "A" | "K";
