// Reductions: sum, prod, mean, var, std, min, max, any, all over any set of
// axes, with NumPy's `initial=`, `where=` and `out=`. This is the one entry
// point of every reduction: argmin/argmax and cumsum/cumprod
// (src/ops/accumulate.ts) are re-exported here for NDArray's methods.
// The machinery lives beside it: reduce-operands.ts checks the arguments
// and finishes the result, reduce-into.ts runs the kernels in the order
// reduce-order.ts plans (NumPy's, so float sums are bit-identical).
//
// Results are laid out as NumPy allocates them: densely, in the order its
// iterator walks the input's (and a where mask's) axes, so an F-ordered
// input gives an F-ordered result, with keepdims strides to match
// (reductionLayout). The kernels write that layout directly; mean, var and
// std divide and take roots in place, so they keep it too.
//
// Accumulator dtypes are NumPy's: bool and signed integers sum in int64,
// unsigned in uint64, float16 in float32 (stored back as float16; NumPy
// rounds to float16 after every inner loop, so an axis-0 float16 sum can
// differ from NumPy's in the last float16 bit — ours is the more exact),
// mean of integers in float64.

import { AxisError, ValueError } from "../../core/errors.js";
import { DTYPES, checkDType, type DType, type Scalar } from "../../core/dtype.js";
import type { NDArray } from "../../core/ndarray.js";
import { asarray, withArray, zeros, type ArrayLike } from "../creation.js";
import { kernels } from "../../core/kernels.js";
import { broadcastTo } from "../../views/broadcast.js";
import { canCast, promoteTypes, resultType } from "../../core/casting.js";
import { castInto } from "../cast.js";
import { maximum, sqrt, subtract, square } from "../math.js";
import { reductionLayout } from "./order.js";
import { reduceInto, type Op } from "./into.js";
import { UFUNC, checkOperands, checkedOut, deviationsArray, divideInPlace, finishInto, outInfo, reducedAxes, startValue, sumDType, withWhere } from "./operands.js";
import { DTYPE_CODE } from "../../generated/codes.js";

// Part of this module's surface: select.ts takes reducedAxes from here, and
// NDArray's methods reach argmax…cumprod through this module's namespace.
export { reducedAxes } from "./operands.js";
export { argmax, argmin, cumsum, cumprod, type AxisOptions } from "./accumulate.js";

/**
 * Options of the reductions. `initial` is taken by sum, prod, max and min;
 * `where` and `out` by all of those and mean, var, std, any and all (each
 * function's signature says which). Every result is laid out as NumPy
 * allocates it: densely, in the order its iterator walks the input's axes
 * (and the mask's), so an F-ordered input gives an F-ordered result.
 * @example sum(a, { axis: 0, where: greater(a, 0), initial: 1 })
 */
export interface ReduceOptions {
  /** An axis, a list of axes, or null/undefined for all of them. */
  axis?: number | readonly number[] | null | undefined;
  /** Keep reduced axes as length 1 (so the result broadcasts against the input). */
  keepdims?: boolean | undefined;
  /** Accumulator and result dtype (NumPy's `dtype=`). */
  dtype?: DType | undefined;
  /**
   * NumPy's `where=`: a bool array (or nested booleans) broadcast against
   * the input; only elements where it is true take part. `true` is no mask,
   * `false` masks everything. Where nothing is selected sum and prod give
   * their identity (or `initial`), mean/var/std NaN; max and min need
   * `initial` whenever a mask is given, as in NumPy.
   */
  where?: ArrayLike | undefined;
  /**
   * NumPy's `initial=` (sum, prod, max, min): every output element starts
   * from it, so max/min of an empty selection is `initial` instead of an
   * error. A weak scalar: it never changes the result dtype and is stored
   * into it as NumPy stores a Python scalar (2.5 truncates into an integer
   * dtype; 300 into int8 raises OverflowError). null is none.
   */
  initial?: Scalar | null | undefined;
  /**
   * NumPy's `out=`: the array to write and return. Its shape must be the
   * result's (keepdims included); its dtype joins the loop dtype's
   * promotion and the result is cast into it unsafely, as NumPy's
   * reductions do (any/all reduce in bool, then cast; mean, var and std
   * divide in out, and std's square root must cast to out's dtype under
   * 'same_kind', as NumPy's `sqrt(ret, out=ret)`).
   */
  out?: NDArray | undefined;
}

/**
 * Options of `var` and `std` (`where` and `out`, no `initial`).
 * @example variance(array([1, 2, 3, 4]), { ddof: 1 }).item() // 1.6666666666666667
 */
