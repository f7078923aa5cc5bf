// Every view operation of NumPy, as descriptor arithmetic: a new shape,
// new byte strides and a new offset over the same allocation. Reshape and
// ravel, which may copy, are src/ops/reshape.ts over the view halves in
// ./reshape.ts; broadcasting is ./broadcast.ts, re-exported here.

export { broadcastTo, broadcastShapes, broadcastArrays } from "./broadcast.js";

import { DTypeError, IndexError, ValueError } from "../core/errors.js";
import { checkDType, DTYPES, type DType } from "../core/dtype.js";
import { checkIntAxis, checkShape, normalizeAxis } from "../core/layout.js";
import { makeView, type NDArray } from "../core/ndarray.js";
import { reshapeAsView } from "./reshape.js";
import { basicIndex, sliceAxis } from "./indexing.js";

function itemsizeOf(a: NDArray): number {
  return DTYPES[a.dtype].itemsize;
}

/** Plain integer list from a number-or-list axis argument. */
function listOf(x: number | readonly number[]): readonly number[] {
  return typeof x === "number" ? [x] : x;
}

/** An axis argument in any of NumPy's spellings: an int, a list (NumPy's tuple), null, or `{ axis }` (its keyword). */
export type AxisArg = number | readonly number[] | null | undefined | { axis?: number | readonly number[] | null };

/**
 * The axes of an `AxisArg` (null for "all"), each an integer, else NumPy's
 * TypeError; `floatText` is the message a float gets where NumPy's own
 * differs (expand_dims says "integer argument expected, got float").
 */
function axisList(axis: AxisArg, floatText?: string): readonly number[] | null {
  const v = axis !== null && typeof axis === "object" && !Array.isArray(axis) ? (axis as { axis?: unknown }).axis : axis;
  if (v === undefined || v === null) return null;
  const list = Array.isArray(v) ? (v as unknown[]) : [v];
  for (const ax of list) {
    if (floatText !== undefined && typeof ax === "number" && !Number.isInteger(ax)) throw new DTypeError(floatText);
    checkIntAxis(ax);
  }
  return list as number[];
}

/**
 * Normalises several axes (NumPy's `normalize_axis_tuple`): AxisError for
 * one out of range, ValueError `repeated axis` (with the argument's name
 * when given) for a duplicate.
 */
function normalizeAxes(axes: readonly number[], ndim: number, argname?: string): number[] {
  const out = axes.map((ax) => normalizeAxis(ax, ndim, argname));
  for (let i = 1; i < out.length; i++) {
    if (out.indexOf(out[i]!) < i) throw new ValueError(argname ? `repeated axis in \`${argname}\` argument` : "repeated axis");
  }
  return out;
}

// ---- axis permutations ----

/**
 * Axes permuted: reversed by default, else `axes[i]` is the source of axis i. Always a view.
 * Throws ValueError `axes don't match array`, `repeated axis in transpose`; AxisError.
 * @example transpose(zeros([2, 3, 4]), [1, 0, 2]).shape // [3, 2, 4]
 */
export function transpose(a: NDArray, axes?: readonly number[]): NDArray {
  const ndim = a.shape.length;
  // The matrix transpose is most of all transposes; literals are cheaper to
  // make than sized arrays filled in a loop (V8: ~17 against ~28 ns a view).
  if (ndim === 2 && axes === undefined) {
    return makeView(a, [a.shape[1]!, a.shape[0]!], [a.strides[1]!, a.strides[0]!], a.offset);
  }
  const shape = new Array<number>(ndim);
  const strides = new Array<number>(ndim);
  if (axes === undefined) {
    for (let i = 0; i < ndim; i++) {
      shape[i] = a.shape[ndim - 1 - i]!;
      strides[i] = a.strides[ndim - 1 - i]!;
    }
  } else {
    if (axes.length !== ndim) throw new ValueError("axes don't match array");
    const seen = new Array<boolean>(ndim).fill(false);
    for (let i = 0; i < ndim; i++) {
      const ax = normalizeAxis(axes[i]!, ndim);
      if (seen[ax]) throw new ValueError("repeated axis in transpose");
      seen[ax] = true;
      shape[i] = a.shape[ax]!;
      strides[i] = a.strides[ax]!;
    }
  }
  return makeView(a, shape, strides, a.offset);
}

