// Element-wise comparisons and logical operations into bool arrays, with
// NumPy's broadcasting and NEP 50 scalar rules, on assembly/compare.ts (compare, logical).
//
// Layout. The result is allocated as NumPy's ufuncs allocate theirs, in
// keep order (the iterator's axis order over the array operands), and every
// operand is handed to the flat kernels dense in that same order: as it is
// when it already is, else through a temporary.
//
// The common type decides the kernel: `resultType` of the operands (a JS
// number or bigint is a weak scalar, so `E > 0` compares in float32).
// float16 and bfloat16 compare as float32 (exact), bool as uint8. An array
// that is not contiguous, not of that type or broadcast is first copied
// into a contiguous temporary; the kernels then see flat runs only. A JS
// integer outside an integer dtype's range compares mathematically, as in
// NumPy 2 (`uint8 > 300` is all false), without the kernel.

import { bfloat16BitsToNumber, float16BitsToNumber, float64ToBfloat16Bits, float64ToFloat16Bits } from "../core/half.js";
import { DTYPES, type DType, type Scalar } from "../core/dtype.js";
import { kernels } from "../core/kernels.js";
import { broadcastShapeOf, orderedLayout, ufuncOrderPerm } from "../core/layout.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "./creation.js";
import { emptyArray, filling } from "../core/empty.js";
import { resultType } from "../core/casting.js";
import { OverflowError, ValueError, formatShape } from "../core/errors.js";
import { copyBroadcast } from "./cast.js";
import { maskBytes } from "./compact.js";
import { COMPARE_CODE, DTYPE_CODE, LOGICAL_CODE } from "../generated/codes.js";
import { scratch } from "../core/kernels.js";
import { writeStored } from "../core/dtype.js";
import { partsFor, ranges, runParts } from "../core/threads/pool.js";

/** Kernel operator codes (assembly/codes.ts Compare): ==, !=, <, <=, >, >=. */
const { equal: EQ, not_equal: NE, less: LT, less_equal: LE, greater: GT, greater_equal: GE } = COMPARE_CODE;
/** The operator with its operands swapped (s < a is a > s). */
const SWAP = [EQ, NE, GT, GE, LT, LE];

/** The dtype the kernels compare `d` in. */
function kernelType(d: DType): DType {
  if (d === "float16" || d === "bfloat16") return "float32";
  if (d === "bool") return "uint8";
  return d;
}

function isScalar(x: unknown): x is Scalar {
  return typeof x === "number" || typeof x === "bigint" || typeof x === "boolean";
}

/** Whether `a` (of `shape`) is laid out exactly as `strides` (length-1 axes aside). */
function laidOutAs(a: NDArray, shape: readonly number[], strides: readonly number[]): boolean {
  if (a.shape.length !== shape.length) return false;
  for (let i = 0; i < shape.length; i++) {
    if (a.shape[i] !== shape[i]) return false;
    if (shape[i] !== 1 && a.strides[i] !== strides[i]) return false;
  }
  return true;
}

/**
 * `a` broadcast to `shape`, converted to `d` and dense in axis order `perm`
 * (null: C), as the flat kernels walk it: `a` itself when it already is.
 */
function operand(a: NDArray, shape: readonly number[], d: DType, perm: readonly number[] | null, temps: NDArray[]): NDArray {
  const layout = orderedLayout(shape, DTYPES[d].itemsize, perm);
  const same = a.shape.length === shape.length && a.shape.every((n, i) => n === shape[i]);
  const fits = layout === "C" ? same && a.isC : laidOutAs(a, shape, layout);
  if (fits && kernelType(a.dtype) === d && DTYPES[a.dtype].itemsize === DTYPES[d].itemsize) return a;
  const out = emptyArray(shape, d, layout);
  temps.push(out);
  copyBroadcast(out, a);
  return out;
}

/**
 * NEP 50: a weak scalar takes the dtype of the comparison before it is
 * compared, so a float16 array sees 65536 as inf and a bool array cannot
 * hold 2**63. (float32 rounding happens when the scalar is stored as float32.)
 */
function weakInto(s: Scalar, d: DType): Scalar {
  if (typeof s === "boolean") return s;
  if (d === "float16") return float16BitsToNumber(float64ToFloat16Bits(Number(s)));
  if (d === "bfloat16") return bfloat16BitsToNumber(float64ToBfloat16Bits(Number(s)));
  if ((d === "int64" || d === "uint64") && (typeof s === "bigint" || Number.isInteger(s))) {
    const v = BigInt(s);
    if (v < BigInt(DTYPES[d].min) || v > BigInt(DTYPES[d].max)) throw new OverflowError("Python int too large to convert to C long");
  }
  return s;
}