export interface VarOptions extends Omit<ReduceOptions, "initial"> {
  /** Delta degrees of freedom: the divisor is N - ddof. */
  ddof?: number | undefined;
}

function loopOf(op: Op, d: DType): DType {
  if (d === "float16" && (op === "sum" || op === "prod")) return "float16";
  if (d === "float16" || d === "bfloat16") return "float32";
  if (d === "bool" && (op === "sum" || op === "prod")) return "bool";
  return d;
}

function sumLike(op: "sum" | "prod", x: ArrayLike, opts?: ReduceOptions): NDArray {
  const out = checkedOut(opts?.out, op);
  return withArray(x, (a) =>
    withWhere(opts?.where, (mask) => {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const keepdims = opts?.keepdims ?? false;
      checkOperands(UFUNC[op], a, axes, keepdims, out, mask);
      // With out and no dtype=, NumPy promotes the input with out's dtype (no int64 widening).
      const result =
        opts?.dtype !== undefined ? checkDType(opts.dtype) : out !== undefined ? promoteTypes(out.dtype, a.dtype) : sumDType(a.dtype);
      // Summing bools as bool is logical or (NumPy's add on bool), a product logical and.
      const loop = loopOf(op, result);
      const kop: Op = loop === "bool" ? (op === "sum" ? "max" : "min") : op;
      const init = opts?.initial === undefined || opts.initial === null ? null : startValue(opts.initial, result, out);
      const layout = reductionLayout(a, axes, mask);
      const r = reduceInto(kop, a, axes, loop, { init, mask, out: outInfo(out, a, axes, keepdims, result), numpyLoop: result, layout });
      return finishInto(r, result, a, axes, keepdims, out, layout);
    }),
  );
}

/**
 * Sum over `axis` (all axes by default) with NumPy's pairwise summation for
 * floats and NumPy's accumulators (int64 for bool and signed, uint64 for
 * unsigned integers). `initial` starts every sum, `where` selects the
 * elements, `out` receives the result (and is returned).
 * @example sum(array([[1, 2], [3, 4]]), { axis: 0 }).toArray() // [4n, 6n]
 * @example sum(array([1, 2, 3]), { where: [true, false, true], initial: 10 }).item() // 14n
 */
export function sum(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return sumLike("sum", x, opts);
}

/**
 * Product over `axis`, sequential as NumPy's, with sum's accumulator
 * dtypes and options (`initial`, `where`, `out`).
 * @example prod(array([2, 3])).item() // 6n
 * @example prod(array([2, 3]), { initial: 2 }).item() // 12n
 */
export function prod(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return sumLike("prod", x, opts);
}

function count(a: NDArray, axes: readonly number[]): number {
  let n = 1;
  for (const ax of axes) n *= a.shape[ax]!;
  return n;
}

/**
 * The number of elements each output reduces, as NumPy's
 * `_count_reduce_items`: a number without a mask, else an int64 array
 * (the mask broadcast to the input first, with NumPy's broadcast_to
 * errors, then summed over the axes).
 */
function countOf(a: NDArray, axis: ReduceOptions["axis"], where: ArrayLike | undefined, keepdims: boolean): number | NDArray {
  if (where === undefined || where === true) {
    // NumPy normalises each axis here (normalize_axis_index), which a 0-d array fails; the ufunc path lets 0 and -1 through.
    if (a.ndim === 0 && axis !== null && axis !== undefined) {
      const list = typeof axis === "number" ? [axis] : axis;
      if (list.length > 0) throw new AxisError(list[0]!, 0);
    }
    return count(a, reducedAxes(a.ndim, axis));
  }
  const w = asarray(where);
  try {
    const b = broadcastTo(w, a.shape);
    try {
      return sum(b, { axis, keepdims, dtype: "int64" });
    } finally {
      b.dispose();
    }
  } finally {
    if (w !== where) w.dispose();
  }
}

function disposeCount(c: number | NDArray): void {
  if (typeof c !== "number") c.dispose();
}

/**
 * Arithmetic mean over `axis`: integers and bools in float64, float16 in
 * float32 (result float16), others in their own dtype, as NumPy's `mean`.
 * With `where`, each output divides by its own count of selected elements;
 * the mean of nothing is NaN (NumPy also warns). With `out`, the sum is
 * cast into out and divided there, as NumPy does.
 * @example mean(array([1, 2, 3, 4])).item() // 2.5
 * @example mean(array([[1, 2], [3, 5]]), { axis: 1, where: [[true, true], [false, true]] }).toArray() // [1.5, 5]
 */