/**
 * Two axes interchanged; a view.
 * @example swapaxes(zeros([2, 3, 4]), 0, 2).shape // [4, 3, 2]
 */
export function swapaxes(a: NDArray, axis1: number, axis2: number): NDArray {
  const ndim = a.shape.length;
  const i = normalizeAxis(axis1, ndim, "axis1");
  const j = normalizeAxis(axis2, ndim, "axis2");
  const shape = a.shape.slice();
  const strides = a.strides.slice();
  shape[i] = a.shape[j]!;
  shape[j] = a.shape[i]!;
  strides[i] = a.strides[j]!;
  strides[j] = a.strides[i]!;
  return makeView(a, shape, strides, a.offset);
}

/**
 * Axes moved from `source` to `destination`, the others keeping their order; a view.
 * @example moveaxis(zeros([2, 3, 4]), 0, -1).shape // [3, 4, 2]
 */
export function moveaxis(a: NDArray, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const ndim = a.shape.length;
  const src = normalizeAxes(listOf(source), ndim, "source");
  const dst = normalizeAxes(listOf(destination), ndim, "destination");
  if (src.length !== dst.length) {
    throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  }
  const order: number[] = [];
  for (let i = 0; i < ndim; i++) if (!src.includes(i)) order.push(i);
  const pairs = dst.map((d, k) => [d, src[k]!] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transpose(a, order);
}

// ---- adding and removing length-1 axes ----

/**
 * Length-1 axes removed: all of them, or those named by `axis`; a view.
 * Throws ValueError `cannot select an axis to squeeze out which has size not equal to one`,
 * `duplicate value in 'axis'`; AxisError.
 * @example squeeze(zeros([1, 3, 1]), 0).shape // [3, 1]
 */
export function squeeze(a: NDArray, axis?: AxisArg): NDArray {
  const ndim = a.shape.length;
  const axes = axisList(axis);
  if (axes === null) {
    let ones = 0;
    for (let i = 0; i < ndim; i++) if (a.shape[i] === 1) ones++;
    // Nothing to squeeze: NumPy returns `a` itself; a view sharing its (immutable) shape and strides is the cheap equivalent.
    if (ones === 0) return makeView(a, a.shape, a.strides, a.offset);
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0; i < ndim; i++) {
      if (a.shape[i] !== 1) {
        shape.push(a.shape[i]!);
        strides.push(a.strides[i]!);
      }
    }
    return makeView(a, shape, strides, a.offset);
  }
  const drop = new Array<boolean>(ndim).fill(false);
  for (const ax of axes) {
    const i = normalizeAxis(ax, ndim);
    if (drop[i]) throw new ValueError("duplicate value in 'axis'");
    drop[i] = true;
  }
  for (let i = 0; i < ndim; i++) {
    if (drop[i] && a.shape[i] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < ndim; i++) {
    if (!drop[i]) {
      shape.push(a.shape[i]!);
      strides.push(a.strides[i]!);
    }
  }
  return makeView(a, shape, strides, a.offset);
}

/**
 * Length-1 axes inserted so that they sit at `axis` in the result; a view
 * (NumPy's `a.reshape` with the new shape, so strides match NumPy's).
 * Throws AxisError, ValueError `repeated axis`.
 * @example expandDims(zeros([3]), [0, 2]).shape // [1, 3, 1]
 */
export function expandDims(a: NDArray, axis: AxisArg): NDArray {
  const axes = axisList(axis, "integer argument expected, got float");
  if (axes === null) throw new DTypeError("'NoneType' object cannot be interpreted as an integer");
  const outNdim = a.shape.length + axes.length;
  const norm = normalizeAxes(axes, outNdim);
  const shape: number[] = [];
  let k = 0;
  for (let i = 0; i < outNdim; i++) shape.push(norm.includes(i) ? 1 : a.shape[k++]!);
  return reshapeAsView(a, shape);
}

/**
 * `a` with at least 1 (2, 3) dimensions, as NumPy's atleast_1d/2d/3d: a 0-d
 * array becomes [1] ([1, 1], [1, 1, 1]); a 1-d [n] becomes [1, n] (2d) or
 * [1, n, 1] (3d); a 2-d one [m, n, 1] (3d). Always a new view (NumPy returns
 * `a` itself when nothing changes; here that is a view equal to `a`).
 * @example atleast2d(arange(3)).shape // [1, 3]
 */
export function atleast1d(a: NDArray): NDArray {
  return a.shape.length === 0 ? reshapeAsView(a, [1]) : makeView(a, a.shape, a.strides, a.offset);
}

/** See `atleast1d`. @example atleast2d(arange(3)).shape // [1, 3] */
export function atleast2d(a: NDArray): NDArray {
  const nd = a.shape.length;
  if (nd === 0) return reshapeAsView(a, [1, 1]);
  if (nd === 1) return basicIndex(a, [null, "..."])!;
  return makeView(a, a.shape, a.strides, a.offset);
}

/** See `atleast1d`. @example atleast3d(zeros([2, 3])).shape // [2, 3, 1] */
export function atleast3d(a: NDArray): NDArray {
  const nd = a.shape.length;
  if (nd === 0) return reshapeAsView(a, [1, 1, 1]);
  if (nd === 1) return basicIndex(a, [null, "...", null])!;
  if (nd === 2) return basicIndex(a, ["...", null])!;
  return makeView(a, a.shape, a.strides, a.offset);
}

// ---- reinterpreting and free-form strides ----

/**
 * The same bytes read as `dtype`; a view. With a different item size the
 * last axis changes length (NumPy's rule): it must be contiguous (or of
 * length 1, or the array empty), and the sizes must divide. Throws ValueError with NumPy's messages.
 * @example viewAs(zeros([2, 4], { dtype: "int16" }), "int32").shape // [2, 2]
 */
export function viewAs(a: NDArray, dtype: DType): NDArray {
  const d = checkDType(dtype);
  const oldSize = itemsizeOf(a);
  const newSize = DTYPES[d].itemsize;
  if (newSize === oldSize) return makeView(a, a.shape, a.strides, a.offset, d);
  const ndim = a.shape.length;
  if (ndim === 0) throw new ValueError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
  const last = ndim - 1;
  if (a.shape[last] !== 1 && a.size !== 0 && a.strides[last] !== oldSize) {
    throw new ValueError("To change to a dtype of a different size, the last axis must be contiguous");
  }
  const shape = a.shape.slice();
  const strides = a.strides.slice();
  if (newSize < oldSize) {
    if (oldSize % newSize !== 0) {
      throw new ValueError("When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
    }
    shape[last]! *= oldSize / newSize;
  } else {
    const bytes = a.shape[last]! * oldSize;
    if (bytes % newSize !== 0) {
      throw new ValueError(
        "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.",
      );
    }
    shape[last] = bytes / newSize;
  }
  strides[last] = newSize;
  return makeView(a, shape, strides, a.offset, d);
}

/** Options of `asStrided`. */
export interface AsStridedOptions {
  /** false makes the view read-only; true keeps `a`'s writeability (default true, as NumPy). */
  writeable?: boolean;
}

/**
 * A view with any shape and byte strides over `a`'s memory, starting at
 * `a`'s first element (NumPy's `as_strided`). Unlike NumPy, every byte
 * the view can reach must lie inside `a`'s allocation (ValueError
 * otherwise), since other arrays live next to it in the shared heap.
 * Elements may overlap; writing through such a view is the caller's risk.
 * @example asStrided(arange(6), [4, 3], [8, 8]).toArray()[1] // [1n, 2n, 3n]
 */
export function asStrided(
  a: NDArray,
  shape?: number | readonly number[],
  strides?: number | readonly number[],
  opts?: AsStridedOptions,
): NDArray {
  const s = shape === undefined ? a.shape.slice() : checkShape(shape);
  const st = strides === undefined ? a.strides.slice() : typeof strides === "number" ? [strides] : Array.from(strides);
  if (st.length !== s.length) throw new ValueError("mismatch in length of strides and shape");
  for (const x of st) {
    if (typeof x !== "number" || !Number.isInteger(x)) throw new ValueError(`asStrided: strides must be integers, got '${String(x)}'`);
  }
  const itemsize = itemsizeOf(a);
  const mem = a._mem;
  let lo = a.offset;
  let hi = a.offset + itemsize;
  let empty = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === 0) empty = true;
    const span = (s[i]! - 1) * st[i]!;
    if (span < 0) lo += span;
    else hi += span;
  }
  if (!empty && (lo < 0 || hi > mem.bytes) && mem.live) {
    throw new ValueError(
      `asStrided: the view would reach bytes [${lo}, ${hi}) of an allocation of ${mem.bytes} bytes (expected a view inside it)`,
    );
  }
  return makeView(a, s, st, a.offset, a.dtype, opts?.writeable ?? true);
}

