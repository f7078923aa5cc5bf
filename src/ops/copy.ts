// The copy family: every copy between two layouts goes through `moveBytes`,
// which simplifies the loop nest and calls one kernel of assembly/copy.ts.
//
// Dispatch. `planLoops` drops length-1 axes, flips axes both sides walk
// backwards, orders axes by the destination's strides and merges the ones
// both sides can walk as one. What is left names the path:
//   contiguous  one axis, both sides stride = item size: one memory.copy
//   rows        the inner axis is contiguous on both sides: a row copy per
//               step of the outer loop
//   tiled       the inner (destination-contiguous) axis is strided in the
//               source, but another axis is contiguous there: a transpose,
//               done in cache-sized bands with SIMD register transposes
//   strided     anything else (zero source strides included)
// Two C- (or F-) contiguous operands skip the planner: small copies should
// cost a few hundred nanoseconds, not microseconds.

import { DTypeError, ValueError, formatShape } from "../errors.js";
import { DTYPES, toStored, writeStored, scalarDType, type DType, type Scalar } from "../dtype.js";
import { kernels, onHeapGrow, scratch } from "../heap.js";
import { overlap } from "../overlap.js";
import { recordCopy } from "../ledger.js";
import { canCast, castingError, checkCasting, dtypeRepr, resultType, type Casting } from "../casting.js";
import { broadcastStrides, planLoops, stridesFor, shapeSize } from "../layout.js";
import { NDArray, makeView, type CopyOrder } from "../ndarray.js";
import { asarray, emptyArray, fillContiguous, type ArrayLike } from "../creation.js";
import { castInto } from "./astype.js";
import { maskedCopy } from "./mask.js";

/** The kernel path a copy takes; named in tests and in the benchmark table. */
export type CopyPath = "empty" | "contiguous" | "rows" | "strided" | "tiled";

let i32 = new Int32Array(0);
onHeapGrow((buf) => {
  i32 = new Int32Array(buf, 0, buf.byteLength >>> 2);
});

/** Where `fill` parks the one element it broadcasts (past the loop tables). */
const FILL_SLOT = 8192;

// A plan below this many elements is not worth tiling: the strided loop is as fast.
const TILE_MIN = 4;

/**
 * @internal Copies the elements of a `shape` block at heap address `src`
 * (byte strides `sstr`, zeros allowed) to `dst` (strides `dstr`), items of
 * `itemsize` bytes, and returns the path taken. With `run` false, only
 * answers which path it would take. The two ranges must not overlap
 * unless they are identical or both contiguous (memory.copy is a memmove).
 */
