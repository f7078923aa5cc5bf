// The public element-wise functions, by NumPy's names (camelCase), over the
// ufunc machinery in ./elementwise.ts. Every function takes arrays, JS
// scalars (weak, NEP 50), nested lists or TypedArrays, and an optional
// `{ out }`; the `…InPlace`-style forms are `fn(a, b, { out: a })`.

import { OverflowError, ValueError } from "../core/errors.js";
import { DTYPES, type DType, type Scalar } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { emptyArray } from "../core/empty.js";
import { asarray } from "./creation.js";
import { copyto } from "./copyto.js";
import { copy } from "./copy.js";
import { resultType } from "../core/casting.js";
import { binaryUfunc, unaryUfunc, type Operand, type UfuncOptions } from "./elementwise.js";

export type { Operand, UfuncOptions } from "./elementwise.js";

/** `x + y` with broadcasting (bool: logical or). @example add(arange(3), 1).toArray() // [1n, 2n, 3n] */
export function add(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("add", x, y, opts);
}
/** `x - y` (bool operands raise NumPy's TypeError). @example subtract(E, E.mean(0)) */
export function subtract(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("subtract", x, y, opts);
}
/** `x * y` (bool: logical and). @example multiply(E, 2.5).dtype // "float32" (2.5 is weak) */
export function multiply(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("multiply", x, y, opts);
}
/** True division `x / y`: integers and bools give float64. @example divide(arange(3), 2).dtype // "float64" */
export function divide(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("divide", x, y, opts);
}
/** The same as `divide` (NumPy's alias). */
export const trueDivide = divide;
/** `x // y`, rounding toward -inf; integer `x // 0` is 0 (NumPy warns, we do not). @example floorDivide(-7, array([2])).toArray() // [-4n] */
export function floorDivide(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("floor_divide", x, y, opts);
}
/** Python's `x % y` (the sign of `y`); integer `x % 0` is 0. @example mod(array([-7]), 3).toArray() // [2n] */
export function mod(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("remainder", x, y, opts);
}
/** NumPy's alias of `mod`. */
export const remainder = mod;
/** `x ** y`; integers to negative integer powers raise ValueError, as NumPy. @example power(array([2]), 10).toArray() // [1024n] */
export function power(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("power", x, y, opts);
}
/** Element-wise maximum; NaN propagates. @example maximum(array([1, 5]), 3).toArray() // [3n, 5n] */
export function maximum(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("maximum", x, y, opts);
}
/** Element-wise minimum; NaN propagates. @example minimum(array([1, 5]), 3).toArray() // [1n, 3n] */
export function minimum(x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  return binaryUfunc("minimum", x, y, opts);
}

/** `-x` (bool raises NumPy's TypeError; unsigned integers wrap). */
export function negative(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("negative", x, opts);
}
/** `|x|` (the most negative integer stays itself, as NumPy). @example abs(array([-2, 3])).toArray() // [2n, 3n] */
export function abs(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("absolute", x, opts);
}
/** NumPy's alias of `abs`. */
export const absolute = abs;
/** Square root; integers give float16/32/64 by size, as NumPy. @example sqrt(array([4])).toArray() // [2] */
export function sqrt(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("sqrt", x, opts);
}
/** `x * x`, keeping integer dtypes (bool gives int8). */
export function square(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("square", x, opts);
}
/** e^x. @example exp(array([0])).toArray() // [1] */
export function exp(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("exp", x, opts);
}
/** Natural logarithm (log(0) = -inf, log of a negative number NaN). */
export function log(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("log", x, opts);
}
/** log(1 + x), accurate near 0. */
export function log1p(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("log1p", x, opts);
}
/** e^x - 1, accurate near 0. */
export function expm1(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("expm1", x, opts);
}
/** Sine (radians). */
export function sin(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("sin", x, opts);
}
/** Cosine (radians). */
export function cos(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("cos", x, opts);
}
/** Hyperbolic tangent. */
export function tanh(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("tanh", x, opts);
}
/** -1, 0 or 1 by sign (NaN stays NaN; bool raises as NumPy). */
export function sign(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("sign", x, opts);
}
/** Largest integer <= x (integer dtypes are returned as they are, as NumPy 2). */
export function floor(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("floor", x, opts);
}
/** Smallest integer >= x (integer dtypes are returned as they are). */
export function ceil(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("ceil", x, opts);
}
/** Nearest integer, ties to even (NumPy's rint); integers give floats as NumPy's rint does. */
export function rint(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("rint", x, opts);
}
/** True where x is NaN (always false for integers and bools). */
export function isnan(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("isnan", x, opts);
}
/** True where x is neither NaN nor infinite. */
export function isfinite(x: Operand, opts?: UfuncOptions): NDArray {
  return unaryUfunc("isfinite", x, opts);
}