/** A JS scalar in the stored form of kernel type `d`. */
function scalarArg(s: Scalar, d: DType): number | bigint {
  const v = typeof s === "boolean" ? (s ? 1 : 0) : s;
  if (d === "int64" || d === "uint64") return typeof v === "bigint" ? v : BigInt(v);
  return Number(v);
}

/**
 * The constant answer of `x op s` for every x of integer dtype `d` when the
 * integer `s` lies outside d's range; null when it lies inside.
 */
function outOfRange(d: DType, s: Scalar, op: number): boolean | null {
  const info = DTYPES[d];
  if (info.kind !== "i" && info.kind !== "u") return null;
  if (typeof s === "boolean" || (typeof s === "number" && !Number.isInteger(s))) return null;
  const v = BigInt(s);
  const above = v > BigInt(info.max);
  const below = v < BigInt(info.min);
  if (!above && !below) return null;
  // Every x is below s (above) or above s (below).
  if (op === EQ) return false;
  if (op === NE) return true;
  return above ? op === LT || op === LE : op === GT || op === GE;
}

/**
 * An array against the scalar in scratch (`b` null) or against a second
 * array, element-wise over contiguous operands of `itemsize` bytes: cut
 * into element ranges on the pool when large (a scalar is only read, so
 * every part shares it).
 */
function compareFlat(op: number, code: number, out: number, a: number, b: number | null, itemsize: number, n: number): void {
  const parts = partsFor(n * ((b === null ? 1 : 2) * itemsize + 1));
  if (parts === 1) {
    kernels().compare(op, code, out, a, b ?? scratch(), n, b === null);
    return;
  }
  runParts("compare", ranges(n, parts, 64).map(([s, e]) => [op, code, out + s, a + s * itemsize, b === null ? scratch() : b + s * itemsize, e - s, b === null ? 1 : 0]));
}

/** A logical op over contiguous bool bytes, in element ranges on the pool when large. */
function logicalFlat(op: number, out: number, a: number, b: number, n: number): void {
  const parts = partsFor(3 * n);
  if (parts === 1) {
    kernels().logical(op, out, a, b, n);
    return;
  }
  runParts("logical", ranges(n, parts, 64).map(([s, e]) => [op, out + s, a + s, b + s, e - s]));
}

function compare(x: ArrayLike, y: ArrayLike, op: number): NDArray {
  const temps: NDArray[] = [];
  try {
    if (isScalar(y) || isScalar(x)) {
      if (isScalar(x) && isScalar(y)) return compare(asarray(x), y, op);
      const arrFirst = isScalar(y);
      const a0 = arrFirst ? x : y;
      const s = (arrFirst ? y : x) as Scalar;
      const a = asarray(a0);
      if (a !== a0) temps.push(a);
      const o = arrFirst ? op : SWAP[op]!;
      const d = resultType(a, s);
      const perm = ufuncOrderPerm(a.shape, [a], d);
      return filling(emptyArray(a.shape, "bool", orderedLayout(a.shape, 1, perm)), (out) => {
        if (out.size === 0) return;
        const constant = outOfRange(a.dtype, s, o);
        if (constant !== null) {
          out.fill(constant);
          return;
        }
        const kd = kernelType(d);
        const src = operand(a, a.shape, kd, perm, temps);
        // The scalar goes to the scratch area in the kernel dtype (the kernel reads it once).
        writeStored(kd, scratch(), scalarArg(weakInto(s, d), kd));
        compareFlat(o, DTYPE_CODE[kd], out.address("compare"), src.address("compare"), null, DTYPES[kd].itemsize, out.size);
      });
    }
    const a = asarray(x);
    if (a !== x) temps.push(a);
    const b = asarray(y);
    if (b !== y) temps.push(b);
    const shape = broadcastShapeOf([a.shape, b.shape]);
    if (shape === null) {
      throw new ValueError(`operands could not be broadcast together with shapes ${formatShape(a.shape)} ${formatShape(b.shape)} `);
    }
    const common = resultType(a, b);
    const kd = kernelType(common);
    const perm = ufuncOrderPerm(shape, [a, b], common);
    return filling(emptyArray(shape, "bool", orderedLayout(shape, 1, perm)), (out) => {
      if (out.size === 0) return;
      const pa = operand(a, shape, kd, perm, temps);
      const pb = operand(b, shape, kd, perm, temps);
      compareFlat(op, DTYPE_CODE[kd], out.address("compare"), pa.address("compare"), pb.address("compare"), DTYPES[kd].itemsize, out.size);
    });
  } finally {
    for (const t of temps) t.dispose();
  }
}

