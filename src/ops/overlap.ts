// Memory overlap: do two views touch a common byte?
//
// The problem, the algorithm and its limits are described at the top of
// assembly/overlap.ts (NumPy's mem_overlap.c approach: a bounded linear
// Diophantine equation solved by Euclid-based enumeration under a work
// budget). This file keeps everything that is cheap in TypeScript, so that
// the common answers never cross into WebAssembly:
//
// - different allocations never share (each allocation is its own byte
//   range of the heap, and views stay inside theirs);
// - empty views share nothing, not even with themselves;
// - views whose byte extents [lowest byte, highest byte] are disjoint share
//   nothing (this is all `mayShareMemory` looks at, as NumPy's
//   may_share_memory);
// - views that start at the same byte share it.
//
// Only then are the terms of the equation written straight into the heap's
// scratch area (no objects, no BigInt) and the kernel decides.

import { DTYPES } from "../core/dtype.js";
import { DisposedError, OverflowError, TooHardError, ValueError } from "../core/errors.js";
import { kernels, scratch } from "../core/kernels.js";
import { f64 } from "../core/memory.js";
import type { NDArray } from "../core/ndarray.js";

/**
 * The write paths' view of overlap: "unknown" (the budget ran out, or the
 * numbers were too large) must be treated as "yes", i.e. copy through a
 * temporary.
 */
export type Overlap = "no" | "yes" | "unknown";

/** Options of `sharesMemory` and `mayShareMemory`. */
export interface SharesMemoryOptions {
  /**
   * NumPy's `max_work`: how many search nodes the exact solver may visit.
   * `undefined` (or -1) = no limit; `0` = look at the byte extents only;
   * a positive number = that budget.
   */
  maxWork?: number | undefined;
}

// The kernel's status codes (assembly/overlap.ts).
const NO = 0;
const YES = 1;
const TOO_HARD = 2;
const OVERFLOW = 3;

/** NumPy's MAY_SHARE_EXACT. */
const UNLIMITED = -1;
/** Terms plus the kernel's workspace (16 + 24 bytes per term) must fit the 64 KiB scratch. */
const MAX_TERMS = 1024;
/** Extents beyond this are not exact in doubles; the answer is OVERFLOW. */
const SAFE = Number.MAX_SAFE_INTEGER;

// A whole-heap Float64Array, rebuilt when the heap grows (growing detaches
// the old buffer). The scratch address is read per call: it is only known
// after init().
function disposed(fn: string): never {
  throw new DisposedError(`${fn}: the array has been disposed`);
}

/**
 * The solver's verdict as a status code. `strict` keeps NumPy's exact
 * behaviour under a positive budget (the same-first-byte shortcut would
 * answer "yes" where NumPy's search may run out of budget first).
 */
function solve(a: NDArray, b: NDArray, maxWork: number, strict: boolean, fn: string): number {
  const ma = a._mem;
  const mb = b._mem;
  if (!ma.live || !mb.live) disposed(fn);
  if (ma !== mb || a.size === 0 || b.size === 0) return NO;

  // Byte extents [lo, hi) relative to the allocation, as NumPy's
  // offset_bounds_from_strides.
  const sa = a.shape;
  const ta = a.strides;
  const sb = b.shape;
  const tb = b.strides;
  const na = sa.length;
  const nb = sb.length;
  const ia = DTYPES[a.dtype].itemsize;
  const ib = DTYPES[b.dtype].itemsize;
  let loA = a.offset;
  let hiA = loA + ia;
  for (let i = 0; i < na; i++) {
    const e = ta[i]! * (sa[i]! - 1);
    if (e > 0) hiA += e;
    else loA += e;
  }
  let loB = b.offset;
  let hiB = loB + ib;
  for (let i = 0; i < nb; i++) {
    const e = tb[i]! * (sb[i]! - 1);
    if (e > 0) hiB += e;
    else loB += e;
  }
  if (loA >= hiB || loB >= hiA) return NO;
  if (a.offset === b.offset && (!strict || maxWork < 0)) return YES;
  if (maxWork === 0) return TOO_HARD;
  if (hiA > SAFE || hiB > SAFE || loA < -SAFE || loB < -SAFE) return OVERFLOW;
  if (na + nb + 2 > MAX_TERMS) return TOO_HARD;

  // Σ|stride_a|·x_a + Σ|stride_b|·x_b' = (last byte of b) - (first byte of a),
  // or the mirror problem; take the smaller right-hand side, as NumPy.
  const rhs = Math.min(hiB - 1 - loA, hiA - 1 - loB);
  const s = scratch();
  const t = f64;
  let p = (s >>> 3) + 2;
  const first = p;
  for (let i = 0; i < na; i++) {
    const n = sa[i]!;
    const st = ta[i]!;
    if (n > 1 && st !== 0) {
      t[p] = st < 0 ? -st : st;
      t[p + 1] = n - 1;
      p += 2;
    }
  }
  for (let i = 0; i < nb; i++) {
    const n = sb[i]!;
    const st = tb[i]!;
    if (n > 1 && st !== 0) {
      t[p] = st < 0 ? -st : st;
      t[p + 1] = n - 1;
      p += 2;
    }
  }
  if (ia > 1) {
    t[p] = 1;
    t[p + 1] = ia - 1;
    p += 2;
  }
  if (ib > 1) {
    t[p] = 1;
    t[p + 1] = ib - 1;
    p += 2;
  }
  return kernels().overlap_solve(s, (p - first) >>> 1, rhs, maxWork < 0 ? -1 : Math.min(maxWork, SAFE));
}

