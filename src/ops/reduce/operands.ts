// A reduction's operands, as NumPy's ufunc.reduce treats them: the input
// and axes normalised; `out`, `where` and `initial` checked in NumPy's
// order and words before anything is computed; and the result finished
// into its dtype and keepdims shape (in the layout NumPy allocates, see
// reductionLayout) or the caller's `out`. Also the two steps mean and var
// share with NumPy's _methods.py: the in-place division by the count, and
// the deviations array `arr - arrmean`.
//
// `out=` follows ufunc.reduce, not the element-wise ufuncs: the loop dtype
// is promoted with out's dtype (sum(int8, out=int8) wraps in int8), the
// result is cast into out unsafely (NumPy reductions never raise a casting
// error), and the start value of each output element passes through out's
// dtype first (initial, or the first element for max/min).

import { AxisError, DTypeError, ValueError, formatShape } from "../../core/errors.js";
import { DTYPES, type DType, type Scalar } from "../../core/dtype.js";
import { NDArray, makeView } from "../../core/ndarray.js";
import { array, asarray, full, type ArrayLike } from "../creation.js";
import { emptyArray, redescribe } from "../../core/empty.js";
import { castingError, dtypeRepr } from "../../core/casting.js";
import { castInto } from "../cast.js";
import { divide } from "../math.js";
import { iterStrides, type UserOut } from "./order.js";
import { denseStrides, iteratorOrder } from "../../core/layout.js";

/**
 * Normalised, sorted reduced axes; NumPy's AxisError and duplicate messages.
 * @example reducedAxes(3, [-1, 0]) // [0, 2]
 */
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

/**
 * @internal NumPy's default accumulator dtype of sum, prod, cumsum and cumprod.
 * @example sumDType("int8") // "int64"
 */
export function sumDType(d: DType): DType {
  const t = DTYPES[d];
  if (d === "bool" || (t.kind === "i" && t.itemsize < 8)) return "int64";
  if (t.kind === "u" && t.itemsize < 8) return "uint64";
  return d;
}

/**
 * @internal NumPy's ufunc behind each reduction, as its messages name it.
 * @example UFUNC.max // "maximum"
 */
export const UFUNC: Readonly<Record<"sum" | "prod" | "max" | "min", string>> = { sum: "add", prod: "multiply", max: "maximum", min: "minimum" };

/**
 * @internal A user `out`: alive and writeable (NumPy checks this before anything else).
 * @example checkedOut(broadcastTo(zeros([1]), [2]), "sum") // throws ValueError: output array is read-only
 */
export function checkedOut(out: NDArray | undefined, fn: string): NDArray | undefined {
  if (out === undefined) return undefined;
  out.address(fn);
  if (!out.flags.writeable) throw new ValueError("output array is read-only");
  return out;
}

/**
 * @internal Runs `f` with the `where=` mask as a bool array (null for none or
 * `true`). NumPy casts the mask to bool under 'safe', so only bool arrays
 * pass (TypeError otherwise), before the axes are even looked at.
 * @example withWhere([true, false], (m) => m?.dtype) // "bool"
 */
export function withWhere<T>(where: ArrayLike | undefined, f: (mask: NDArray | null) => T): T {
  if (where === undefined || where === true) return f(null);
  const m = asarray(where);
  try {
    if (m.dtype !== "bool") {
      // NumPy words a 0-d mask as a scalar.
      if (m.ndim === 0) throw new DTypeError(`Cannot cast scalar from ${dtypeRepr(m.dtype)} to dtype('bool') according to the rule 'safe'`);
      throw castingError(m.dtype, "bool", "safe");
    }
    return f(m);
  } finally {
    if (m !== where) m.dispose();
  }
}

/** NumPy's convert_shape_to_string: negative entries are newaxis, leading ones are dropped. */
function shapeText(dims: readonly number[], ending: string): string {
  let i = 0;
  while (i < dims.length && dims[i]! < 0) i++;
  if (i === dims.length) return `()${ending}`;
  const parts = dims.slice(i).map((n) => (n < 0 ? "newaxis" : String(n)));
  return `(${parts.join(",")}${dims.length === 1 ? ",)" : ")"}${ending}`;
}

/**
 * @internal The operand checks of NumPy's reduction iterator over (out, input,
 * where), in its order and words: out's rank; one broadcast pass (out's
 * axes mapped onto the input's, reduced ones as newaxis unless keepdims);
 * then, innermost axis first, out's length-1 axes that would need a
 * reduction, keepdims axes that are not length 1, and input axes the
 * others would stretch (a reduction never broadcasts its input).
 * @example checkOperands("add", zeros([2, 3]), [1], false, zeros([3]), null) // throws ValueError: operands could not be broadcast…
 */