/** `a > b` element-wise (NumPy's `greater`), broadcasting; a bool array. @example greater(E, 0) // the mask of E > 0 */
export function greater(a: ArrayLike, b: ArrayLike): NDArray {
  return compare(a, b, GT);
}
/** `a >= b` element-wise (NumPy's `greater_equal`). @example greaterEqual(arange(3), 1).toArray() // [false, true, true] */
export function greaterEqual(a: ArrayLike, b: ArrayLike): NDArray {
  return compare(a, b, GE);
}
/** `a < b` element-wise (NumPy's `less`). @example less(arange(3), 1).toArray() // [true, false, false] */
export function less(a: ArrayLike, b: ArrayLike): NDArray {
  return compare(a, b, LT);
}
/** `a <= b` element-wise (NumPy's `less_equal`). @example lessEqual(arange(3), 1).toArray() // [true, true, false] */
export function lessEqual(a: ArrayLike, b: ArrayLike): NDArray {
  return compare(a, b, LE);
}
/** `a == b` element-wise (NumPy's `equal`; NaN equals nothing). @example equal([1, 2], [1, 3]).toArray() // [true, false] */
export function equal(a: ArrayLike, b: ArrayLike): NDArray {
  return compare(a, b, EQ);
}
/** `a != b` element-wise (NumPy's `not_equal`). @example notEqual([1, 2], 2).toArray() // [true, false] */
export function notEqual(a: ArrayLike, b: ArrayLike): NDArray {
  return compare(a, b, NE);
}

/** 0/1 bytes of `a` (nonzero = true) broadcast to `shape`, dense in axis order `perm`. */
function truth(a: NDArray, shape: readonly number[], perm: readonly number[] | null, temps: NDArray[]): NDArray {
  if (a.dtype === "bool") return operand(a, shape, "bool", perm, temps);
  const { mask, owned } = maskBytes(a);
  if (owned) temps.push(mask);
  return operand(mask, shape, "bool", perm, temps);
}

function logical(x: ArrayLike, y: ArrayLike | null, op: number): NDArray {
  const temps: NDArray[] = [];
  try {
    const a0 = asarray(x);
    if (a0 !== x) temps.push(a0);
    const b0 = y === null ? a0 : asarray(y);
    if (b0 !== y && b0 !== a0) temps.push(b0);
    const shape = broadcastShapeOf([a0.shape, b0.shape]);
    if (shape === null) throw new ValueError(`operands could not be broadcast together with shapes ${formatShape(a0.shape)} ${formatShape(b0.shape)} `);
    const perm = ufuncOrderPerm(shape, y === null ? [a0] : [a0, b0], y === null ? a0.dtype : resultType(a0, b0));
    const a = truth(a0, shape, perm, temps);
    const b = y === null ? a : truth(b0, shape, perm, temps);
    return filling(emptyArray(shape, "bool", orderedLayout(shape, 1, perm)), (out) => {
      if (out.size > 0) logicalFlat(op, out.address("logical"), a.address("logical"), b.address("logical"), out.size);
    });
  } finally {
    for (const t of temps) t.dispose();
  }
}

/** Element-wise `a && b` on truth values (nonzero is true), broadcasting. @example logicalAnd(greater(E, 0), less(E, 1)) */
export function logicalAnd(a: ArrayLike, b: ArrayLike): NDArray {
  return logical(a, b, LOGICAL_CODE.logical_and);
}
/** Element-wise `a || b` on truth values. @example logicalOr([true, false], false).toArray() // [true, false] */
export function logicalOr(a: ArrayLike, b: ArrayLike): NDArray {
  return logical(a, b, LOGICAL_CODE.logical_or);
}
/** Element-wise exclusive or on truth values. @example logicalXor([true, false], true).toArray() // [false, true] */
export function logicalXor(a: ArrayLike, b: ArrayLike): NDArray {
  return logical(a, b, LOGICAL_CODE.logical_xor);
}
/** Element-wise `!a` on truth values. @example logicalNot([0, 2]).toArray() // [true, false] */
export function logicalNot(a: ArrayLike): NDArray {
  return logical(a, null, LOGICAL_CODE.logical_not);
}
