// The NDArray descriptor: dtype, shape, byte strides, byte offset, and the
// allocation it points into. Nothing else: every view operation is
// arithmetic on these fields, and every field is set once, in one
// constructor, in one order, so V8 keeps every array on one hidden class.

import { DisposedError, IndexError, ValueError } from "./errors.js";
import { DTYPES, readElement, type DType, type Scalar, type ScalarOf, type TypedArray } from "./dtype.js";
import { Allocation, DISPOSED, free } from "./heap.js";
import { isCContiguous, isFContiguous, shapeSize, type Order } from "./layout.js";
import { trackCreated } from "./lifetime.js";

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
export class NDArray<D extends DType = DType> {
  /** The element type, by NumPy's name. */
  readonly dtype: D;
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
    dtype: D,
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


  /**
   * One element as a JavaScript value: boolean for bool, bigint for int64
   * and uint64, number otherwise. With no index the array must have one
   * element; one index counts in C order over the whole array; otherwise one
   * index per axis (negative counts from the end).
   * @example arange(6).reshape([2, 3]).item(1, -1) // 5n
   */
  item(...index: number[]): ScalarOf<D> {
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
    return readElement(this.dtype, at) as ScalarOf<D>;
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


  /** A one-line description for debugging: shape, dtype and strides. */
  describe(): string {
    return `NDArray(shape=[${this.shape.join(", ")}], dtype=${this.dtype}, strides=[${this.strides.join(", ")}])`;
  }
}

/**
 * Narrows an array's type to its dtype: `if (isDType(a, "float32"))
 * a.toTypedArray()` is then a Float32Array, with no cast.
 * @example isDType(zeros([2]), "float64") // true
 */
export function isDType<D extends DType>(a: NDArray, dtype: D): a is NDArray<D> {
  return a.dtype === dtype;
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

export type { TypedArrayOf } from "./dtype.js";

/** Default memory order of NumPy's `copy`-like methods. */
export type CopyOrder = Order | "A" | "K";

/** What `array()` and `asarray()` accept: a scalar, nested lists, a TypedArray, or an NDArray. */
export type ArrayLike = Scalar | NestedArray | TypedArray | NDArray;
/** Nested JavaScript arrays of scalars (NumPy's nested lists). */
export type NestedArray = readonly (Scalar | NestedArray)[];