export function checkOperands(ufunc: string, a: NDArray, axes: readonly number[], keepdims: boolean, out: NDArray | undefined, mask: NDArray | null): void {
  const nd = a.ndim;
  if (out !== undefined) {
    const want = keepdims ? nd : nd - axes.length;
    if (out.ndim !== want) {
      throw new ValueError(
        `output parameter for reduction operation ${ufunc} has the wrong number of dimensions: Found ${out.ndim} but expected ${want}` +
          (keepdims ? " (must match the operand's when keepdims=True)" : ""),
      );
    }
  }
  if (out === undefined && mask === null) return;
  const outAxis: number[] = [];
  for (let i = 0, j = 0; i < nd; i++) outAxis.push(keepdims ? i : axes.includes(i) ? -1 : j++);
  const bshape = new Array<number>(nd).fill(1);
  const broadcastError = (): ValueError => {
    let text = "";
    if (out !== undefined) text += shapeText(out.shape, "->") + shapeText(outAxis.map((k) => (k < 0 ? -1 : out.shape[k]!)), " ");
    text += shapeText(a.shape, " ");
    if (mask !== null) text += shapeText(mask.shape, " ");
    return new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${text}`);
  };
  const merge = (i: number, n: number): void => {
    if (bshape[i] === 1) bshape[i] = n;
    else if (n !== 1 && n !== bshape[i]) throw broadcastError();
  };
  if (out !== undefined) for (let i = 0; i < nd; i++) if (outAxis[i]! >= 0) merge(i, out.shape[outAxis[i]!]!);
  for (let i = 0; i < nd; i++) merge(i, a.shape[i]!);
  if (mask !== null) {
    if (mask.ndim > nd) throw new ValueError("input operand has more dimensions than allowed by the axis remapping");
    for (let k = 0; k < mask.ndim; k++) merge(nd - mask.ndim + k, mask.shape[k]!);
  }
  for (let i = nd - 1; i >= 0; i--) {
    if (out !== undefined && outAxis[i]! >= 0) {
      const n = out.shape[outAxis[i]!]!;
      if (axes.includes(i)) {
        if (n !== 1) throw new ValueError(`operand was set up as a reduction along axis ${i}, but the length of the axis is ${n} (it has to be 1)`);
      } else if (n === 1 && bshape[i] !== 1) {
        throw new ValueError(
          `output operand requires a reduction along dimension ${outAxis[i]}, but the reduction is not enabled. ` +
            "The dimension size of 1 does not match the expected output shape.",
        );
      }
    }
    if (a.shape[i] === 1 && bshape[i] !== 1) {
      throw new ValueError(`non-broadcastable operand with shape ${formatShape(a.shape)} doesn't match the broadcast shape ${formatShape(bshape)}`);
    }
  }
}

/**
 * @internal A user out as NumPy's iterator sees it: byte strides over the
 * input's axes (0 on reduced ones) and whether it casts.
 * @example outInfo(zeros([2]), zeros([2, 3]), [1], false, "float64") // { strides: [8, 0], cast: false }
 */
export function outInfo(out: NDArray | undefined, a: NDArray, axes: readonly number[], keepdims: boolean, result: DType): UserOut | null {
  if (out === undefined) return null;
  const v: number[] = [];
  for (let i = 0, j = 0; i < a.ndim; i++) {
    if (keepdims) v.push(axes.includes(i) ? 0 : out.strides[i]!);
    else v.push(axes.includes(i) ? 0 : out.strides[j++]!);
  }
  return { strides: v, cast: out.dtype !== result };
}

/**
 * @internal `initial` as NumPy starts the reduction with it: stored into the
 * reduction dtype `d` as a Python scalar (OverflowError and ValueError as
 * `toStored`), then assigned to out (a cast to out's dtype) and read back.
 * @example startValue(2.5, "int64", undefined) // 2n
 */
export function startValue(v: Scalar, d: DType, out: NDArray | undefined): Scalar {
  const s = full([], v, { dtype: d });
  try {
    if (out === undefined || out.dtype === d) return s.item();
    const o = s.astype(out.dtype);
    const back = o.astype(d);
    o.dispose();
    const x = back.item();
    back.dispose();
    return x;
  } finally {
    s.dispose();
  }
}