/** Options of `slidingWindowView`. */
export interface SlidingWindowOptions {
  /** Make the windows writeable (NumPy's default is read-only, since windows overlap). */
  writeable?: boolean;
}

/**
 * Every window of `windowShape` over `a` (along `axis`, default every axis),
 * as a read-only view: the window axes are appended after the positions.
 * Throws ValueError with NumPy's messages.
 * @example slidingWindowView(arange(5), 3).shape // [3, 3]
 */
export function slidingWindowView(
  a: NDArray,
  windowShape: number | readonly number[],
  axis?: number | readonly number[] | null,
  opts?: SlidingWindowOptions,
): NDArray {
  const win = Array.from(listOf(windowShape));
  for (const w of win) {
    if (!Number.isInteger(w)) throw new ValueError(`slidingWindowView: window_shape must be integers, got '${String(w)}'`);
  }
  if (win.some((w) => w < 0)) throw new ValueError("`window_shape` cannot contain negative values");
  const ndim = a.shape.length;
  let axes: number[];
  if (axis === undefined || axis === null) {
    axes = a.shape.map((_, i) => i);
    if (win.length !== axes.length) {
      throw new ValueError(
        `Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${win.length} window_shape elements and \`x.ndim\` is ${ndim}.`,
      );
    }
  } else {
    axes = listOf(axis).map((ax) => normalizeAxis(ax, ndim));
    if (win.length !== axes.length) {
      throw new ValueError(
        `Must provide matching length window_shape and axis; got ${win.length} window_shape elements and ${axes.length} axes elements.`,
      );
    }
  }
  const shape = a.shape.slice();
  const strides = a.strides.slice();
  for (let k = 0; k < axes.length; k++) {
    const ax = axes[k]!;
    if (shape[ax]! < win[k]!) throw new ValueError("window shape cannot be larger than input array shape");
    shape[ax]! -= win[k]! - 1;
    strides.push(a.strides[ax]!);
  }
  shape.push(...win);
  return makeView(a, shape, strides, a.offset, a.dtype, opts?.writeable ?? false);
}

