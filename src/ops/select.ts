// NumPy's selection functions, each a thin layer over advanced indexing
// (src/ops/gather.ts) and the mask kernels (src/ops/mask.ts).

import { recordCopy } from "../core/ledger.js";
import { IndexError, ValueError } from "../core/errors.js";
import { DTYPES, type Scalar } from "../core/dtype.js";
import { kernels } from "../core/kernels.js";
import { allocationOrder, broadcastShapeOf, broadcastStrides, checkIntAxis, denseStrides, normalizeAxis, shapeSize } from "../core/layout.js";
import { NDArray, makeView } from "../core/ndarray.js";
import { arange, asarray, withArray, type ArrayLike } from "./creation.js";
import { emptyArray } from "../core/empty.js";
import { canCast, castingError, resultType, type Casting } from "../core/casting.js";
import { ravel } from "./reshape.js";
import { copyBroadcast, copyFrom } from "./cast.js";
import { gatherIndex, scatterIndex } from "./gather.js";
import { countTrue, expandInto, maskBytes, maskedCopy, trueCoordinates, truePositions } from "./compact.js";
import { slice, type Slice } from "../views/indexing.js";
import { stack } from "./join.js";
import { reducedAxes, sum, type ReduceOptions } from "./reduce/reduce.js";

/** Python's slice.indices(length): enough for the full slices built here. */
function adjustFull(s: Slice, length: number, out: number[]): void {
  void s;
  out[0] = 0;
  out[1] = 1;
  out[2] = length;
}

/** Options of `take`. */
export interface TakeOptions {
  /** Axis to take along; undefined or null (NumPy's default `axis=None`) takes from the flattened array. */
  axis?: number | null;
  /** Out-of-bounds indices: "raise" (default), "wrap" around, or "clip" to the ends. */
  mode?: "raise" | "wrap" | "clip";
}

