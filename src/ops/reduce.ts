// Reductions: sum, prod, mean, var, std, min, max, any, all over any set of
// axes; argmin/argmax over one axis; cumsum/cumprod along one axis.
//
// The problem: NumPy's float results depend on the order of additions, so
// to agree with NumPy we must add in NumPy's order, not just "accurately".
// NumPy's reduction iterator walks the input in memory order (axes sorted
// by stride), gives the output zero strides on the reduced axes, and calls
// the add loop on the innermost axis:
//   - innermost axis reduced (axis=-1 of a C array, axis=None of a
//     contiguous one): out += pairwise_sum(row), blocks of 8 accumulators,
//     128-element leaves;
//   - innermost axis kept (axis=0 of a C array): out_row += in_row, row
//     after row, in order.
// planLoops over (input, output-with-zero-strides) produces exactly that
// nest, and assembly/reduce.ts runs both shapes of it (the second with SIMD
// into the output row, so axis 0 is as fast as the last axis). For
// contiguous float32/float64 inputs in NumPy's own dtype the sums are then
// bit-identical to NumPy's. Where NumPy casts through its 8192-element
// buffers (a `dtype=` different from the input's, float16 in float32) the
// pairwise blocks can differ; the error bound is the same.
//
// Accumulator dtypes are NumPy's: bool and signed integers sum in int64,
// unsigned in uint64, float16 in float32 (stored back as float16; NumPy
// rounds to float16 after every inner loop, so an axis-0 float16 sum can
// differ from NumPy's in the last float16 bit — ours is the more exact),
// mean of integers in float64.

import { AxisError, ValueError } from "../errors.js";
import { DTYPES, checkDType, type DType } from "../dtype.js";
import { kernels, onHeapGrow, scratch } from "../heap.js";
import { stridesFor } from "../layout.js";
import { NDArray, makeView } from "../ndarray.js";
import { array, asarray, emptyArray, type ArrayLike } from "../creation.js";
import { moveaxis } from "../manipulation.js";
import { castInto } from "./astype.js";
import { copyFrom } from "./copy.js";
import { divide, sqrt, subtract, square } from "./math.js";

/** Options of the reductions. */
export interface ReduceOptions {
  /** An axis, a list of axes, or null/undefined for all of them. */
  axis?: number | readonly number[] | null | undefined;
  /** Keep reduced axes as length 1 (so the result broadcasts against the input). */
  keepdims?: boolean | undefined;
  /** Accumulator and result dtype (NumPy's `dtype=`). */
  dtype?: DType | undefined;
}

/** Options of `var` and `std`. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is N - ddof. */
  ddof?: number | undefined;
}

/** Options of argmin/argmax and cumsum/cumprod: one axis or all (flattened). */
export interface AxisOptions {
  axis?: number | null | undefined;
  keepdims?: boolean | undefined;
}

type Op = "sum" | "prod" | "max" | "min";

let i32 = new Int32Array(0);
onHeapGrow((buf) => {
  i32 = new Int32Array(buf, 0, buf.byteLength >>> 2);
});

function kernel<K>(name: string): K {
  const f = (kernels() as unknown as Record<string, K>)[name];
  if (f === undefined) throw new Error(`stridewise: missing kernel ${name}`);
  return f;
}

/** Normalised, sorted reduced axes; NumPy's AxisError and duplicate messages. */
export function reducedAxes(ndim: number, axis: number | readonly number[] | null | undefined): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  // NumPy lets a plain 0 or -1 name the (absent) axis of a 0-d array.
  if (ndim === 0 && (axis === 0 || axis === -1)) return [];
  const list = typeof axis === "number" ? [axis] : Array.from(axis);
  const seen = new Set<number>();
  for (const ax of list) {
    if (!Number.isInteger(ax) || ax < -ndim || ax >= ndim) throw new AxisError(ax, ndim);
    const a = ax < 0 ? ax + ndim : ax;
    if (seen.has(a)) throw new ValueError("duplicate value in 'axis'");
    seen.add(a);
  }
  return [...seen].sort((x, y) => x - y);
}

/** The kernel dtype of a reduction loop (unsigned sums and products share the signed loops' bits). */
function kernelDType(op: Op, d: DType): string {
  if (d === "bool") return "uint8";
  if ((op === "sum" || op === "prod") && DTYPES[d].kind === "u") return `int${DTYPES[d].itemsize * 8}`;
  return d;
}