/**
 * The diagonal over `axis1` and `axis2` (shifted by `offset`: positive above
 * the main diagonal): a read-only view, as NumPy 2's. The other axes come
 * first, the diagonal last.
 * Throws ValueError `diag requires an array of at least two dimensions`,
 * `axis1 and axis2 cannot be the same`; AxisError.
 * @example diagonal(eye(3)).toArray() // [1, 1, 1]
 */
export function diagonal(a: NDArray, offset = 0, axis1 = 0, axis2 = 1): NDArray {
  const ndim = a.shape.length;
  if (ndim < 2) throw new ValueError("diag requires an array of at least two dimensions");
  if (!Number.isInteger(offset)) throw new ValueError(`diagonal: offset must be an integer, got ${offset}`);
  const i = normalizeAxis(axis1, ndim, "axis1");
  const j = normalizeAxis(axis2, ndim, "axis2");
  if (i === j) throw new ValueError("axis1 and axis2 cannot be the same");
  let n1 = a.shape[i]!;
  let n2 = a.shape[j]!;
  const s1 = a.strides[i]!;
  const s2 = a.strides[j]!;
  let start = a.offset;
  let shift: number;
  let shiftStride: number;
  if (offset >= 0) {
    shift = offset;
    shiftStride = s2;
    n2 -= offset;
  } else {
    shift = -offset;
    shiftStride = s1;
    n1 += offset;
  }
  let n = Math.min(n1, n2);
  if (n < 0) n = 0;
  else start += shift * shiftStride;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let k = 0; k < ndim; k++) {
    if (k !== i && k !== j) {
      shape.push(a.shape[k]!);
      strides.push(a.strides[k]!);
    }
  }
  shape.push(n);
  strides.push(s1 + s2);
  return makeView(a, shape, strides, start, a.dtype, false);
}