export function moveBytes(
  dst: number,
  src: number,
  shape: readonly number[],
  dstr: readonly number[],
  sstr: readonly number[],
  itemsize: number,
  run = true,
): CopyPath {
  // Fast path: the same dense layout on both sides (C, F or any permutation
  // a planner would merge in place), checked in one pass from the last axis.
  const nd = shape.length;
  let n = 1;
  let dense = true;
  let expectC = itemsize;
  for (let i = nd - 1; i >= 0; i--) {
    const len = shape[i]!;
    n *= len;
    if (len !== 1 && (dstr[i] !== expectC || sstr[i] !== expectC)) dense = false;
    expectC *= len;
  }
  if (n === 0) return "empty";
  if (dense) {
    if (run) kernels().copy_contiguous(dst, src, n * itemsize);
    return "contiguous";
  }
  const plan = planLoops(shape, [dstr, sstr]);
  const ps = plan.shape;
  const pd = plan.strides[0]!;
  const pss = plan.strides[1]!;
  const d = dst + plan.offsets[0]!;
  const s = src + plan.offsets[1]!;
  const k = ps.length;
  if (k === 0) {
    if (run) kernels().copy_contiguous(d, s, itemsize);
    return "contiguous";
  }
  const inner = k - 1;
  const innerD = pd[inner]!;
  const innerS = pss[inner]!;
  if (innerD === itemsize && innerS === itemsize) {
    if (k === 1) {
      if (run) kernels().copy_contiguous(d, s, ps[0]! * itemsize);
      return "contiguous";
    }
    if (run) {
      writeTable(ps, pd, pss, inner, -1);
      kernels().copy_rows(d, s, shapeSize(ps.slice(0, inner)), ps[inner]! * itemsize, scratch(), inner);
    }
    return "rows";
  }
  if (innerD === itemsize && innerS !== itemsize && ps[inner]! >= TILE_MIN) {
    // The axis that is contiguous in the source, if any, pairs with the inner one.
    let a = -1;
    for (let j = inner - 1; j >= 0; j--) {
      if (pss[j] === itemsize && ps[j]! >= TILE_MIN) {
        a = j;
        break;
      }
    }
    if (a >= 0) {
      if (run) {
        writeTable(ps, pd, pss, k, a);
        let rows = 1;
        for (let j = 0; j < k - 1; j++) if (j !== a) rows *= ps[j]!;
        const kk = kernels();
        const t = scratch();
        if (itemsize === 4) kk.copy_tiled_4(d, s, rows, 0, t, k);
        else if (itemsize === 8) kk.copy_tiled_8(d, s, rows, 0, t, k);
        else if (itemsize === 2) kk.copy_tiled_2(d, s, rows, 0, t, k);
        else kk.copy_tiled_1(d, s, rows, 0, t, k);
      }
      return "tiled";
    }
  }
  if (run) {
    writeTable(ps, pd, pss, k, -1);
    const rows = shapeSize(ps.slice(0, inner));
    const kk = kernels();
    const t = scratch();
    if (itemsize === 4) kk.copy_strided_4(d, s, rows, t, k);
    else if (itemsize === 8) kk.copy_strided_8(d, s, rows, t, k);
    else if (itemsize === 2) kk.copy_strided_2(d, s, rows, t, k);
    else kk.copy_strided_1(d, s, rows, t, k);
  }
  return "strided";
}

/**
 * Writes the first `n` planned axes into the scratch table (shape, dst
 * strides, src strides). With `moveToEnd` >= 0, that axis is written
 * second to last (the tiled kernel's A axis) and the others keep their order.
 */
function writeTable(shape: readonly number[], dstr: readonly number[], sstr: readonly number[], n: number, moveToEnd: number): void {
  const base = scratch() >>> 2;
  let w = 0;
  const put = (j: number): void => {
    i32[base + w] = shape[j]!;
    i32[base + n + w] = dstr[j]!;
    i32[base + 2 * n + w] = sstr[j]!;
    w++;
  };
  for (let j = 0; j < n; j++) if (j !== moveToEnd && !(moveToEnd >= 0 && j === n - 1)) put(j);
  if (moveToEnd >= 0) {
    put(moveToEnd);
    put(n - 1);
  }
}

/**
 * @internal Copies the bytes of `src` (already broadcast to `dst.shape` by
 * `srcStrides`) into `dst`, same dtype. When the two may overlap in memory,
 * the source is first copied aside, as NumPy does.
 */
function assignSameDType(dst: NDArray, src: NDArray, srcStrides: readonly number[]): void {
  const d = dst.address("copyto");
  const s = src.address("copyto");
  const itemsize = DTYPES[dst.dtype].itemsize;
  const shape = dst.shape;
  // Broadcasting does not change which bytes the source touches, so the
  // overlap question is asked of `src` itself. Only a real overlap pays for
  // a temporary: interleaved views such as a[::2] = a[1::2] copy directly.
  if (dst._mem === src._mem && dst.size > 0 && overlap(dst, src) !== "no") {
    if (d === s && dst.strides.every((x, i) => x === srcStrides[i])) return;
    const tmp = emptyArray(src.shape, src.dtype);
    try {
      moveBytes(tmp.address("copyto"), s, src.shape, tmp.strides, src.strides, itemsize);
      const ts = broadcastStrides(tmp.shape, tmp.strides, shape)!;
      moveBytes(d, tmp.address("copyto"), shape, dst.strides, ts, itemsize);
    } finally {
      tmp.dispose();
    }
    return;
  }
  moveBytes(d, s, shape, dst.strides, srcStrides, itemsize);
}

/**
 * @internal Copies every element of `src` into `dst` (same shape, any two
 * layouts, zero strides allowed in `src`, overlapping memory handled).
 * Different dtypes go through `castInto` (NumPy's unsafe cast).
 */