function identity(op: Op, d: DType): number | bigint | boolean {
  const t = DTYPES[d];
  if (op === "sum") return t.itemsize === 8 && t.kind !== "f" ? 0n : 0;
  if (op === "prod") return t.itemsize === 8 && t.kind !== "f" ? 1n : 1;
  if (d === "bool") return op === "min";
  if (t.kind === "f") return op === "max" ? -Infinity : Infinity;
  return op === "max" ? t.min : t.max;
}

/** An uninitialised array of `a`'s shape in `dtype`, laid out in `a`'s axis order (NumPy's order "K"). */
function emptyLikeK(a: NDArray, dtype: DType): NDArray {
  if (a.isC || a.ndim <= 1) return emptyArray(a.shape, dtype, "C");
  if (a.isF) return emptyArray(a.shape, dtype, "F");
  const perm = a.shape.map((_, i) => i).sort((x, y) => Math.abs(a.strides[y]!) - Math.abs(a.strides[x]!) || x - y);
  const out = emptyArray(a.shape, dtype);
  const strides = new Array<number>(a.ndim);
  let s = DTYPES[dtype].itemsize;
  for (let k = perm.length - 1; k >= 0; k--) {
    strides[perm[k]!] = s;
    s *= a.shape[perm[k]!]!;
  }
  const r = new NDArray(out._mem, dtype, a.shape, strides, 0, null, true);
  out.dispose();
  return r;
}

/**
 * @internal Reduces `a` over `axes` with `op` in the loop dtype `loop`,
 * into a fresh array of the reduced shape (axes removed) and dtype `loop`.
 */
function reduceInto(op: Op, a: NDArray, axes: readonly number[], loop: DType): NDArray {
  let src = a;
  let temp: NDArray | null = null;
  if (a.dtype !== loop) {
    temp = emptyLikeK(a, loop);
    castInto(temp, a);
    src = temp;
  }
  try {
    const outShape = a.shape.filter((_, i) => !axes.includes(i));
    const out = emptyArray(outShape, loop);
    out.fill(identity(op, loop) as never);
    if (a.size === 0) return out;
    const ostr = stridesFor(outShape, DTYPES[loop].itemsize, "C");
    const full: number[] = [];
    let j = 0;
    for (let i = 0; i < a.ndim; i++) full.push(axes.includes(i) ? 0 : ostr[j++]!);
    const p = planReduction(a.shape, src.strides, full);
    let ps = p.shape;
    let st = p.strides;
    if (ps.length === 0) {
      ps = [1];
      st = [[0], [0]];
    }
    const k = ps.length;
    const base = scratch() >>> 2;
    for (let q = 0; q < k; q++) {
      i32[base + q] = ps[q]!;
      i32[base + k + q] = st[0]![q]! | 0;
      i32[base + 2 * k + q] = st[1]![q]! | 0;
    }
    const fn = kernel<(o: number, a: number, t: number, k: number) => void>(`${op}_reduce_${kernelDType(op, loop)}`);
    fn(out.address(op) + p.offsets[1]!, src.address(op) + p.offsets[0]!, scratch(), k);
    return out;
  } finally {
    temp?.dispose();
  }
}

/**
 * The reduction's loop nest: planLoops' rules (drop length-1 axes, order
 * outer to inner by the input's stride magnitude, merge axes both operands
 * walk as one) except that no axis is flipped, because NumPy's reduction
 * iterator keeps the logical order and the order of additions decides the
 * float result.
 */
function planReduction(shape: readonly number[], ins: readonly number[], outs: readonly number[]): { shape: number[]; strides: number[][]; offsets: number[] } {
  const axes: number[] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) axes.push(i);
  axes.sort((x, y) => Math.abs(ins[y]!) - Math.abs(ins[x]!) || Math.abs(outs[y]!) - Math.abs(outs[x]!) || x - y);
  const ps: number[] = [];
  const is: number[] = [];
  const os: number[] = [];
  for (const ax of axes) {
    const n = shape[ax]!;
    const last = ps.length - 1;
    if (last >= 0 && is[last] === ins[ax]! * n && os[last] === outs[ax]! * n) {
      ps[last]! *= n;
      is[last] = ins[ax]!;
      os[last] = outs[ax]!;
    } else {
      ps.push(n);
      is.push(ins[ax]!);
      os.push(outs[ax]!);
    }
  }
  return { shape: ps, strides: [is, os], offsets: [0, 0] };
}