// ---- splitting ----

/**
 * Views of `a` cut along `axis`: into `sections` pieces as equal as possible
 * (the first `size % sections` one longer), or at the given `indices`
 * (Python slice rules: negative counts from the end, out-of-range clamps).
 * Throws ValueError `number sections must be larger than 0.`
 * @example arraySplit(arange(5), 2).map((p) => p.shape[0]) // [3, 2]
 */
export function arraySplit(a: NDArray, indicesOrSections: number | readonly number[], axis = 0): NDArray[] {
  const ndim = a.shape.length;
  if (!Number.isInteger(axis) || axis >= ndim || axis < -ndim) throw new IndexError("tuple index out of range");
  const ax = axis < 0 ? axis + ndim : axis;
  const total = a.shape[ax]!;
  let points: number[];
  if (typeof indicesOrSections === "number") {
    const n = indicesOrSections;
    if (!Number.isInteger(n)) throw new ValueError(`arraySplit: sections must be an integer, got ${n}`);
    if (n <= 0) throw new ValueError("number sections must be larger than 0.");
    const each = Math.floor(total / n);
    const extras = total % n;
    points = [0];
    for (let k = 0; k < n; k++) points.push(points[k]! + each + (k < extras ? 1 : 0));
  } else {
    for (const x of indicesOrSections) {
      if (!Number.isInteger(x)) throw new ValueError(`arraySplit: indices must be integers, got ${x}`);
    }
    points = [0, ...indicesOrSections, total];
  }
  a.address("split");
  const out: NDArray[] = [];
  for (let k = 0; k + 1 < points.length; k++) out.push(sliceAxis(a, ax, points[k]!, points[k + 1]!));
  return out;
}

/**
 * As `arraySplit`, but a number of sections must divide the axis exactly:
 * ValueError `array split does not result in an equal division`.
 * @example split(arange(6), 3).length // 3
 */
export function split(a: NDArray, indicesOrSections: number | readonly number[], axis = 0): NDArray[] {
  if (typeof indicesOrSections === "number") {
    const ndim = a.shape.length;
    if (!Number.isInteger(axis) || axis >= ndim || axis < -ndim) throw new IndexError("tuple index out of range");
    const total = a.shape[axis < 0 ? axis + ndim : axis]!;
    if (indicesOrSections > 0 && total % indicesOrSections !== 0) {
      throw new ValueError("array split does not result in an equal division");
    }
  }
  return arraySplit(a, indicesOrSections, axis);
}

/** `split` along axis 1 (axis 0 for 1-d arrays). @example hsplit(zeros([2, 4]), 2)[0].shape // [2, 2] */
export function hsplit(a: NDArray, indicesOrSections: number | readonly number[]): NDArray[] {
  if (a.shape.length === 0) throw new ValueError("hsplit only works on arrays of 1 or more dimensions");
  return split(a, indicesOrSections, a.shape.length > 1 ? 1 : 0);
}

/** `split` along axis 0 of an array of 2 or more dimensions. @example vsplit(zeros([4, 2]), 2)[0].shape // [2, 2] */
export function vsplit(a: NDArray, indicesOrSections: number | readonly number[]): NDArray[] {
  if (a.shape.length < 2) throw new ValueError("vsplit only works on arrays of 2 or more dimensions");
  return split(a, indicesOrSections, 0);
}

/** `split` along axis 2 of an array of 3 or more dimensions. @example dsplit(zeros([1, 1, 4]), 2)[0].shape // [1, 1, 2] */
export function dsplit(a: NDArray, indicesOrSections: number | readonly number[]): NDArray[] {
  if (a.shape.length < 3) throw new ValueError("dsplit only works on arrays of 3 or more dimensions");
  return split(a, indicesOrSections, 2);
}