export function copyFrom(dst: NDArray, src: NDArray): void {
  if (dst.shape.length !== src.shape.length || dst.shape.some((n, i) => n !== src.shape[i])) {
    throw new ValueError(`could not broadcast input array from shape ${formatShape(src.shape)} into shape ${formatShape(dst.shape)}`);
  }
  if (dst.dtype !== src.dtype) {
    castInto(dst, src);
    return;
  }
  assignSameDType(dst, src, src.strides);
}

/** Axes of `a` from the largest stride magnitude to the smallest (NumPy's order "K"). */
function keepOrderPerm(a: NDArray): number[] {
  const perm = a.shape.map((_, i) => i);
  const st = a.strides;
  return perm.sort((x, y) => Math.abs(st[y]!) - Math.abs(st[x]!) || x - y);
}

/** Byte strides of a dense array of `shape` laid out in the axis order `perm` (outer to inner). */
function stridesForPerm(shape: readonly number[], itemsize: number, perm: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let s = itemsize;
  for (let k = perm.length - 1; k >= 0; k--) {
    const ax = perm[k]!;
    out[ax] = s;
    s *= Math.max(shape[ax]!, 1);
  }
  return out;
}

/**
 * The axis order NumPy's iterator reads `a` in for order "K" (flatten,
 * ravel): outer to inner by stride magnitude, where a zero stride does not
 * vote and ties keep C order (npyiter_find_best_axis_ordering).
 */
function iteratorPerm(a: NDArray): number[] {
  // Insertion sort from the innermost axis out, as the iterator does: the
  // direction matters when zero strides make comparisons ambiguous.
  const perm = a.shape.map((_, i) => a.shape.length - 1 - i);
  const st = a.strides;
  for (let i0 = 1; i0 < perm.length; i0++) {
    const ax0 = perm[i0]!;
    let ipos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const s0 = st[ax0]!;
      const s1 = st[perm[i1]!]!;
      if (s0 === 0 || s1 === 0) continue;
      if (Math.abs(s1) > Math.abs(s0)) ipos = i1;
      else break;
    }
    if (ipos !== i0) {
      for (let i = i0; i > ipos; i--) perm[i] = perm[i - 1]!;
      perm[ipos] = ax0;
    }
  }
  return perm.reverse();
}

/** Resolves "A" and "K" to the strides of the new array. */
function stridesForOrder(a: NDArray, order: CopyOrder, iterK = false): number[] {
  const itemsize = DTYPES[a.dtype].itemsize;
  if (a.size === 0) return a.shape.map(() => 0);
  if (order === "C") return stridesFor(a.shape, itemsize, "C");
  if (order === "F") return stridesFor(a.shape, itemsize, "F");
  if (order === "A") return stridesFor(a.shape, itemsize, a.isF && !a.isC ? "F" : "C");
  if (order === "K") {
    if (a.isC || a.ndim <= 1) return stridesFor(a.shape, itemsize, "C");
    if (a.isF) return stridesFor(a.shape, itemsize, "F");
    return stridesForPerm(a.shape, itemsize, iterK ? iteratorPerm(a) : keepOrderPerm(a));
  }
  throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
}

/** A fresh array of `a`'s shape and dtype with the given strides (a permutation of a dense layout). */
function emptyWithStrides(a: NDArray, strides: readonly number[]): NDArray {
  const out = emptyArray(a.shape, a.dtype, "C", a);
  if (out.strides.every((x, i) => x === strides[i])) return out;
  // Same allocation, other strides: build the descriptor directly.
  const r = new NDArray(out._mem, a.dtype, a.shape, strides, 0, null, true);
  out.dispose();
  return r;
}

/**
 * `a.copy(order)`: a new array with `a`'s elements that owns its memory.
 * Order "C"/"F" choose the layout, "A" keeps F for F-contiguous input,
 * "K" (the function's default, as `np.copy`) keeps `a`'s axis order.
 * @example copy(E.T).flags.fContiguous // true: order K keeps the layout
 */