/** Finishes a reduction: casts to the result dtype and restores reduced axes for keepdims. */
function finish(r: NDArray, result: DType, a: NDArray, axes: readonly number[], keepdims: boolean): NDArray {
  let out = r;
  if (r.dtype !== result) {
    out = emptyArray(r.shape, result);
    castInto(out, r);
    r.dispose();
  }
  if (!keepdims) return out;
  const shape = a.shape.map((n, i) => (axes.includes(i) ? 1 : n));
  const v = makeView(out, shape, stridesFor(shape, out.itemsize, "C"), out.offset);
  out.dispose();
  return v;
}

/** NumPy's default accumulator dtype of sum, prod, cumsum and cumprod. */
function sumDType(d: DType): DType {
  const t = DTYPES[d];
  if (d === "bool" || (t.kind === "i" && t.itemsize < 8)) return "int64";
  if (t.kind === "u" && t.itemsize < 8) return "uint64";
  return d;
}

function loopOf(op: Op, d: DType): DType {
  if (d === "float16" && (op === "sum" || op === "prod")) return "float16";
  if (d === "float16" || d === "bfloat16") return "float32";
  if (d === "bool" && (op === "sum" || op === "prod")) return "bool";
  return d;
}

function withInput<T>(x: ArrayLike, f: (a: NDArray) => T): T {
  const a = asarray(x);
  try {
    return f(a);
  } finally {
    if (a !== x) a.dispose();
  }
}

function sumLike(op: "sum" | "prod", x: ArrayLike, opts?: ReduceOptions): NDArray {
  return withInput(x, (a) => {
    const axes = reducedAxes(a.ndim, opts?.axis);
    const result = opts?.dtype !== undefined ? checkDType(opts.dtype) : sumDType(a.dtype);
    // Summing bools as bool is logical or (NumPy's add on bool), a product logical and.
    const loop = loopOf(op, result);
    const kop: Op = loop === "bool" ? (op === "sum" ? "max" : "min") : op;
    return finish(reduceInto(kop, a, axes, loop), result, a, axes, opts?.keepdims ?? false);
  });
}

/**
 * Sum over `axis` (all axes by default) with NumPy's pairwise summation for
 * floats and NumPy's accumulators (int64 for bool and signed, uint64 for
 * unsigned integers).
 * @example sum(array([[1, 2], [3, 4]]), { axis: 0 }).toArray() // [4n, 6n]
 */
export function sum(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return sumLike("sum", x, opts);
}

/** Product over `axis`, sequential as NumPy's, with sum's accumulator dtypes. @example prod(array([2, 3])).item() // 6n */
export function prod(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return sumLike("prod", x, opts);
}

function count(a: NDArray, axes: readonly number[]): number {
  let n = 1;
  for (const ax of axes) n *= a.shape[ax]!;
  return n;
}

/**
 * Divides `r` by the count in place, as NumPy's `true_divide(ret, rcount,
 * out=ret, casting='unsafe')`: the count is a strong intp there, so the
 * quotient is computed in float64 and cast back (float16 inf / n stays inf).
 */
function divideInPlace(r: NDArray, n: number): NDArray {
  if (r.dtype === "float64") {
    divide(r, n, { out: r });
    return r;
  }
  const count = array(n, { dtype: "int64" });
  const q = divide(r, count);
  count.dispose();
  castInto(r, q);
  q.dispose();
  return r;
}

/**
 * Arithmetic mean over `axis`: integers and bools in float64, float16 in
 * float32 (result float16), others in their own dtype, as NumPy's `mean`.
 * The mean of nothing is NaN (NumPy also warns).
 * @example mean(array([1, 2, 3, 4])).item() // 2.5
 */