/** The indices as int64, wrapped or clipped into [0, len) per `mode`. */
function modeIndices(ind: NDArray, len: number, mode: "wrap" | "clip"): NDArray {
  const src = ind.dtype === "int64" && ind.isC ? ind : ind.astype("int64", { order: "C" }); // the kernels read flat C order
  const out = emptyArray(ind.shape, "int64");
  try {
    if (out.size > 0) {
      if (len === 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
      const k = kernels();
      if (mode === "wrap") k.index_wrap_i64(out.address("take"), src.address("take"), out.size, BigInt(len));
      else k.index_clip_i64(out.address("take"), src.address("take"), out.size, BigInt(len));
    }
  } catch (e) {
    out.dispose();
    throw e;
  } finally {
    if (src !== ind) src.dispose();
  }
  return out;
}

/**
 * NumPy's `take`: elements (or sub-arrays along `axis`) at `indices`, a new
 * C-contiguous array of shape a.shape[:axis] + indices.shape +
 * a.shape[axis+1:]. Booleans are the integers 0 and 1 here, not a mask
 * (as NumPy, which casts the indices to intp); a 0-d `a` takes as a 1-d
 * array of one element. A non-integer axis raises NumPy's TypeError.
 * @example take(array([4, 3, 5]), [0, 2]).toArray() // [4n, 5n]
 */
export function take(a: ArrayLike, indices: ArrayLike, opts?: TakeOptions): NDArray {
  return recorded("take", takeImpl(a, indices, opts));
}

function takeImpl(a: ArrayLike, indices: ArrayLike, opts?: TakeOptions): NDArray {
  const mode = opts?.mode ?? "raise";
  if (mode !== "raise" && mode !== "wrap" && mode !== "clip") throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(mode)}')`);
  const flat = opts?.axis === undefined || opts.axis === null;
  const axis0 = flat ? 0 : checkIntAxis(opts.axis);
  return withArray(a, (arr) => {
    // NumPy's PyArray_CheckAxis: no axis flattens, and a 0-d array counts as 1-d.
    const src = flat || arr.ndim === 0 ? ravel(arr) : arr;
    try {
      const axis = normalizeAxis(axis0, src.ndim);
      return withArray(indices, (ind0) => {
        // take casts its indices to intp under "same_kind" (floats are refused, booleans are 0 and 1);
        // a list goes straight to intp, so an empty one is an empty intp array, not float64.
        const emptyList = Array.isArray(indices) && ind0.size === 0;
        if (!emptyList && !canCast(ind0.dtype, "int64", "same_kind")) throw castingError(ind0.dtype, "int64", "same_kind");
        // NumPy checks each index once per outer position as it fills the result, even for empty rows
        const shape = [...src.shape.slice(0, axis), ...ind0.shape, ...src.shape.slice(axis + 1)];
        if (shapeSize(shape) === 0) {
          if (shapeSize(src.shape.slice(0, axis)) === 0 || ind0.size === 0 || mode !== "raise") return emptyArray(shape, src.dtype);
        } else if (src.shape[axis] === 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
        const asInt = ind0.dtype === "bool" || emptyList ? ind0.astype("int64") : ind0;
        const ind = mode === "raise" ? asInt : modeIndices(asInt, src.shape[axis]!, mode);
        const ranges: NDArray[] = [];
        try {
          // The axes before `axis` are indexed by aranges broadcast against the
          // indices, so that every index axis is an outer loop and the result
          // comes out C-contiguous, as NumPy's.
          const comps: unknown[] = [];
          const tail = axis - 1 + ind.ndim;
          for (let i = 0; i < axis; i++) {
            const r = arange(src.shape[i]!);
            ranges.push(r);
            const v = r.reshape([src.shape[i]!, ...new Array<number>(tail - i).fill(1)]);
            ranges.push(v);
            comps.push(v);
          }
          comps.push(ind);
          return gatherIndex(src, comps, adjustFull, "take");
        } finally {
          for (const r of ranges.reverse()) r.dispose();
          if (ind !== asInt) ind.dispose();
          if (asInt !== ind0) asInt.dispose();
        }
      });
    } finally {
      if (src !== arr) src.dispose();
    }
  });
}

/**
 * The values flattened, cast to `d` and repeated (cycled) to length `n`;
 * null for empty values (put and putmask then write nothing, as NumPy).
 * `casting` checks array values as place/putmask do ("safe"); JS scalars
 * are weak and always pass.
 */
function cycled(values: ArrayLike, d: NDArray["dtype"], n: number, casting: Casting = "unsafe"): NDArray | null {
  return withArray(values, (v) => {
    if (v.size === 0) return null;
    const weak = typeof values === "number" || typeof values === "bigint" || typeof values === "boolean";
    if (!weak && !canCast(v.dtype, d, casting)) throw castingError(v.dtype, d, casting);
    const out = emptyArray([n], d);
    try {
      if (n === 0) return out;
      const flat = ravel(v);
      try {
        for (let at = 0; at < n; at += v.size) {
          const m = Math.min(v.size, n - at);
          const dst = makeView(out, [m], [DTYPES[d].itemsize], at * DTYPES[d].itemsize);
          const s = makeView(flat, [m], [flat.strides[0]!], flat.offset);
          try {
            copyFrom(dst, s);
          } finally {
            dst.dispose();
            s.dispose();
          }
        }
      } finally {
        if (flat !== v) flat.dispose();
      }
      return out;
    } catch (e) {
      out.dispose();
      throw e;
    }
  });
}

/**
 * Runs `write` on a C-order flat 1-d array over `a`'s elements, as NumPy's
 * put/place/putmask write through `a.flat`: a view when `a` is
 * C-contiguous; otherwise a C-order copy, written back only once `write`
 * has succeeded, so that a failing call leaves `a` as it was.
 */
function writeFlat(a: NDArray, fn: string, write: (flat: NDArray) => void): void {
  a.checkWriteable();
  a.address(fn);
  if (a.isC) {
    const flat = makeView(a, [a.size], [DTYPES[a.dtype].itemsize], a.offset);
    try {
      write(flat);
    } finally {
      flat.dispose();
    }
    return;
  }
  const flat = emptyArray([a.size], a.dtype);
  try {
    const dense = flat.reshape(a.shape);
    try {
      copyFrom(dense, a);
      write(flat);
      copyFrom(a, dense);
    } finally {
      dense.dispose();
    }
  } finally {
    flat.dispose();
  }
}

/**
 * NumPy's `put`: a.flat[ind] = v, with v cycled to the length of ind; later
 * indices win. Modes as `take`.
 * @example const a = arange(5); put(a, [0, 2], [-44, -55]); // [-44, 1, -55, 3, 4]
 */
export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, opts?: { mode?: "raise" | "wrap" | "clip" }): void {
  const mode = opts?.mode ?? "raise";
  writeFlat(a, "put", (flat) => {
    withArray(ind, (i0) => {
      const i1 = mode === "raise" ? i0 : modeIndices(i0, a.size, mode);
      try {
        const vals = cycled(v, a.dtype, i1.size);
        if (vals === null) return; // empty values: NumPy writes nothing
        try {
          scatterIndex(flat, [i1], vals.reshape(i1.shape), adjustFull);
        } finally {
          vals.dispose();
        }
      } finally {
        if (i1 !== i0) i1.dispose();
      }
    });
  });
}

