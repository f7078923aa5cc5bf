// Writes into existing arrays and layout conversions: `copyto` (NumPy's
// casting rules, broadcasting, `where=`), `ascontiguousarray` and
// `asfortranarray`. They compose the copy, cast and compaction families.

import { DTypeError, ValueError, formatShape } from "../core/errors.js";
import { DTYPES, scalarDType, type DType, type Scalar } from "../core/dtype.js";
import { recordCopy } from "../core/ledger.js";
import { canCast, castingError, checkCasting, dtypeRepr, resultType, type Casting } from "../core/casting.js";
import { broadcastStrides } from "../core/layout.js";
import { NDArray, makeView, type ArrayLike } from "../core/ndarray.js";
import { emptyArray, filling } from "../core/empty.js";
import { asarray, type DTypeOfData } from "./creation.js";
import { castInto, copyFrom } from "./cast.js";
import { maskedCopy } from "./compact.js";
import { assignSameDType, fill, moveBytes } from "./copy.js";

/**
 * A C-contiguous array with `a`'s elements: `a` itself when it already is
 * one by NumPy's flag rules (length-1 axes ignored, so a 1-element view of
 * any stride is), else a copy. The result has at least one dimension: a
 * 0-d array gives a 1-d view of its element, as NumPy.
 * @example ascontiguousarray(E.T).strides // [201028, 4]
 */
export function ascontiguousarray<const T extends ArrayLike, D extends DType = DTypeOfData<T>>(a: T, opts?: { dtype?: D }): NDArray<NoInfer<D>>;
export function ascontiguousarray(a: ArrayLike, opts?: { dtype?: DType }): NDArray {
  return asOrdered(a, "C", opts?.dtype);
}

/**
 * An F-contiguous array with `a`'s elements: `a` itself when it already is
 * one, else a copy. The result has at least one dimension (a 0-d array
 * gives a 1-d view, as in `ascontiguousarray`).
 * @example asfortranarray(zeros([2, 3])).strides // [8, 16]
 */
export function asfortranarray<const T extends ArrayLike, D extends DType = DTypeOfData<T>>(a: T, opts?: { dtype?: D }): NDArray<NoInfer<D>>;
export function asfortranarray(a: ArrayLike, opts?: { dtype?: DType }): NDArray {
  return asOrdered(a, "F", opts?.dtype);
}

function asOrdered(data: ArrayLike, order: "C" | "F", dtype?: DType): NDArray {
  const a = dtype === undefined ? asarray(data) : asarray(data, { dtype });
  const fresh = a !== data;
  // NumPy's flag rules decide view or copy (layout.ts): a 0-d array is
  // contiguous in both orders, so NumPy's ndmin=1 makes it a 1-d view, not a copy.
  const ok = order === "C" ? a.isC : a.isF;
  if (ok && a.ndim >= 1) return a;
  if (ok) {
    const v = makeView(a, [1], [DTYPES[a.dtype].itemsize], a.offset);
    if (fresh) a.dispose();
    return v;
  }
  const shape = a.ndim === 0 ? [1] : a.shape;
  const src = a.address(order === "C" ? "ascontiguousarray" : "asfortranarray");
  const sstr = a.ndim === 0 ? [0] : a.strides;
  const out = filling(emptyArray(shape, a.dtype, order, a), (o) => moveBytes(o.address("ascontiguousarray"), src, shape, o.strides, sstr, DTYPES[a.dtype].itemsize));
  recordCopy(order === "C" ? "ascontiguousarray" : "asfortranarray", out.nbytes);
  if (fresh) a.dispose();
  return out;
}

/** NumPy's casting rules for `copyto`. */
export type CopytoCasting = Casting;

/**
 * NumPy 2's rule for a JavaScript scalar written by `copyto` (NEP 50): a
 * number or bigint is a weak Python scalar that may go into any dtype of
 * its kind or a wider kind (values are range-checked when written); a
 * boolean is a strong bool.
 */
function checkScalarCast(v: Scalar, to: DType, casting: CopytoCasting): void {
  if (casting === "unsafe") return;
  const from = scalarDType(v);
  const fits = typeof v === "boolean" ? canCast("bool", to, casting) : resultType(to, v) === to;
  if (!fits) {
    throw new DTypeError(`Cannot cast scalar from ${dtypeRepr(from)} to ${dtypeRepr(to)} according to the rule '${casting}'`);
  }
  // "equiv" admits a weak scalar only into its own default dtype.
  if (casting === "equiv" && typeof v !== "boolean" && to !== from) {
    throw new DTypeError(`cannot cast Python ${from === "float64" ? "float" : "int"} to ${to} under the casting rule 'equiv'`);
  }
}