export function mean(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return withInput(x, (a) => {
    const axes = reducedAxes(a.ndim, opts?.axis);
    let dtype = opts?.dtype;
    let f16: DType | null = null;
    if (dtype === undefined) {
      const k = DTYPES[a.dtype].kind;
      if (k === "b" || k === "i" || k === "u") dtype = "float64";
      else if (a.dtype === "float16" || a.dtype === "bfloat16") {
        dtype = "float32";
        f16 = a.dtype;
      } else dtype = a.dtype;
    }
    const s = sum(a, { axis: axes, keepdims: opts?.keepdims, dtype });
    divideInPlace(s, count(a, axes));
    if (f16 === null) return s;
    const r = s.astype(f16);
    s.dispose();
    return r;
  });
}

/**
 * Variance over `axis` with divisor N - ddof, computed as NumPy's `_var`:
 * mean (kept dims), deviations, squares, their sum, divided.
 * @example variance(array([1, 2, 3, 4])).item() // 1.25
 */
export function variance(x: ArrayLike, opts?: VarOptions): NDArray {
  return withInput(x, (a) => {
    const axes = reducedAxes(a.ndim, opts?.axis);
    const ddof = opts?.ddof ?? 0;
    let dtype = opts?.dtype;
    const k = DTYPES[a.dtype].kind;
    if (dtype === undefined && (k === "b" || k === "i" || k === "u")) dtype = "float64";
    const n = count(a, axes);
    const m = sum(a, { axis: axes, keepdims: true, dtype });
    let dev: NDArray;
    try {
      divideInPlace(m, n);
      dev = subtract(a, m);
    } finally {
      m.dispose();
    }
    let r: NDArray;
    try {
      square(dev, { out: dev });
      r = sum(dev, { axis: axes, keepdims: opts?.keepdims, dtype });
    } finally {
      dev.dispose();
    }
    return divideInPlace(r, Math.max(n - ddof, 0));
  });
}

/** Standard deviation: the square root of `variance` (same options). @example std(array([1, 2, 3, 4])).item() // 1.118033988749895 */
export function std(x: ArrayLike, opts?: VarOptions): NDArray {
  const v = variance(x, opts);
  if (DTYPES[v.dtype].kind === "f") return sqrt(v, { out: v });
  const r = sqrt(v);
  v.dispose();
  return r;
}

function minMax(op: "max" | "min", x: ArrayLike, opts?: ReduceOptions): NDArray {
  return withInput(x, (a) => {
    const axes = reducedAxes(a.ndim, opts?.axis);
    if (count(a, axes) === 0) {
      throw new ValueError(`zero-size array to reduction operation ${op === "max" ? "maximum" : "minimum"} which has no identity`);
    }
    const loop = loopOf(op, a.dtype);
    return finish(reduceInto(op, a, axes, loop), a.dtype, a, axes, opts?.keepdims ?? false);
  });
}

/** Largest element over `axis`; NaN propagates; empty raises NumPy's ValueError. @example max(array([[1, 5], [7, 2]]), { axis: 1 }).toArray() // [5n, 7n] */
export function max(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return minMax("max", x, opts);
}
/** Smallest element over `axis` (see `max`). */
export function min(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return minMax("min", x, opts);
}

function anyAll(op: "max" | "min", x: ArrayLike, opts?: Omit<ReduceOptions, "dtype">): NDArray {
  return withInput(x, (a) => {
    const axes = reducedAxes(a.ndim, opts?.axis);
    return finish(reduceInto(op, a, axes, "bool"), "bool", a, axes, opts?.keepdims ?? false);
  });
}

/** True where any element over `axis` is nonzero (NaN counts as nonzero); false for empty. */
export function any(x: ArrayLike, opts?: Omit<ReduceOptions, "dtype">): NDArray {
  return anyAll("max", x, opts);
}
/** True where every element over `axis` is nonzero; true for empty. */
export function all(x: ArrayLike, opts?: Omit<ReduceOptions, "dtype">): NDArray {
  return anyAll("min", x, opts);
}

/** The dtype the arg and accumulate kernels read for `d` (half types compare and add in float32, bool as uint8). */
function rowDType(d: DType): DType {
  if (d === "float16" || d === "bfloat16") return "float32";
  if (d === "bool") return "uint8";
  return d;
}