export function mean(x: ArrayLike, opts?: Omit<ReduceOptions, "initial">): NDArray {
  return withArray(x, (a) => {
    const n = countOf(a, opts?.axis, opts?.where, opts?.keepdims ?? false);
    try {
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
      const out = opts?.out;
      const s = sum(a, { axis: opts?.axis, keepdims: opts?.keepdims, dtype, where: opts?.where, out });
      try {
        divideInPlace(s, n);
      } catch (e) {
        if (s !== out) s.dispose();
        throw e;
      }
      if (f16 === null || out !== undefined) return s;
      const r = s.astype(f16);
      s.dispose();
      return r;
    } finally {
      disposeCount(n);
    }
  });
}

/**
 * Whether var over `axes` is axis 0 of C-contiguous float32/float64 rows of
 * at least two elements (no dtype change): there NumPy's deviations,
 * squares and axis-0 sum add each row into the result row in order, which
 * one fused pass reproduces bit for bit without the deviations array.
 */
function rowsOfFloats(a: NDArray, axes: readonly number[], dtype: DType | undefined): boolean {
  if ((a.dtype !== "float32" && a.dtype !== "float64") || (dtype !== undefined && dtype !== a.dtype)) return false;
  return a.isC && a.ndim >= 2 && axes.length === 1 && axes[0] === 0 && a.shape[0]! > 0 && a.size / a.shape[0]! >= 2;
}

/** Σ_r (a[r] - m)² over axis 0 into a fresh C array (keepdims: a leading 1), m the C row of means. */
function squaredDeviationRows(a: NDArray, m: NDArray, keepdims: boolean): NDArray {
  const rest = a.shape.slice(1);
  const r = zeros(keepdims ? [1, ...rest] : rest, { dtype: a.dtype });
  const rows = a.shape[0]!;
  kernels().sqdev_rows(DTYPE_CODE[a.dtype], r.address("var"), a.address("var"), m.address("var"), rows, a.size / rows);
  return r;
}

/**
 * Variance over `axis` with divisor N - ddof, computed as NumPy's `_var`:
 * mean (kept dims), deviations, squares, their sum, divided. With `where`,
 * N is each output's count of selected elements (NaN where N - ddof <= 0).
 * @example variance(array([1, 2, 3, 4])).item() // 1.25
 * @example variance(array([1, 2, 3, 10]), { where: [true, true, true, false] }).item() // 0.6666666666666666
 */
export function variance(x: ArrayLike, opts?: VarOptions): NDArray {
  return withArray(x, (a) => {
    const where = opts?.where;
    const keepdims = opts?.keepdims ?? false;
    const n = countOf(a, opts?.axis, where, true);
    try {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const ddof = opts?.ddof ?? 0;
      let dtype = opts?.dtype;
      const k = DTYPES[a.dtype].kind;
      if (dtype === undefined && (k === "b" || k === "i" || k === "u")) dtype = "float64";
      const m = sum(a, { axis: axes, keepdims: true, dtype, where });
      const out = opts?.out;
      let r: NDArray;
      if (where === undefined && out === undefined && rowsOfFloats(a, axes, dtype)) {
        try {
          divideInPlace(m, n);
          r = squaredDeviationRows(a, m, keepdims);
        } finally {
          m.dispose();
        }
      } else {
        let dev: NDArray;
        try {
          divideInPlace(m, n);
          dev = deviationsArray(a, m, resultType(a, m));
          try {
            subtract(a, m, { out: dev });
          } catch (e) {
            dev.dispose();
            throw e;
          }
        } finally {
          m.dispose();
        }
        try {
          square(dev, { out: dev });
          r = sum(dev, { axis: axes, keepdims, dtype, where, out });
        } finally {
          dev.dispose();
        }
      }
      try {
        if (typeof n === "number") return divideInPlace(r, Math.max(n - ddof, 0));
        // NumPy's maximum(rcount - ddof, 0): int64, or float64 for a fractional ddof.
        const less = subtract(n, ddof);
        try {
          maximum(less, 0, { out: less });
          return divideInPlace(r, less);
        } finally {
          less.dispose();
        }
      } catch (e) {
        if (r !== out) r.dispose();
        throw e;
      }
    } finally {
      disposeCount(n);
    }
  });
}

/**
 * Standard deviation: the square root of `variance` (same options, `where`
 * and `out` included), taken in place as NumPy's `sqrt(ret, out=ret)`: an
 * out (or a `dtype=`) sqrt's result cannot cast to under 'same_kind' raises
 * NumPy's TypeError after the variance was written, as NumPy's does.
 * @example std(array([1, 2, 3, 4])).item() // 1.118033988749895
 * @example std(array([1, 3, 100]), { where: [true, true, false] }).item() // 1
 */