/**
 * NumPy's `nonzero`: the indices of the nonzero elements, one int64 array per axis.
 * @example nonzero([[1, 0], [0, 3]]).map((x) => x.toArray()) // [[0n, 1n], [0n, 1n]]
 */
export function nonzero(a: ArrayLike): NDArray[] {
  return withArray(a, (arr) => {
    if (arr.ndim === 0) {
      throw new ValueError(
        "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.",
      );
    }
    const { mask, owned } = maskBytes(arr);
    try {
      return trueCoordinates(mask);
    } finally {
      if (owned) mask.dispose();
    }
  });
}

/**
 * NumPy's `flatnonzero`: indices of the nonzero elements of the flattened array (int64).
 * @example flatnonzero([0, 2, 0, 3]).toArray() // [1n, 3n]
 */
export function flatnonzero(a: ArrayLike): NDArray {
  return withArray(a, (arr) => {
    const { mask, owned } = maskBytes(arr);
    try {
      return truePositions(mask);
    } finally {
      if (owned) mask.dispose();
    }
  });
}

/**
 * NumPy's `argwhere`: the indices of the nonzero elements as an (N, ndim) int64 array.
 * @example argwhere([[1, 0], [0, 3]]).toArray() // [[0n, 0n], [1n, 1n]]
 */
export function argwhere(a: ArrayLike): NDArray {
  return withArray(a, (arr) => {
    if (arr.ndim === 0) {
      const { mask, owned } = maskBytes(arr);
      const n = countTrue(mask);
      if (owned) mask.dispose();
      return emptyArray([n, 0], "int64");
    }
    const cols = nonzero(arr);
    try {
      return stack(cols, { axis: 1 });
    } finally {
      for (const c of cols) c.dispose();
    }
  });
}

/**
 * NumPy's `count_nonzero`: without options, the number of nonzero
 * elements (NaN counts); with options, an int64 (intp) array of counts
 * over `axis`, as NumPy's `a.astype(bool).sum(axis, dtype=intp,
 * keepdims=keepdims)` — 0-d when every axis is counted, as the other
 * reductions.
 * @example countNonzero([[0, 1], [2, 0]]) // 2
 * @example countNonzero([[0, 1], [2, 3]], { axis: 1 }).toArray() // [1n, 2n]
 */
