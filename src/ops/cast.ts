// The cast family: astype and castInto, over the kernel in assembly/cast/.
//
// astype validates (dtype, casting mode, order), decides whether the array
// itself can be returned (copy: false), lays out the result as NumPy does
// for the order, then hands the element conversion to castInto.
//
// castInto is the one dispatcher for converting between layouts. Paths:
// - "contiguous": both operands C-contiguous (or both F-contiguous): one
//   kernel call over the flat run, SIMD where the pair has a vector path.
// - "planned": anything else goes through planLoops (drop length-1 axes,
//   flip backward axes, order by destination stride, merge contiguous
//   axes); the innermost axis becomes the kernel's inner loop and the rest
//   an outer-axis table in the scratch area, so the whole N-d walk is still
//   one kernel call.
// - "staged": the operands' byte ranges overlap (a view of the same memory
//   as another dtype), so the conversion goes into a fresh buffer first.
//
// Values are NumPy's (ml_dtypes' for bfloat16) bit for bit; the rules,
// including float -> integer for NaN, infinity and out-of-range values,
// are listed at the top of assembly/cast/index.ts.

import { ValueError, formatShape } from "../core/errors.js";
import { DTYPES, DTYPE_NAMES, checkDType, type DType } from "../core/dtype.js";
import { dv } from "../core/memory.js";
import { kernels, scratch, type Kernels } from "../core/kernels.js";
import { emptyArray } from "../core/empty.js";
import { broadcastStrides, denseStrides, keepOrder, planLoops, type Order } from "../core/layout.js";
import { NDArray, makeView, type CopyOrder } from "../core/ndarray.js";
import { canCast, castingError, checkCasting, type Casting } from "../core/casting.js";
import { copySame } from "./copy.js";
import { recordCopy } from "../core/ledger.js";
import { DTYPE_CODE } from "../generated/codes.js";
import { partsFor } from "../core/threads/pool.js";
import { runTableParts, splitNest } from "../core/threads/split.js";

export type { Casting } from "../core/casting.js";

/** Options of `astype`. */
export interface AstypeOptions {
  /** false: return `a` itself when neither dtype nor layout must change (default true). */
  copy?: boolean;
  /** Which conversions are allowed (default "unsafe", as NumPy's astype). */
  casting?: Casting;
  /** Layout of the result (default "K": keep the input's axis order). */
  order?: CopyOrder;
}

/**
 * `a.astype(dtype)`: the elements converted to `dtype`, with NumPy's values
 * for every pair (ml_dtypes' for bfloat16). A new array unless `copy:
 * false` and nothing must change: same dtype, and a layout that satisfies
 * `order` ("K": any; "A": C- or F-contiguous; "C"/"F": that contiguity).
 * Throws DTypeError when `casting` forbids the conversion, in NumPy's words.
 * @example
 * const h = E.astype("float16");            // float32 -> float16, rounded to nearest even
 * a.astype("int8", { casting: "safe" });    // throws for a float64 `a`:
 * // Cannot cast array data from dtype('float64') to dtype('int8') according to the rule 'safe'
 */
export function astype<T extends DType>(a: NDArray, dtype: T, opts?: AstypeOptions): NDArray<NoInfer<T>>;
export function astype(a: NDArray, dtype: DType, opts?: AstypeOptions): NDArray {
  const to = checkDType(dtype);
  const from = a.dtype;
  const casting = opts?.casting === undefined ? "unsafe" : checkCasting(opts.casting);
  const order = opts?.order ?? "K";
  if (order !== "K" && order !== "A" && order !== "C" && order !== "F") {
    throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
  }
  a.address("astype");
  if (to !== from && casting !== "unsafe" && !canCast(from, to, casting)) throw castingError(from, to, casting);
  if (opts?.copy === false && to === from && layoutSatisfies(a, order)) return a;
  const out = emptyFor(a, to, order);
  try {
    if (to === from) copyFrom(out, a);
    else castInto(out, a);
  } catch (e) {
    out.dispose();
    throw e;
  }
  recordCopy("astype", out.nbytes);
  return out;
}

function layoutSatisfies(a: NDArray, order: CopyOrder): boolean {
  switch (order) {
    case "K":
      return true;
    case "A":
      return a.isC || a.isF;
    case "C":
      return a.isC;
    case "F":
      return a.isF;
  }
}

/** A fresh array of a's shape in `to`, laid out for `order` as NumPy's astype does. */
function emptyFor(a: NDArray, to: DType, order: CopyOrder): NDArray {
  const shape = a.shape;
  const itemsize = DTYPES[to].itemsize;
  // NumPy's "K" and "A" keep C order for C-contiguous input (that test comes first).
  let layout: Order | number[];
  if (order === "C" || ((order === "K" || order === "A") && a.isC)) layout = "C";
  else if (order === "F" || a.isF) layout = "F";
  else if (order === "A") layout = "C";
  // otherwise PyArray_NewLikeArray's single stable sort by |stride|, length-1 axes included
  else layout = denseStrides(shape, itemsize, keepOrder(a.strides));
  return emptyArray(shape, to, layout, a);
}

/** Which path castInto took last (tests and benchmarks read it). */
export let lastCastPath: "contiguous" | "planned" | "staged" | "empty" = "empty";

/**
 * @internal Converts every element of `src` into `dst` (same shape,
 * different dtypes, any layouts including zero and negative strides), with
 * NumPy's unsafe-cast values. Called by the copy dispatcher whenever the
 * dtypes differ; with equal dtypes it hands over to `copySame`. `dst` must
 * be writeable (callers check); overlapping operands are handled.
 */