export function copy(a: NDArray, order: CopyOrder = "K"): NDArray {
  const strides = stridesForOrder(a, order);
  const s = a.address("copy");
  const out = emptyWithStrides(a, strides);
  moveBytes(out.address("copy"), s, a.shape, out.strides, a.strides, DTYPES[a.dtype].itemsize);
  recordCopy("copy", out.nbytes);
  return out;
}

/** @internal The path `copy(a, order)` takes (for tests and the benchmark). */
export function copyPath(a: NDArray, order: CopyOrder = "K"): CopyPath {
  const strides = stridesForOrder(a, order);
  return moveBytes(0, 0, a.shape, strides, a.strides, DTYPES[a.dtype].itemsize, false);
}

/** @internal The path a copy from `src` into `dst` (same shape) would take. */
export function assignPath(dst: NDArray, src: NDArray): CopyPath {
  const ss = broadcastStrides(src.shape, src.strides, dst.shape);
  if (!ss) throw new ValueError(`could not broadcast input array from shape ${formatShape(src.shape)} into shape ${formatShape(dst.shape)}`);
  return moveBytes(0, 0, dst.shape, dst.strides, ss, DTYPES[dst.dtype].itemsize, false);
}

/**
 * Writes `value` into every element of `a`, whatever its layout: one
 * element is converted once, then broadcast by the copy kernels.
 * @example const a = zeros([3, 4]); a.get(":, 1").fill(7)
 */
export function fill(a: NDArray, value: Scalar): void {
  a.checkWriteable();
  const addr = a.address("fill");
  if (a.isC || a.isF) {
    fillContiguous(a, value);
    return;
  }
  const stored = toStored(a.dtype, value);
  const slot = scratch() + FILL_SLOT;
  writeStored(a.dtype, slot, stored);
  const zeros = new Array<number>(a.ndim).fill(0);
  moveBytes(addr, slot, a.shape, a.strides, zeros, DTYPES[a.dtype].itemsize);
}

/**
 * NumPy's `flatten(order)`: a new 1-d array with the elements read in
 * `order` ("C" rows first, "F" columns first, "A" F when `a` is
 * F-contiguous, "K" memory order). Never a view.
 * @example array([[1, 2], [3, 4]]).flatten("F").toArray() // [1n, 3n, 2n, 4n]
 */
export function flatten(a: NDArray, order: CopyOrder = "C"): NDArray {
  const strides = stridesForOrder(a, order, true);
  const s = a.address("flatten");
  const out = emptyArray([a.size], a.dtype, "C", a);
  moveBytes(out.address("flatten"), s, a.shape, strides, a.strides, DTYPES[a.dtype].itemsize);
  recordCopy("flatten", out.nbytes);
  return out;
}

/**
 * A C-contiguous array with `a`'s elements: `a` itself when it already is
 * one (as NumPy), else a copy. The result has at least one dimension.
 * @example ascontiguousarray(E.T).strides // [201028, 4]
 */
export function ascontiguousarray(a: ArrayLike, opts?: { dtype?: DType }): NDArray {
  return asOrdered(a, "C", opts?.dtype);
}

/**
 * An F-contiguous array with `a`'s elements: `a` itself when it already is
 * one, else a copy. The result has at least one dimension.
 * @example asfortranarray(zeros([2, 3])).strides // [8, 16]
 */
export function asfortranarray(a: ArrayLike, opts?: { dtype?: DType }): NDArray {
  return asOrdered(a, "F", opts?.dtype);
}

function asOrdered(data: ArrayLike, order: "C" | "F", dtype?: DType): NDArray {
  const a = dtype === undefined ? asarray(data) : asarray(data, { dtype });
  const fresh = a !== data;
  const ok = order === "C" ? a.isC : a.isF;
  if (a.ndim >= 1 && ok) return a;
  const shape = a.ndim === 0 ? [1] : a.shape;
  const src = a.address(order === "C" ? "ascontiguousarray" : "asfortranarray");
  const out = emptyArray(shape, a.dtype, order, a);
  const sstr = a.ndim === 0 ? [0] : a.strides;
  moveBytes(out.address("ascontiguousarray"), src, shape, out.strides, sstr, DTYPES[a.dtype].itemsize);
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