export function countNonzero(a: ArrayLike): number;
export function countNonzero(a: ArrayLike, opts: Pick<ReduceOptions, "axis" | "keepdims">): NDArray;
export function countNonzero(a: ArrayLike, opts?: Pick<ReduceOptions, "axis" | "keepdims">): number | NDArray {
  return withArray(a, (arr) => {
    // Axis errors before the bool copy exists, so there is nothing to free.
    if (opts !== undefined) {
      reducedAxes(arr.ndim, opts.axis);
      // NumPy sums a.astype(bool) in a's own order, so the counts take its layout.
      const b = arr.dtype === "bool" ? arr : arr.astype("bool");
      try {
        return sum(b, { axis: opts.axis, keepdims: opts.keepdims, dtype: "int64" });
      } finally {
        if (b !== arr) b.dispose();
      }
    }
    const { mask, owned } = maskBytes(arr);
    try {
      return countTrue(mask);
    } finally {
      if (owned) mask.dispose();
    }
  });
}

/**
 * NumPy's `compress`: the slices of `a` along `axis` (flattened when
 * undefined) where `condition` is true; a condition shorter than the axis
 * selects from its first entries only.
 * @example compress([false, true, true], array([[1, 2], [3, 4], [5, 6]]), { axis: 0 }).shape // [2, 2]
 */
export function compress(condition: ArrayLike, a: ArrayLike, opts?: { axis?: number | null }): NDArray {
  return recorded("compress", compressImpl(condition, a, opts));
}

function compressImpl(condition: ArrayLike, a: ArrayLike, opts?: { axis?: number | null }): NDArray {
  return withArray(condition, (c) => {
    if (c.ndim !== 1) throw new ValueError("condition must be a 1-d array");
    const idx = flatnonzero(c);
    try {
      return takeImpl(a, idx, { axis: opts?.axis ?? null });
    } finally {
      idx.dispose();
    }
  });
}

/**
 * NumPy's `extract`: the elements of ravel(arr) where ravel(condition) is nonzero.
 * @example extract([true, false, true], [1, 2, 3]).toArray() // [1n, 3n]
 */
export function extract(condition: ArrayLike, arr: ArrayLike): NDArray {
  return recorded("extract", extractImpl(condition, arr));
}

function extractImpl(condition: ArrayLike, arr: ArrayLike): NDArray {
  return withArray(condition, (c) => {
    const idx = flatnonzero(c);
    try {
      return takeImpl(arr, idx);
    } finally {
      idx.dispose();
    }
  });
}

/**
 * NumPy's `place`: the true positions of `mask` (in C order) get the values
 * of `vals` in turn, cycled. ValueError for empty `vals` with any true.
 * @example const a = arange(4); place(a, greater(a, 1), [9]); // [0, 1, 9, 9]
 */
export function place(arr: NDArray, mask: ArrayLike, vals: ArrayLike): void {
  writeFlat(arr, "place", (flat) => {
    withArray(mask, (m0) => {
      if (m0.size !== arr.size) throw new ValueError("place: mask and data must be the same size");
      const { mask: m, owned } = maskBytes(m0);
      try {
        const n = countTrue(m);
        const v = cycled(vals, arr.dtype, n, "safe");
        if (v === null) {
          if (n > 0) throw new ValueError("Cannot insert from an empty array!");
          return;
        }
        try {
          if (n > 0) expandInto(flat, m, v);
        } finally {
          v.dispose();
        }
      } finally {
        if (owned) m.dispose();
      }
    });
  });
}

/**
 * NumPy's `putmask`: a.flat[i] = values[i % len(values)] wherever mask.flat[i].
 * @example const a = arange(4); putmask(a, greater(a, 1), [10, 20, 30, 40]); // [0, 1, 30, 40]
 */
export function putmask(a: NDArray, mask: ArrayLike, values: ArrayLike): void {
  writeFlat(a, "putmask", (flat) => {
    withArray(mask, (m0) => {
      if (m0.size !== a.size) throw new ValueError("putmask: mask and data must be the same size");
      const { mask: m, owned } = maskBytes(m0);
      try {
        const v = cycled(values, a.dtype, a.size, "safe");
        if (v === null) return; // empty values: NumPy writes nothing
        try {
          maskedCopy(flat, m, v);
        } finally {
          v.dispose();
        }
      } finally {
        if (owned) m.dispose();
      }
    });
  });
}