export function castInto(dst: NDArray, src: NDArray): void {
  const shape = dst.shape;
  if (shape.length !== src.shape.length || shape.some((n, i) => n !== src.shape[i])) {
    throw new ValueError(`could not broadcast input array from shape ${formatShape(src.shape)} into shape ${formatShape(shape)}`);
  }
  if (dst.dtype === src.dtype) {
    copySame(dst, src);
    return;
  }
  const d = dst.address("astype");
  const s = src.address("astype");
  const n = dst.size;
  if (n === 0) {
    lastCastPath = "empty";
    return;
  }
  const to = DTYPE_CODE[dst.dtype];
  const from = DTYPE_CODE[src.dtype];
  if (overlaps(dst, d, src, s)) {
    const tmp = emptyArray(shape, dst.dtype);
    try {
      castInto(tmp, src);
      copySame(dst, tmp);
    } finally {
      tmp.dispose();
    }
    lastCastPath = "staged";
    return;
  }
  // The stride table (assembly/abi.ts): rows shape, dst strides, src
  // strides, counters; strides stored modulo 2^32, as the kernel adds them.
  const t = scratch();
  const parts = partsFor(n * (dst.itemsize + src.itemsize));
  if (parts > 1 && castParts(to, from, d, s, dst, src, parts)) {
    lastCastPath = (dst.isC && src.isC) || (dst.isF && src.isF) ? "contiguous" : "planned";
    return;
  }
  if ((dst.isC && src.isC) || (dst.isF && src.isF)) {
    dv.setInt32(t, n, true);
    dv.setInt32(t + 4, dst.itemsize, true);
    dv.setInt32(t + 8, src.itemsize, true);
    kernels().cast(to, from, d, s, t, 1);
    lastCastPath = "contiguous";
    return;
  }
  const plan = planLoops(shape, [dst.strides, src.strides]);
  const nd = plan.shape.length;
  if (nd === 0) {
    dv.setInt32(t, 1, true);
    dv.setInt32(t + 4, 0, true);
    dv.setInt32(t + 8, 0, true);
    kernels().cast(to, from, d + plan.offsets[0]!, s + plan.offsets[1]!, t, 1);
  } else {
    const ds = plan.strides[0]!;
    const ss = plan.strides[1]!;
    for (let k = 0; k < nd; k++) {
      dv.setInt32(t + 4 * k, plan.shape[k]!, true);
      dv.setInt32(t + 4 * (nd + k), ds[k]! | 0, true);
      dv.setInt32(t + 4 * (2 * nd + k), ss[k]! | 0, true);
    }
    kernels().cast(to, from, d + plan.offsets[0]!, s + plan.offsets[1]!, t, nd);
  }
  lastCastPath = "planned";
}

/**
 * A large cast as parts over ranges of the flat run (contiguous operands)
 * or of one planned axis. Element-wise, so every split gives the same bits.
 * False when nothing could be split (the caller runs it whole).
 */
function castParts(to: number, from: number, d: number, s: number, dst: NDArray, src: NDArray, parts: number): boolean {
  let shape: number[];
  let rows: number[][];
  if ((dst.isC && src.isC) || (dst.isF && src.isF)) {
    shape = [dst.size];
    rows = [[dst.itemsize], [src.itemsize]];
  } else {
    const plan = planLoops(dst.shape, [dst.strides, src.strides]);
    if (plan.shape.length === 0) return false;
    shape = plan.shape;
    rows = [plan.strides[0]!, plan.strides[1]!];
    d += plan.offsets[0]!;
    s += plan.offsets[1]!;
  }
  // 16 elements: every part starts on a whole SIMD group of either side.
  const split = splitNest(shape, rows, parts, () => true, (j) => (j === shape.length - 1 ? 16 : 1));
  if (split === null) return false;
  runTableParts("cast", split, rows, (p, t) => [to, from, d + p.offsets[0]!, s + p.offsets[1]!, t, shape.length]);
  return true;
}

/** Whether the byte ranges that two arrays span intersect (a cheap, conservative test). */
function overlaps(a: NDArray, aAddr: number, b: NDArray, bAddr: number): boolean {
  if (a._mem !== b._mem) return false;
  const [alo, ahi] = extent(a, aAddr);
  const [blo, bhi] = extent(b, bAddr);
  return alo < bhi && blo < ahi;
}

function extent(a: NDArray, addr: number): [number, number] {
  let lo = addr;
  let hi = addr + a.itemsize;
  for (let i = 0; i < a.shape.length; i++) {
    const span = (a.shape[i]! - 1) * a.strides[i]!;
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi];
}

/**
 * @internal Copies every element of `src` into `dst` (same shape, any two
 * layouts, zero strides allowed in `src`, overlapping memory handled);
 * different dtypes convert with NumPy's unsafe-cast values.
 */
export function copyFrom(dst: NDArray, src: NDArray): void {
  if (dst.dtype === src.dtype) copySame(dst, src);
  else castInto(dst, src);
}

/**
 * @internal `copyFrom` with `src` read through `strides` over `dst`'s
 * shape: its broadcast strides, or [] for one element into a 0-d `dst`.
 * @example copyFromStrided(out, row, [0, 8]) // every row of out = row
 */
export function copyFromStrided(dst: NDArray, src: NDArray, strides: readonly number[]): void {
  const v = makeView(src, dst.shape, strides, src.offset, src.dtype, false);
  try {
    copyFrom(dst, v);
  } finally {
    v.dispose();
  }
}

/** @internal `copyFrom` of `src` broadcast to `dst`'s shape (the caller knows they broadcast). */
export function copyBroadcast(dst: NDArray, src: NDArray): void {
  if (src.shape.length === dst.shape.length && src.shape.every((n, i) => n === dst.shape[i])) copyFrom(dst, src);
  else copyFromStrided(dst, src, broadcastStrides(src.shape, src.strides, dst.shape)!);
}