/** NumPy's checks on `max_work`, in its words. */
function checkMaxWork(opts: SharesMemoryOptions | undefined, dflt: number): number {
  if (opts === undefined) return dflt;
  const w = opts.maxWork;
  if (w === undefined) return dflt;
  if (typeof w !== "number" || !Number.isInteger(w)) throw new ValueError("max_work must be an integer");
  // NumPy converts max_work to a C ssize_t: a JS integer beyond it (1e100, 2**63) overflows.
  if (w >= 2 ** 63 || w < -(2 ** 63)) throw new OverflowError("Python int too large to convert to C ssize_t");
  if (w < -2) throw new ValueError("Invalid value for max_work");
  return w;
}

/**
 * True when `a` and `b` share at least one byte (NumPy's `np.shares_memory`).
 * Exact by default; `maxWork` bounds the search as NumPy's `max_work`.
 * Empty arrays share nothing, not even with themselves.
 * @throws TooHardError "Exceeded max_work" when the budget runs out first
 *   (with `maxWork: 0`, whenever the byte extents overlap).
 * @throws OverflowError "Integer overflow in computing overlap" for extents beyond 2^53 bytes.
 * @throws ValueError "Invalid value for max_work" below -2, "max_work must be an integer";
 *   OverflowError "Python int too large to convert to C ssize_t" beyond ±2**63 (`1e100`).
 * @throws DisposedError when either array has been disposed.
 * @example
 * const x = zeros([4, 6]);
 * sharesMemory(x.get(":, ::2"), x.get(":, 1::2")); // false
 * sharesMemory(x.get(":, ::2"), x.get(":, 2::2")); // true
 */
export function sharesMemory(a: NDArray, b: NDArray, opts?: SharesMemoryOptions): boolean {
  const s = solve(a, b, checkMaxWork(opts, UNLIMITED), true, "sharesMemory");
  if (s === NO) return false;
  if (s === YES) return true;
  if (s === TOO_HARD) throw new TooHardError("Exceeded max_work");
  throw new OverflowError("Integer overflow in computing overlap");
}

/**
 * False only when `a` and `b` certainly share no byte (NumPy's
 * `np.may_share_memory`): by default it compares the byte extents only, so
 * interleaved views "may" share. A `maxWork` other than 0 asks the exact
 * solver, and an exhausted budget answers true.
 * @throws ValueError for a bad `maxWork`, DisposedError for a disposed array.
 * @example
 * const x = zeros([10]);
 * mayShareMemory(x.get("::2"), x.get("1::2"));                  // true (extents overlap)
 * mayShareMemory(x.get("::2"), x.get("1::2"), { maxWork: -1 }); // false
 * mayShareMemory(x.get(":5"), x.get("5:"));                     // false
 */
export function mayShareMemory(a: NDArray, b: NDArray, opts?: SharesMemoryOptions): boolean {
  return solve(a, b, checkMaxWork(opts, 0), true, "mayShareMemory") !== NO;
}

/**
 * @internal The three-valued answer the write paths consult before copying
 * `src` into `dst`: "no" means copy directly; "yes" and "unknown" mean copy
 * through a temporary (or in a safe direction).
 *
 * The default budget scales with the larger element count, as mem_overlap.c
 * suggests for ufuncs: a search node costs about as much as copying 32
 * elements, so deciding never costs much more than the temporary copy it
 * may save (at least 64 nodes, which every pair of slices of one parent
 * needs far less than). `maxWork: 0` is the bounds test alone, -1 exact.
 * @throws DisposedError when either array has been disposed.
 * @example
 * // In a write path: dst[...] = src
 * if (overlap(dst, src) === "no") copyDirect(dst, src); else copyViaTemporary(dst, src);
 */
export function overlap(a: NDArray, b: NDArray, maxWork?: number): Overlap {
  const w = maxWork === undefined ? Math.max(64, Math.floor(Math.max(a.size, b.size) / 32)) : maxWork;
  const s = solve(a, b, w, false, "overlap");
  return s === NO ? "no" : s === YES ? "yes" : "unknown";
}

/** @internal Search nodes the last kernel solve visited (for tests of the budget). */
export function lastOverlapWork(): number {
  return f64[scratch() >>> 3]!;
}