/** `a` with `axis` moved last, copied C-contiguous in dtype `d` (or flattened for axis null). */
function rowsOf(a: NDArray, axis: number | null, d: DType): NDArray {
  const v = axis === null ? a.reshape([-1]) : moveaxis(a, axis, -1);
  try {
    const t = emptyArray(v.shape, d);
    if (d === v.dtype) copyFrom(t, v);
    else if (v.dtype === "bool" && d === "uint8") copyFrom(t.view("bool"), v);
    else castInto(t, v);
    return t;
  } finally {
    if (v !== a) v.dispose();
  }
}

function argReduce(op: "argmax" | "argmin", x: ArrayLike, opts?: AxisOptions): NDArray {
  return withInput(x, (a) => {
    const axis = opts?.axis === null || opts?.axis === undefined || a.ndim === 0 ? null : reducedAxes(a.ndim, opts.axis)[0]!;
    if (a.ndim === 0 && opts?.axis !== null && opts?.axis !== undefined) reducedAxes(0, opts.axis);
    const n = axis === null ? a.size : a.shape[axis]!;
    if (n === 0) throw new ValueError(`attempt to get ${op} of an empty sequence`);
    const d = rowDType(a.dtype);
    const rows = rowsOf(a, axis, d);
    try {
      const outShape = axis === null ? [] : a.shape.filter((_, i) => i !== axis);
      const out = emptyArray(outShape, "int64");
      if (out.size > 0) {
        kernel<(o: number, a: number, rows: number, n: number) => void>(`${op}_${d}`)(out.address(op), rows.address(op), out.size, n);
      }
      if (!opts?.keepdims) return out;
      const shape = axis === null ? a.shape.map(() => 1) : a.shape.map((s, i) => (i === axis ? 1 : s));
      const v = makeView(out, shape, stridesFor(shape, 8, "C"), 0);
      out.dispose();
      return v;
    } finally {
      rows.dispose();
    }
  });
}

/** Index of the first maximum along `axis` (of the flattened array by default); a NaN wins. @example argmax(array([1, 9, 9])).item() // 1n */
export function argmax(x: ArrayLike, opts?: AxisOptions): NDArray {
  return argReduce("argmax", x, opts);
}
/** Index of the first minimum (see `argmax`). */
export function argmin(x: ArrayLike, opts?: AxisOptions): NDArray {
  return argReduce("argmin", x, opts);
}

function accumulate(op: "cumsum" | "cumprod", x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return withInput(x, (a) => {
    const axis = opts?.axis === null || opts?.axis === undefined || a.ndim === 0 ? null : reducedAxes(a.ndim, opts.axis)[0]!;
    if (a.ndim === 0 && opts?.axis !== null && opts?.axis !== undefined) reducedAxes(0, opts.axis);
    const result = opts?.dtype !== undefined ? checkDType(opts.dtype) : sumDType(a.dtype);
    const rk = DTYPES[result].kind;
    const loop: DType = rk === "f" ? (result === "float64" || result === "float16" ? result : "float32") : "int64";
    const shape = axis === null ? [a.size] : a.shape;
    const rows = rowsOf(a, axis, loop);
    try {
      const n = rows.shape.length === 0 ? 1 : rows.shape[rows.ndim - 1]!;
      if (rows.size > 0) {
        kernel<(o: number, a: number, rows: number, n: number) => void>(`${op}_${loop}`)(
          rows.address(op),
          rows.address(op),
          rows.size / n,
          n,
        );
      }
      const out = emptyArray(shape, result);
      const back = axis === null ? rows : moveaxis(rows, -1, axis);
      try {
        if (result === "bool") castInto(out, back);
        else if (back.dtype === result) copyFrom(out, back);
        else castInto(out, back);
      } finally {
        if (back !== rows) back.dispose();
      }
      return out;
    } finally {
      rows.dispose();
    }
  });
}

/**
 * Running sum along `axis` (of the flattened array by default), with sum's
 * accumulator dtypes; sequential, as NumPy's. float16 accumulates in float32.
 * @example cumsum(array([1, 2, 3])).toArray() // [1n, 3n, 6n]
 */
export function cumsum(x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return accumulate("cumsum", x, opts);
}
/** Running product along `axis` (see `cumsum`). */
export function cumprod(x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return accumulate("cumprod", x, opts);
}

// Re-exported for NDArray's methods: `var` is a reserved word in JS.
export { variance as var_ };