/**
 * @internal An uninitialised array of `shape` and `dtype` with byte
 * `strides`, which must lay it out densely from offset 0 (a permutation of
 * C order, as NumPy's iterator allocates), owning its memory.
 * @example emptyStrided([2, 3], "float32", [4, 8]).flags.fContiguous // true
 */
export function emptyStrided(shape: readonly number[], dtype: DType, strides: readonly number[]): NDArray {
  return emptyArray(shape, dtype, strides);
}

/**
 * @internal Finishes a reduction: casts `r` (the reduced shape, laid out
 * as `reductionLayout` says) to the result dtype in the same layout, and
 * for keepdims gives the reduced axes back with `layout`'s strides (element
 * units over every axis of `a`). `r` is consumed.
 * @example finish(zeros([2]), "int32", zeros([2, 3]), [1], true, [1, 1]).strides // [4, 4]
 */
export function finish(r: NDArray, result: DType, a: NDArray, axes: readonly number[], keepdims: boolean, layout: readonly number[]): NDArray {
  let out = r;
  const item = DTYPES[result].itemsize;
  if (r.dtype !== result) {
    out = emptyStrided(r.shape, result, r.strides.map((s) => (s / r.itemsize) * item));
    try {
      castInto(out, r);
    } catch (e) {
      out.dispose();
      throw e;
    } finally {
      r.dispose();
    }
  }
  if (!keepdims) return out;
  const shape = a.shape.map((n, i) => (axes.includes(i) ? 1 : n));
  return redescribe(out, shape, layout.map((s) => s * item));
}

/**
 * @internal Finishes into `out` when given: the result (`r`, reduced shape, loop
 * dtype) is rounded to the reduction's dtype as NumPy's loop would, then
 * cast into out unsafely. `r` is disposed either way.
 * @example finishInto(zeros([2]), "float64", zeros([2, 3]), [1], false, out, [1, 0]) === out // true
 */
export function finishInto(
  r: NDArray,
  result: DType,
  a: NDArray,
  axes: readonly number[],
  keepdims: boolean,
  out: NDArray | undefined,
  layout: readonly number[],
): NDArray {
  if (out === undefined) return finish(r, result, a, axes, keepdims, layout);
  let v = r;
  let dst = out;
  try {
    if (r.dtype !== result) {
      v = emptyArray(r.shape, result);
      castInto(v, r);
    }
    if (keepdims) {
      const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
      dst = makeView(out, r.shape, kept.map((i) => out.strides[i]!), out.offset);
    }
    castInto(dst, v);
    return out;
  } finally {
    if (dst !== out) dst.dispose();
    if (v !== r) v.dispose();
    r.dispose();
  }
}

/**
 * @internal Divides `r` by the count in place, as NumPy's `true_divide(ret, rcount,
 * out=ret, casting='unsafe')`: the count is a strong intp there, so the
 * quotient is computed in float64 and cast back (float16 inf / n stays inf).
 * A count array (from `where=`) of r's size divides element by element.
 * @example divideInPlace(array([3, 5]), 2).toArray() // [1.5, 2.5]
 */
export function divideInPlace(r: NDArray, n: number | NDArray): NDArray {
  let c: NDArray;
  if (typeof n === "number") {
    if (r.dtype === "float64") {
      divide(r, n, { out: r });
      return r;
    }
    // A fractional ddof makes NumPy's count a float64.
    c = array(n, { dtype: Number.isInteger(n) ? "int64" : "float64" });
  } else c = n.reshape(r.shape);
  try {
    if (r.dtype === "float64") divide(r, c, { out: r });
    else {
      const q = divide(r, c);
      try {
        castInto(r, q);
      } finally {
        q.dispose();
      }
    }
    return r;
  } finally {
    if (c !== n) c.dispose();
  }
}

/**
 * @internal An uninitialised array for `_var`'s `arr - arrmean`, laid out as NumPy's
 * ufunc allocates it: in its iterator's order over arr and arrmean (whose
 * own layout is that of the sum that made it). The next sum's float result
 * depends on that layout (it decides how NumPy's loop walks and splits the
 * rows), and so does the variance's layout.
 * @example deviationsArray(a, m, "float64").shape // a.shape
 */
export function deviationsArray(a: NDArray, m: NDArray, d: DType): NDArray {
  const ms = m.strides.map((x, i) => (m.shape[i] === 1 ? 0 : x));
  const order = iteratorOrder(a.ndim, [...iterStrides(a, null), ms]);
  return emptyStrided(a.shape, d, denseStrides(a.shape, DTYPES[d].itemsize, order.slice().reverse()));
}
