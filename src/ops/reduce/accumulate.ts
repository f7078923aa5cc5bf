// argmin/argmax over one axis and cumsum/cumprod along one axis. Unlike the
// reductions these need no NumPy iteration order (a comparison or a running
// sum is sequential along its axis anyway), so the axis is copied innermost
// and contiguous in the kernel's dtype, and one kernel call
// (assembly/reduce/) walks all the rows. argmin/argmax results are C
// order, as NumPy's; cumsum/cumprod results are laid out in NumPy's
// iterator order of the input (an F input gives an F result), and when
// that order walks the axis innermost the rows themselves are the result.

import { ValueError } from "../../core/errors.js";
import { DTYPES, checkDType, type DType } from "../../core/dtype.js";
import { denseStrides, iteratorOrder, stridesFor } from "../../core/layout.js";
import { makeView, type NDArray } from "../../core/ndarray.js";
import { withArray, type ArrayLike } from "../creation.js";
import { emptyArray, filling } from "../../core/empty.js";
import { moveaxis } from "../../views/manipulation.js";
import { castInto } from "../cast.js";
import { copyFrom } from "../cast.js";
import { emptyStrided, reducedAxes, sumDType } from "./operands.js";
import { iterStrides } from "./order.js";
import { kernels } from "../../core/kernels.js";
import { ACCUMULATE_CODE, ARG_REDUCE_CODE, DTYPE_CODE } from "../../generated/codes.js";
import { partsFor, ranges, runParts } from "../../core/threads/pool.js";

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
    return filling(emptyArray(v.shape, d), (t) => {
      if (d === v.dtype) copyFrom(t, v);
      else if (v.dtype === "bool" && d === "uint8") {
        const b = t.view("bool");
        try {
          copyFrom(b, v);
        } finally {
          b.dispose();
        }
      } else castInto(t, v);
    });
  } finally {
    if (v !== a) v.dispose();
  }
}

/**
 * A row kernel (codes…, o, a, rows, n) over `rows` independent rows: one
 * call, or ranges of rows on the pool when large (each row's result is
 * computed exactly as in one call).
 */
function byRows(name: "arg_reduce" | "accumulate_rows", codes: number[], o: number, oRow: number, a: number, aRow: number, rows: number, n: number): void {
  const parts = Math.min(partsFor(rows * (aRow + oRow)), rows);
  if (parts <= 1) {
    kernels()[name](codes[0]!, codes[1]!, o, a, rows, n);
    return;
  }
  runParts(name, ranges(rows, parts).map(([r0, r1]) => [...codes, o + r0 * oRow, a + r0 * aRow, r1 - r0, n]));
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
        const isz = DTYPES[d].itemsize;
        filling(out, (o) => byRows("arg_reduce", [ARG_REDUCE_CODE[op], DTYPE_CODE[d]], o.address(op), 8, rows.address(op), n * isz, o.size, n));
      }
      if (!opts?.keepdims) return out;
      const shape = axis === null ? a.shape.map(() => 1) : a.shape.map((s, i) => (i === axis ? 1 : s));
      // NumPy's argmin/argmax results are C order, all-zero strides when empty.
      const v = makeView(out, shape, out.size === 0 ? shape.map(() => 0) : stridesFor(shape, 8, "C"), 0);
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
    // axis=None accumulates NumPy's C-order ravel; a 1-d result is C order.
    const shape = axis === null ? [a.size] : a.shape;
    const ax = axis ?? 0;
    // NumPy's accumulate allocates its result in its iterator's order of the input's axes (KEEPORDER).
    const order = axis === null ? [0] : iteratorOrder(a.ndim, iterStrides(a, null));
    // The kernel runs along contiguous rows: the accumulated axis innermost, the others in NumPy's order.
    const rowOrder = [ax, ...order.filter((i) => i !== ax)];
    const rows = emptyStrided(shape, loop, denseStrides(shape, DTYPES[loop].itemsize, rowOrder.slice().reverse()));
    try {
      const src = axis === null ? rows.reshape(a.shape) : rows;
      try {
        if (a.dtype === loop) copyFrom(src, a);
        else castInto(src, a);
      } finally {
        if (src !== rows) src.dispose();
      }
      const n = shape[ax]!;
      if (rows.size > 0) {
        const rowBytes = n * DTYPES[loop].itemsize;
        byRows("accumulate_rows", [ACCUMULATE_CODE[op], DTYPE_CODE[loop]], rows.address(op), rowBytes, rows.address(op), rowBytes, rows.size / n, n);
      }
      // The rows are the result when NumPy's order also walks the axis innermost (C input along the last axis, F along the first).
      if (order[0] === ax && result === loop) return rows;
      const out = emptyStrided(shape, result, denseStrides(shape, DTYPES[result].itemsize, order.slice().reverse()));
      try {
        if (result === loop) copyFrom(out, rows);
        else castInto(out, rows);
      } catch (e) {
        out.dispose();
        throw e;
      }
      rows.dispose();
      return out;
    } catch (e) {
      rows.dispose();
      throw e;
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