/** NumPy's round with decimals allocates F for an F-contiguous input, else C (not keep order, as ufuncs). */
function roundOrder(a: NDArray): "C" | "F" {
  return a.isF && !a.isC ? "F" : "C";
}

/**
 * NumPy's `round(a, decimals)` (`around`): ties to even at the given
 * decimal; for floats with decimals ≠ 0 it is NumPy's `rint(a * 10**d) / 10**d`
 * (so the same representation artefacts). Integers and bools keep their
 * dtype; integer rounding to negative decimals goes through float64 as NumPy.
 * @example round(array([0.5, 1.5, 2.675]), 2).toArray() // [0.5, 1.5, 2.67]
 */
export function round(x: Operand, decimals = 0, opts?: UfuncOptions): NDArray {
  if (!Number.isInteger(decimals)) throw new ValueError(`round: decimals must be an integer, got ${decimals}`);
  const a = asarray(x);
  let kept: NDArray | null = null;
  try {
    const kind = DTYPES[a.dtype].kind;
    if (kind !== "f") {
      // Nothing to round: NumPy copies in keep order (or writes `out`).
      if (decimals >= 0) {
        if (opts?.out !== undefined) return unaryUfunc("floor", a, opts);
        // A fresh conversion of JS data already is that copy.
        if (a !== x) return (kept = a);
        return copy(a, "K");
      }
      const f = 10 ** -decimals;
      const t = divide(a, f);
      try {
        rint(t, { out: t });
        multiply(t, f, { out: t });
        const r = t.astype(a.dtype, { order: roundOrder(a) });
        if (opts?.out === undefined) return r;
        copyto(opts.out, r);
        r.dispose();
        return opts.out;
      } finally {
        t.dispose();
      }
    }
    if (decimals === 0) return rint(a, opts);
    const f = 10 ** Math.abs(decimals);
    const y = opts?.out ?? emptyArray(a.shape, a.dtype, roundOrder(a));
    try {
      if (decimals > 0) multiply(a, f, { out: y });
      else divide(a, f, { out: y });
      rint(y, { out: y });
      return decimals > 0 ? divide(y, f, { out: y }) : multiply(y, f, { out: y });
    } catch (e) {
      if (y !== opts?.out) y.dispose();
      throw e;
    }
  } finally {
    if (a !== x && a !== kept) a.dispose();
  }
}

/** `round` under NumPy's other name. */
export const around = round;

/**
 * NumPy's `clip(a, min, max)`: `minimum(maximum(a, min), max)` with NEP 50
 * promotion over all three; `null` leaves a side open. A weak integer bound
 * outside an integer dtype's range is dropped when it cannot clip anything
 * (a min below the range, a max above it), as NumPy 2 does; the other way
 * round it raises NumPy's OverflowError. With both bounds null it is a copy.
 * @example clip(array([1, 5, 9]), 2, 6).toArray() // [2n, 5n, 6n]
 */
export function clip(a: Operand, min: Operand | null, max: Operand | null, opts?: UfuncOptions): NDArray {
  const x = asarray(a);
  try {
    const args = [x, ...[min, max].filter((v) => v !== null && !isWeakInt(v))] as (NDArray | Scalar)[];
    const strongArgs = args.map((v) => (v instanceof NDArray || typeof v !== "object" ? v : asarray(v as Operand)));
    const d = resultType(...(strongArgs as (NDArray | Scalar)[]));
    const lo = dropOutOfRange(min, d, "min");
    const hi = dropOutOfRange(max, d, "max");
    let r: NDArray;
    if (lo !== null) {
      r = maximum(x, lo, opts);
      if (hi !== null) minimum(r, hi, { out: r });
    } else if (hi !== null) {
      r = minimum(x, hi, opts);
    } else {
      r = opts?.out ?? x.astype(d);
      if (opts?.out) copyto(opts.out, x);
    }
    return r;
  } finally {
    if (x !== a) x.dispose();
  }
}

function isWeakInt(v: unknown): boolean {
  return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
}

function dropOutOfRange(v: Operand | null, d: DType, side: "min" | "max"): Operand | null {
  if (v === null || !isWeakInt(v)) return v;
  const t = DTYPES[d];
  if (t.kind !== "i" && t.kind !== "u") return v;
  const n = BigInt(v as number | bigint);
  if (n < BigInt(t.min)) {
    if (side === "min") return null;
    throw new OverflowError(`Python integer ${n} out of bounds for ${d}`);
  }
  if (n > BigInt(t.max)) {
    if (side === "max") return null;
    throw new OverflowError(`Python integer ${n} out of bounds for ${d}`);
  }
  return v;
}