/**
 * NumPy's `where`: with one argument, `nonzero(cond)`; with three, an
 * array of the broadcast shape taking x where cond is true and y
 * elsewhere, in the promoted dtype of x and y (NEP 50 for JS scalars).
 * @example where([true, false], 1, 2).toArray() // [1n, 2n]
 */
export function where(cond: ArrayLike): NDArray[];
export function where(cond: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(cond: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x !== undefined && y !== undefined) return recorded("where", whereImpl(cond, x, y) as NDArray);
  return whereImpl(cond, x, y);
}

function whereImpl(cond: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzero(cond);
  if (x === undefined || y === undefined) throw new ValueError("either both or neither of x and y should be given");
  const temps: NDArray[] = [];
  try {
    const c = asarray(cond);
    if (c !== cond) temps.push(c);
    const scalar = (v: ArrayLike): v is Scalar => typeof v === "number" || typeof v === "bigint" || typeof v === "boolean";
    const xa = scalar(x) ? null : asarray(x);
    if (xa && xa !== x) temps.push(xa);
    const ya = scalar(y) ? null : asarray(y);
    if (ya && ya !== y) temps.push(ya);
    const d = resultType(xa ?? (x as Scalar), ya ?? (y as Scalar));
    const shape = broadcastShapeOf([c.shape, xa?.shape ?? [], ya?.shape ?? []]);
    if (shape === null) {
      const shapes = [c.shape, xa?.shape ?? [], ya?.shape ?? []].map((sh) => (sh.length === 1 ? `(${sh[0]},)` : `(${sh.join(",")})`));
      throw new ValueError(`operands could not be broadcast together with shapes ${shapes.join(" ")} `);
    }
    // NumPy's where allocates through its iterator in keep order: the
    // iterator's axis order over cond, x and y (scalars do not vote).
    const voters = [c, xa, ya].filter((v): v is NDArray => v !== null).map((v) => broadcastStrides(v.shape, v.strides, shape)!);
    const perm = allocationOrder(shape.length, voters);
    const out = emptyArray(shape, d, denseStrides(shape, DTYPES[d].itemsize, perm));
    try {
      const fillFrom = (dst: NDArray, v: ArrayLike, va: NDArray | null): void => {
        if (va === null) dst.fill(wrapped(v as Scalar, d));
        else copyBroadcast(dst, va);
      };
      fillFrom(out, y, ya);
      // The blend kernel walks flat memory: x and the mask are laid out as `out`.
      const xs = xa === null ? emptyArray([1], d) : emptyArray(shape, d, out.strides);
      temps.push(xs);
      if (xa === null) xs.fill(x as Scalar);
      else fillFrom(xs, x, xa);
      const m = emptyArray(shape, "bool", denseStrides(shape, 1, perm));
      temps.push(m);
      if (c.dtype === "bool") copyBroadcast(m, c);
      else {
        const mb = maskBytes(c);
        if (mb.owned) temps.push(mb.mask);
        copyBroadcast(m, mb.mask);
      }
      maskedCopy(out, m, xs);
      return out;
    } catch (e) {
      out.dispose();
      throw e;
    }
  } finally {
    for (const t of temps) t.dispose();
  }
}

/**
 * NumPy's `where` turns a Python scalar into an array (int64 for an int)
 * and casts it unsafely to the result dtype: an out-of-range integer wraps
 * (`where(c, int8_array, 300)` writes 44) instead of raising.
 */
function wrapped(v: Scalar, d: NDArray["dtype"]): Scalar {
  const info = DTYPES[d];
  if ((info.kind !== "i" && info.kind !== "u") || typeof v === "boolean") return v;
  if (typeof v === "number" && !Number.isInteger(v)) return v;
  const bits = info.itemsize * 8;
  return info.kind === "i" ? BigInt.asIntN(bits, BigInt(v)) : BigInt.asUintN(bits, BigInt(v));
}

/** Reports a copying selection to the copy ledger. */
function recorded(op: string, out: NDArray): NDArray {
  recordCopy(op, out.nbytes);
  return out;
}