/** Options of `copyto`. */
export interface CopytoOptions {
  /** NumPy's casting rule for `src` into `dst` (default "same_kind"). */
  casting?: CopytoCasting;
  /** A boolean mask broadcast to `dst.shape`: only where it is true is `dst` written (default: everywhere). */
  where?: ArrayLike;
}

/**
 * NumPy's `copyto(dst, src, casting=, where=)`: writes `src` (an array,
 * nested lists, a TypedArray or a scalar) into `dst`, broadcasting `src`
 * to `dst.shape`, and with `where` only at the true elements of that
 * (broadcast) boolean mask. Casting defaults to "same_kind", as NumPy.
 * Overlapping source and destination are handled (the source is copied
 * aside first). Errors in NumPy's order (mask dtype, cast, source shape,
 * mask shape); nothing is written then.
 * @example const y = arange(5); copyto(y.get("1:"), y.get(":-1")); // [0, 0, 1, 2, 3]
 * @example copyto(x, 0, { where: less(x, 0) });                     // ReLU in place
 */
export function copyto(dst: NDArray, src: ArrayLike, opts?: CopytoOptions): void {
  const casting = opts?.casting ?? "same_kind";
  dst.address("copyto");
  dst.checkWriteable();
  if (opts?.where !== undefined && opts.where !== true) {
    copytoWhere(dst, src, casting, opts.where);
    return;
  }
  if (typeof src === "number" || typeof src === "bigint" || typeof src === "boolean") {
    checkScalarCast(src, dst.dtype, checkCasting(casting));
    fill(dst, src);
    return;
  }
  const a = asarray(src);
  try {
    writeBroadcast(dst, a, sourceStrides(dst, a, casting));
  } finally {
    if (a !== src) a.dispose();
  }
}

/** Writes `a` (already checked; `ss` its strides broadcast to dst) into `dst`, casting if the dtypes differ. */
function writeBroadcast(dst: NDArray, a: NDArray, ss: readonly number[]): void {
  if (a.dtype === dst.dtype) {
    assignSameDType(dst, a, ss);
    return;
  }
  // castInto takes same-shape operands: hand it a broadcast view.
  const view = a.shape.length === dst.shape.length && a.shape.every((n, i) => n === dst.shape[i])
    ? a
    : makeView(a, dst.shape, ss, a.offset, a.dtype, false);
  try {
    castInto(dst, view);
  } finally {
    if (view !== a) view.dispose();
  }
}

/** `src`'s strides broadcast to `dst`, after NumPy's checks in its order: the cast, then the shape. */
function sourceStrides(dst: NDArray, a: NDArray, casting: CopytoCasting): number[] {
  if (a.dtype !== dst.dtype && !canCast(a.dtype, dst.dtype, casting)) throw castingError(a.dtype, dst.dtype, casting);
  const ss = broadcastStrides(a.shape, a.strides, dst.shape);
  if (!ss) throw new ValueError(`could not broadcast input array from shape ${formatShape(a.shape)} into shape ${formatShape(dst.shape)}`);
  return ss;
}

/**
 * `copyto` with a mask: the values (cast and broadcast) and the mask
 * (broadcast) are made dense in dst's C order, then one SIMD blend writes
 * them; a non-contiguous dst is blended in a C-order copy and copied back.
 */
function copytoWhere(dst: NDArray, src: ArrayLike, casting: CopytoCasting, where: ArrayLike): void {
  const w = asarray(where);
  const temps: NDArray[] = [];
  try {
    if (w.dtype !== "bool") throw castingError(w.dtype, "bool", "safe");
    let a: NDArray | null = null;
    let ss: number[] = [];
    if (typeof src === "number" || typeof src === "bigint" || typeof src === "boolean") {
      checkScalarCast(src, dst.dtype, checkCasting(casting));
    } else {
      a = asarray(src);
      if (a !== src) temps.push(a);
      ss = sourceStrides(dst, a, casting);
    }
    const ws = broadcastStrides(w.shape, w.strides, dst.shape);
    if (!ws) throw new ValueError(`could not broadcast where mask from shape ${formatShape(w.shape)} into shape ${formatShape(dst.shape)}`);
    if (dst.size === 0) return;
    const values = emptyArray(dst.shape, dst.dtype);
    temps.push(values);
    if (a === null) fill(values, src as Scalar);
    else writeBroadcast(values, a, ss);
    const mask = emptyArray(dst.shape, "bool");
    temps.push(mask);
    const wv = makeView(w, dst.shape, ws, w.offset, "bool", false);
    temps.push(wv);
    copyFrom(mask, wv);
    if (dst.isC) {
      maskedCopy(dst, mask, values);
      return;
    }
    const dense = emptyArray(dst.shape, dst.dtype);
    temps.push(dense);
    copyFrom(dense, dst);
    maskedCopy(dense, mask, values);
    copyFrom(dst, dense);
  } finally {
    for (const t of temps) t.dispose();
    if (w !== where) w.dispose();
  }
}