export function std(x: ArrayLike, opts?: VarOptions): NDArray {
  const out = opts?.out;
  const v = variance(x, opts);
  try {
    if (out !== undefined || v.ndim > 0 || DTYPES[v.dtype].kind === "f") return sqrt(v, { out: v });
    // A 0-d result without out is a NumPy scalar there: `ret.dtype.type(sqrt(ret))` casts the root back.
    const r = sqrt(v);
    try {
      castInto(v, r);
    } finally {
      r.dispose();
    }
    return v;
  } catch (e) {
    if (v !== out) v.dispose();
    throw e;
  }
}

function minMax(op: "max" | "min", x: ArrayLike, opts?: ReduceOptions): NDArray {
  const out = checkedOut(opts?.out, op);
  return withArray(x, (a) =>
    withWhere(opts?.where, (mask) => {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const keepdims = opts?.keepdims ?? false;
      const ufunc = UFUNC[op];
      checkOperands(ufunc, a, axes, keepdims, out, mask);
      const initial = opts?.initial ?? null;
      if (mask !== null && initial === null) {
        throw new ValueError(`reduction operation '${ufunc}' does not have an identity, so to use a where mask one has to specify 'initial'`);
      }
      const result = out !== undefined ? promoteTypes(out.dtype, a.dtype) : a.dtype;
      let init: Scalar | null = null;
      let firstVia: DType | null = null;
      if (initial !== null) init = startValue(initial, result, out);
      else {
        if (count(a, axes) === 0) throw new ValueError(`zero-size array to reduction operation ${ufunc} which has no identity`);
        // Only an out that cannot hold every input value changes what the first element is.
        if (out !== undefined && !canCast(a.dtype, out.dtype, "safe")) firstVia = out.dtype;
      }
      const loop = loopOf(op, result);
      const layout = reductionLayout(a, axes, mask);
      const r = reduceInto(op, a, axes, loop, { init, mask, firstVia, out: outInfo(out, a, axes, keepdims, result), numpyLoop: result, layout });
      return finishInto(r, result, a, axes, keepdims, out, layout);
    }),
  );
}

/**
 * Largest element over `axis`; NaN propagates. Without `initial`, an empty
 * reduction raises NumPy's ValueError and so does any `where` mask;
 * `initial` is a floor every output starts from. `out` as in `sum`.
 * @example max(array([[1, 5], [7, 2]]), { axis: 1 }).toArray() // [5n, 7n]
 * @example max(zeros([0, 2]), { axis: 0, initial: -1 }).toArray() // [-1, -1]
 */
export function max(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return minMax("max", x, opts);
}

/**
 * Smallest element over `axis` (see `max`; `initial` is a ceiling).
 * @example min(array([4, 9, 1]), { where: [true, true, false], initial: 100 }).item() // 4n
 */
export function min(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return minMax("min", x, opts);
}

/**
 * Options of `any` and `all` (`where` and `out`; no `dtype` or `initial`).
 * @example any(array([[0, 1], [0, 0]]), { axis: 1, keepdims: true }).toArray() // [[true], [false]]
 */
export type AnyAllOptions = Omit<ReduceOptions, "dtype" | "initial">;

function anyAll(op: "max" | "min", x: ArrayLike, opts?: AnyAllOptions): NDArray {
  const out = checkedOut(opts?.out, op === "max" ? "any" : "all");
  return withArray(x, (a) =>
    withWhere(opts?.where, (mask) => {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const keepdims = opts?.keepdims ?? false;
      checkOperands(op === "max" ? "logical_or" : "logical_and", a, axes, keepdims, out, mask);
      // NumPy reduces in bool (dtype=bool) and casts the result into out.
      const layout = reductionLayout(a, axes, mask);
      return finishInto(reduceInto(op, a, axes, "bool", { mask, layout }), "bool", a, axes, keepdims, out, layout);
    }),
  );
}

/**
 * True where any element over `axis` is nonzero (NaN counts as nonzero);
 * false for empty or where `where` selects nothing. `out` receives the
 * result cast to its dtype.
 * @example any(array([0, 0, 3]), { where: [true, true, false] }).item() // false
 */
export function any(x: ArrayLike, opts?: AnyAllOptions): NDArray {
  return anyAll("max", x, opts);
}

/**
 * True where every element over `axis` is nonzero; true for empty or where
 * `where` selects nothing.
 * @example all(array([1, 0, 3]), { where: [true, false, true] }).item() // true
 */
export function all(x: ArrayLike, opts?: AnyAllOptions): NDArray {
  return anyAll("min", x, opts);
}

// Re-exported for NDArray's methods: `var` is a reserved word in JS.
export { variance as var_ };
