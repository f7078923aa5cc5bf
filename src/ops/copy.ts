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

import { ValueError, formatShape } from "../core/errors.js";
import { DTYPES, toStored, writeStored, type DType, type Scalar } from "../core/dtype.js";
import { kernels, scratch } from "../core/kernels.js";
import { i32 } from "../core/memory.js";
import { overlap } from "./overlap.js";
import { recordCopy } from "../core/ledger.js";
import { broadcastStrides, denseStrides, iteratorOrder, keepOrder, planLoops, stridesFor, shapeSize } from "../core/layout.js";
import { NDArray, type CopyOrder } from "../core/ndarray.js";
import { emptyArray, filling } from "../core/empty.js";
import { partsFor, ranges, runParts } from "../core/threads/pool.js";
import { runTableParts, splitNest, writeTableAt } from "../core/threads/split.js";

/** The kernel path a copy takes; named in tests and in the benchmark table. */
export type CopyPath = "empty" | "contiguous" | "rows" | "strided" | "tiled";

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
    if (run) contiguous(dst, src, n * itemsize);
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
      if (run) contiguous(d, s, ps[0]! * itemsize);
      return "contiguous";
    }
    if (run) {
      const rowBytes = ps[inner]! * itemsize;
      const [ts, td, tsrc] = tableOrder(ps, pd, pss, inner, -1);
      const split = splitFor(2 * n * itemsize, ts, td, tsrc, () => 1);
      if (split === null) {
        writeTable(ps, pd, pss, inner, -1);
        kernels().copy_rows(d, s, shapeSize(ps.slice(0, inner)), rowBytes, scratch(), inner);
      } else {
        runTableParts("copy_rows", split, [td, tsrc], (p, t) => [d + p.offsets[0]!, s + p.offsets[1]!, shapeSize(p.shape), rowBytes, t, inner]);
      }
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
        const [ts, td, tsrc] = tableOrder(ps, pd, pss, k, a);
        // Bands of the transpose stay whole: A splits at cache-line multiples.
        const split = splitFor(2 * n * itemsize, ts, td, tsrc, (j) => (j === k - 2 ? Math.max(1, 64 / itemsize) : 1));
        const name = `copy_tiled_${itemsize}`;
        if (split === null) {
          writeTableAt(scratch(), ts, [td, tsrc]);
          let rows = 1;
          for (let j = 0; j < k - 2; j++) rows *= ts[j]!;
          const kk = kernels();
          const t = scratch();
          if (itemsize === 4) kk.copy_tiled_4(d, s, rows, 0, t, k);
          else if (itemsize === 8) kk.copy_tiled_8(d, s, rows, 0, t, k);
          else if (itemsize === 2) kk.copy_tiled_2(d, s, rows, 0, t, k);
          else kk.copy_tiled_1(d, s, rows, 0, t, k);
        } else {
          runTableParts(name, split, [td, tsrc], (p, t) => [d + p.offsets[0]!, s + p.offsets[1]!, shapeSize(p.shape.slice(0, k - 2)), 0, t, k]);
        }
      }
      return "tiled";
    }
  }
  if (run) {
    const split = splitFor(2 * n * itemsize, ps, pd, pss, () => 1);
    if (split !== null) {
      runTableParts(`copy_strided_${itemsize}`, split, [pd, pss], (p, t) => [d + p.offsets[0]!, s + p.offsets[1]!, shapeSize(p.shape.slice(0, inner)), t, k]);
      return "strided";
    }
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
 * One memory.copy, cut into 64-byte-aligned byte ranges when it is large
 * and the two ranges are disjoint (an overlapping memmove must stay one
 * call: its direction is decided over the whole range).
 */
function contiguous(d: number, s: number, bytes: number): void {
  const parts = Math.abs(d - s) >= bytes ? partsFor(2 * bytes) : 1;
  if (parts === 1) {
    kernels().copy_contiguous(d, s, bytes);
    return;
  }
  runParts("copy_contiguous", ranges(bytes, parts, 64).map(([a, b]) => [d + a, s + a, b - a]));
}

/** The parts of a large nest (null: run it as one call), empty parts dropped. */
function splitFor(traffic: number, shape: number[], dstr: number[], sstr: number[], align: (axis: number) => number) {
  const parts = partsFor(traffic);
  if (parts === 1) return null;
  const split = splitNest(shape, [dstr, sstr], parts, () => true, align);
  return split === null ? null : split.filter((p) => shapeSize(p.shape) > 0);
}

/** The first `n` planned axes in table order: `moveToEnd` (if >= 0) second to last, then axis n-1. */
function tableOrder(shape: readonly number[], dstr: readonly number[], sstr: readonly number[], n: number, moveToEnd: number): [number[], number[], number[]] {
  const order: number[] = [];
  for (let j = 0; j < n; j++) if (j !== moveToEnd && !(moveToEnd >= 0 && j === n - 1)) order.push(j);
  if (moveToEnd >= 0) order.push(moveToEnd, n - 1);
  return [order.map((j) => shape[j]!), order.map((j) => dstr[j]!), order.map((j) => sstr[j]!)];
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
/** @internal `copySame` with `src` read through `srcStrides` (broadcast strides allowed). */
export function assignSameDType(dst: NDArray, src: NDArray, srcStrides: readonly number[]): void {
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
 * @internal Copies every element of `src` into `dst`: same shape, same
 * dtype (`copyFrom` in cast.ts takes any two), any two layouts, zero strides
 * allowed in `src`, overlapping memory handled.
 */
export function copySame(dst: NDArray, src: NDArray): void {
  if (dst.shape.length !== src.shape.length || dst.shape.some((n, i) => n !== src.shape[i])) {
    throw new ValueError(`could not broadcast input array from shape ${formatShape(src.shape)} into shape ${formatShape(dst.shape)}`);
  }
  assignSameDType(dst, src, src.strides);
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
    return denseStrides(a.shape, itemsize, iterK ? iteratorOrder(a.ndim, [a.strides]).reverse() : keepOrder(a.strides));
  }
  throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
}

/**
 * `a.copy(order)`: a new array with `a`'s elements that owns its memory.
 * Order "C"/"F" choose the layout, "A" keeps F for F-contiguous input,
 * "K" (the function's default, as `np.copy`) keeps `a`'s axis order.
 * @example copy(E.T).flags.fContiguous // true: order K keeps the layout
 */
export function copy<D extends DType>(a: NDArray<D>, order?: CopyOrder): NDArray<D>;
export function copy(a: NDArray, order: CopyOrder = "K"): NDArray {
  const strides = stridesForOrder(a, order);
  const s = a.address("copy");
  // A worker's failure must not leak the half-written result.
  const out = filling(emptyArray(a.shape, a.dtype, strides, a), (o) => moveBytes(o.address("copy"), s, a.shape, o.strides, a.strides, DTYPES[a.dtype].itemsize));
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
export function flatten<D extends DType>(a: NDArray<D>, order?: CopyOrder): NDArray<D>;
export function flatten(a: NDArray, order: CopyOrder = "C"): NDArray {
  const strides = stridesForOrder(a, order, true);
  const s = a.address("flatten");
  const out = emptyArray([a.size], a.dtype, "C", a);
  moveBytes(out.address("flatten"), s, a.shape, strides, a.strides, DTYPES[a.dtype].itemsize);
  recordCopy("flatten", out.nbytes);
  return out;
}

/**
 * @internal Writes `value` into every element of a fresh contiguous array:
 * one element by hand, then the fill kernel repeats its bytes.
 */
export function fillContiguous(a: NDArray, value: Scalar): void {
  const d = a.dtype;
  const stored = toStored(d, value);
  const nbytes = a.nbytes;
  if (nbytes === 0) return;
  const addr = a.address("fill");
  writeStored(d, addr, stored);
  // Repeating from a cache-resident prefix with memory.copy measured faster
  // than memory.fill in V8 (66 vs 38 GB/s on 6 MB), even for zeros.
  kernels().fill_repeat(addr, nbytes, DTYPES[d].itemsize);
}
