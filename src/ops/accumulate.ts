// argmin/argmax over one axis and cumsum/cumprod along one axis. Unlike the
// reductions these need no NumPy iteration order (a comparison or a running
// sum is sequential along its axis anyway), so the axis is moved last and
// copied C-contiguous in the kernel's dtype, and one kernel call
// (assembly/reduce.ts) walks all the rows.

import { ValueError } from "../errors.js";
import { DTYPES, checkDType, type DType } from "../dtype.js";
import { stridesFor } from "../layout.js";
import { makeView, type NDArray } from "../ndarray.js";
import { emptyArray, withArray, type ArrayLike } from "../creation.js";
import { moveaxis } from "../manipulation.js";
import { castInto } from "./astype.js";
import { copyFrom } from "./copy.js";
import { kernel } from "./reduce-into.js";
import { reducedAxes, sumDType } from "./reduce-operands.js";

/**
 * Options of argmin/argmax and cumsum/cumprod: one axis or all (flattened).
 * @example argmax(array([[1, 9], [8, 2]]), { axis: 1, keepdims: true }).toArray() // [[1n], [0n]]
 */
export interface AxisOptions {
  axis?: number | null | undefined;
  keepdims?: boolean | undefined;
}

/** The dtype the arg and accumulate kernels read for `d` (half types compare and add in float32, bool as uint8). */
function rowDType(d: DType): DType {
  if (d === "float16" || d === "bfloat16") return "float32";
  if (d === "bool") return "uint8";
  return d;
}

/** `a` with `axis` moved last, copied C-contiguous in dtype `d` (or flattened for axis null). */
function rowsOf(a: NDArray, axis: number | null, d: DType): NDArray {
  const v = axis === null ? a.reshape([-1]) : moveaxis(a, axis, -1);
  try {
    const t = emptyArray(v.shape, d);
    if (d === v.dtype) copyFrom(t, v);
    else if (v.dtype === "bool" && d === "uint8") copyFrom(t.view("bool"), v);
    else castInto(t, v);
    return t;
  } finally {
    if (v !== a) v.dispose();
  }
}

function argReduce(op: "argmax" | "argmin", x: ArrayLike, opts?: AxisOptions): NDArray {
  return withArray(x, (a) => {
    const axis = opts?.axis === null || opts?.axis === undefined || a.ndim === 0 ? null : reducedAxes(a.ndim, opts.axis)[0]!;
    if (a.ndim === 0 && opts?.axis !== null && opts?.axis !== undefined) reducedAxes(0, opts.axis);
    const n = axis === null ? a.size : a.shape[axis]!;
    if (n === 0) throw new ValueError(`attempt to get ${op} of an empty sequence`);
    const d = rowDType(a.dtype);
    const rows = rowsOf(a, axis, d);
    try {
      const outShape = axis === null ? [] : a.shape.filter((_, i) => i !== axis);
      const out = emptyArray(outShape, "int64");
      if (out.size > 0) {
        kernel<(o: number, a: number, rows: number, n: number) => void>(`${op}_${d}`)(out.address(op), rows.address(op), out.size, n);
      }
      if (!opts?.keepdims) return out;
      const shape = axis === null ? a.shape.map(() => 1) : a.shape.map((s, i) => (i === axis ? 1 : s));
      const v = makeView(out, shape, stridesFor(shape, 8, "C"), 0);
      out.dispose();
      return v;
    } finally {
      rows.dispose();
    }
  });
}

/** Index of the first maximum along `axis` (of the flattened array by default); a NaN wins. @example argmax(array([1, 9, 9])).item() // 1n */
export function argmax(x: ArrayLike, opts?: AxisOptions): NDArray {
  return argReduce("argmax", x, opts);
}

/** Index of the first minimum (see `argmax`). @example argmin(array([3, 1, 1])).item() // 1n */
export function argmin(x: ArrayLike, opts?: AxisOptions): NDArray {
  return argReduce("argmin", x, opts);
}

function accumulate(op: "cumsum" | "cumprod", x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return withArray(x, (a) => {
    const axis = opts?.axis === null || opts?.axis === undefined || a.ndim === 0 ? null : reducedAxes(a.ndim, opts.axis)[0]!;
    if (a.ndim === 0 && opts?.axis !== null && opts?.axis !== undefined) reducedAxes(0, opts.axis);
    const result = opts?.dtype !== undefined ? checkDType(opts.dtype) : sumDType(a.dtype);
    const rk = DTYPES[result].kind;
    const loop: DType = rk === "f" ? (result === "float64" || result === "float16" ? result : "float32") : "int64";
    const shape = axis === null ? [a.size] : a.shape;
    const rows = rowsOf(a, axis, loop);
    try {
      const n = rows.shape.length === 0 ? 1 : rows.shape[rows.ndim - 1]!;
      if (rows.size > 0) {
        kernel<(o: number, a: number, rows: number, n: number) => void>(`${op}_${loop}`)(
          rows.address(op),
          rows.address(op),
          rows.size / n,
          n,
        );
      }
      const out = emptyArray(shape, result);
      const back = axis === null ? rows : moveaxis(rows, -1, axis);
      try {
        if (result === "bool") castInto(out, back);
        else if (back.dtype === result) copyFrom(out, back);
        else castInto(out, back);
      } finally {
        if (back !== rows) back.dispose();
      }
      return out;
    } finally {
      rows.dispose();
    }
  });
}

/**
 * Running sum along `axis` (of the flattened array by default), with sum's
 * accumulator dtypes; sequential, as NumPy's. float16 accumulates in float32.
 * @example cumsum(array([1, 2, 3])).toArray() // [1n, 3n, 6n]
 */
export function cumsum(x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return accumulate("cumsum", x, opts);
}

/** Running product along `axis` (see `cumsum`). @example cumprod(array([1, 2, 3])).toArray() // [1n, 2n, 6n] */
export function cumprod(x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return accumulate("cumprod", x, opts);
}
