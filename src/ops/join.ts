// Joining arrays: concatenate, stack, vstack, hstack, dstack, columnStack
// (tile and repeat are in repeat.ts, block and unstack in block.ts). Each
// result is allocated once (or is the caller's `out`) and filled by the
// copy kernels (src/ops/copy.ts), one `moveBytes` call per input: the
// inputs are described as (address, shape, strides) without making views.

import { DTypeError, ValueError, formatShape } from "../core/errors.js";
import { checkDType, DTYPES, type DType } from "../core/dtype.js";
import { canCast, castingError, checkCasting, resultType, type Casting } from "../core/casting.js";
import { castInto, copyFrom } from "./cast.js";
import { overlap } from "./overlap.js";
import { recordCopy } from "../core/ledger.js";
import { checkIntAxis, checkShape, denseStrides, keepOrder, multiSortedOrder, normalizeAxis, stridesFor } from "../core/layout.js";
import { makeView, NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "./creation.js";
import { emptyArray, redescribe } from "../core/empty.js";
import { copy, moveBytes } from "./copy.js";

/** An input as the kernels see it: an array, and the shape/strides to read it with. */
interface Part {
  readonly a: NDArray;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

/** Converts array-likes with `asarray`; returns the arrays and those made here (to dispose). */
function toArrays(items: readonly ArrayLike[]): { arrays: NDArray[]; temps: NDArray[] } {
  const arrays: NDArray[] = [];
  const temps: NDArray[] = [];
  try {
    for (const x of items) {
      const a = asarray(x);
      if (a !== x) temps.push(a);
      arrays.push(a);
    }
  } catch (e) {
    for (const t of temps) t.dispose();
    throw e;
  }
  return { arrays, temps };
}

/**
 * The arrays along `a`'s first axis, as views (NumPy iterates an ndarray
 * given as the sequence of a join). A 0-d array cannot be iterated:
 * NumPy's TypeError, in the words of the function that fails.
 */
export function firstAxisViews(a: NDArray, op: string): NDArray[] {
  if (a.ndim === 0) {
    throw new DTypeError(op === "concatenate" ? "dispatcher for __array_function__ did not return an iterable" : "iteration over a 0-d array");
  }
  const out: NDArray[] = [];
  for (let i = 0; i < a.shape[0]!; i++) out.push(makeView(a, a.shape.slice(1), a.strides.slice(1), a.offset + i * a.strides[0]!));
  return out;
}

/** A join's sequence argument: a JS array of array-likes, or an NDArray (its first axis). */
export type JoinSequence = readonly ArrayLike[] | NDArray;

/**
 * @internal Runs a join on `items` made arrays, disposes the arrays it made, and
 * reports the result to the copy ledger under `op`.
 */
export function withArrays(op: string, items: JoinSequence, fn: (arrays: NDArray[]) => NDArray): NDArray {
  const views = items instanceof NDArray ? firstAxisViews(items, op) : null;
  if (views === null && !Array.isArray(items)) throw new DTypeError("expected a sequence of arrays");
  try {
    const { arrays, temps } = toArrays(views ?? (items as readonly ArrayLike[]));
    try {
      const out = fn(arrays);
      recordCopy(op, out.nbytes);
      return out;
    } finally {
      for (const t of temps) t.dispose();
    }
  } finally {
    if (views !== null) for (const v of views) v.dispose();
  }
}

/**
 * The result dtype of a join: `dtype` when given (each input must cast to it
 * under `casting`), else NumPy's promotion of the inputs' dtypes.
 */
function commonDType(parts: readonly { a: NDArray }[], opts: JoinOutOptions | undefined): DType {
  const casting = checkCasting(opts?.casting ?? "same_kind");
  const out = opts?.out;
  const d =
    out !== undefined ? out.dtype : opts?.dtype === undefined ? resultType(...parts.map((p) => p.a.dtype)) : checkDType(opts.dtype);
  for (const p of parts) if (!canCast(p.a.dtype, d, casting)) throw castingError(p.a.dtype, d, casting);
  return d;
}

/**
 * Copies one input, read with `shape`/`strides` from `src`, to `dst` (a
 * byte address in `out`, laid out with `dstStrides`): raw bytes when the
 * dtypes agree, the cast kernels otherwise.
 */
function place(out: NDArray, dst: number, dstStrides: readonly number[], p: Part): void {
  const itemsize = DTYPES[out.dtype].itemsize;
  if (p.a.dtype === out.dtype) {
    moveBytes(dst, p.a.address("concatenate"), p.shape, dstStrides, p.strides, itemsize);
    return;
  }
  const to = makeView(out, p.shape, dstStrides, dst - out.address("concatenate") + out.offset);
  const from = makeView(p.a, p.shape, p.strides, p.a.offset);
  try {
    castInto(to, from);
  } finally {
    to.dispose();
    from.dispose();
  }
}

/** The dtype options of `concatenate` and `stack`. */
export interface JoinDTypeOptions {
  /** Result dtype (default: NumPy's promotion of the inputs' dtypes). */
  dtype?: DType;
  /** Which input-to-result casts are allowed (default "same_kind", as NumPy). */
  casting?: Casting;
}

/** `out` of `concatenate` and `stack`: the array to write the result into (it is returned). */
export interface JoinOutOptions extends JoinDTypeOptions {
  /**
   * Written in place and returned; its shape must be the result's, every
   * input must cast to its dtype under `casting`; not together with
   * `dtype`. An `out` that overlaps an input is written through a
   * temporary, so the result is as if every input were copied first.
   */
  out?: NDArray;
}

/** NumPy's checks of `out` against the result's shape, in its order and words. */
function checkOut(out: NDArray, shape: readonly number[], flat: boolean): void {
  out.checkWriteable();
  if (flat) {
    if (out.ndim !== 1) throw new ValueError("Output array must be 1D");
    if (out.shape[0] !== shape[0]) throw new ValueError("Output array is the wrong size");
    return;
  }
  if (out.ndim !== shape.length) throw new ValueError("Output array has wrong dimensionality");
  if (out.shape.some((n, i) => n !== shape[i])) throw new ValueError("Output array is the wrong shape");
}

/** An `out` that overlaps an input is written through a fresh result, copied over at the end. */
function intoOut(out: NDArray, parts: readonly Part[], write: (target: NDArray) => void): NDArray {
  if (parts.every((p) => overlap(out, p.a) === "no")) {
    write(out);
    return out;
  }
  const tmp = emptyArray(out.shape, out.dtype, denseStrides(out.shape, DTYPES[out.dtype].itemsize, keepOrder(out.strides)));
  try {
    write(tmp);
    copyFrom(out, tmp);
  } finally {
    tmp.dispose();
  }
  return out;
}

function joinParts(parts: readonly Part[], axis: number, dtype: DType, out?: NDArray): NDArray {
  const shape = [...parts[0]!.shape];
  shape[axis] = 0;
  for (const p of parts) shape[axis]! += p.shape[axis]!;
  const write = (target: NDArray): void => {
    const base = target.address("concatenate");
    let at = 0;
    for (const p of parts) {
      place(target, base + at * target.strides[axis]!, target.strides, p);
      at += p.shape[axis]!;
    }
  };
  if (out !== undefined) {
    checkOut(out, shape, false);
    return intoOut(out, parts, write);
  }
  const perm = multiSortedOrder(parts.map((p) => p.shape), parts.map((p) => p.strides));
  const res = emptyArray(shape, dtype, denseStrides(shape, DTYPES[dtype].itemsize, perm));
  write(res);
  return res;
}

/** NumPy's TypeError for a join's `out` given with `dtype`. */
function outAndDType(opts: JoinOutOptions | undefined): void {
  if (opts?.out !== undefined && opts.dtype !== undefined) {
    throw new DTypeError("concatenate() only takes `out` or `dtype` as an argument, but both were provided.");
  }
}

/** Validates and joins parts as `np.concatenate` does, with its messages. */
function concatParts(parts: readonly Part[], axis: number, opts: JoinOutOptions | undefined): NDArray {
  if (parts.length === 0) throw new ValueError("need at least one array to concatenate");
  const ndim = parts[0]!.shape.length;
  if (ndim === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
  const ax = normalizeAxis(axis, ndim);
  const first = parts[0]!.shape;
  parts.forEach((p, i) => {
    if (p.shape.length !== ndim) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${ndim} dimension(s) and the array at index ${i} has ${p.shape.length} dimension(s)`,
      );
    }
    for (let d = 0; d < ndim; d++) {
      if (d !== ax && p.shape[d] !== first[d]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first[d]} and the array at index ${i} has size ${p.shape[d]}`,
        );
      }
    }
  });
  if (opts?.out !== undefined) {
    // NumPy checks out's shape before any cast.
    const shape = [...first];
    shape[ax] = parts.reduce((n, p) => n + p.shape[ax]!, 0);
    checkOut(opts.out, shape, false);
  }
  return joinParts(parts, ax, commonDType(parts, opts), opts?.out);
}

const whole = (a: NDArray): Part => ({ a, shape: a.shape, strides: a.strides });

/** Options of `concatenate`. */
export interface ConcatenateOptions extends JoinOutOptions {
  /** The axis to join along (negative counts from the end); null flattens every input first. Default 0. */
  axis?: number | null;
}

/** NumPy's TypeError for an axis that is not an integer, in the words of `op`. */
function intAxis(axis: unknown, op: "concatenate" | "stack"): number {
  if (op === "concatenate" || (typeof axis === "number" && Number.isInteger(axis))) return checkIntAxis(axis);
  throw new DTypeError(`integer argument expected, got ${typeof axis === "number" ? "float" : typeof axis === "string" ? "str" : typeof axis}`);
}

/**
 * Joins arrays along an existing axis (NumPy's `concatenate`). With
 * `axis: null` the inputs are flattened (C order) and joined into one 1-d
 * array. The result's layout follows the inputs' (F inputs give an F
 * result), as NumPy's does. Mixed dtypes promote as NumPy's `result_type`;
 * `dtype` and `casting` (default "same_kind") work as NumPy's; `out`
 * receives the result (NumPy's shape and casting errors). An NDArray as
 * the sequence is iterated along its first axis, as NumPy does.
 * @example concatenate([zeros([2, 3]), ones([1, 3])]).shape // [3, 3]
 * @example concatenate([a, b], { axis: null }).ndim        // 1
 * @example concatenate(arange(6).reshape([2, 3])).shape    // [6]
 */
export function concatenate(arrays: JoinSequence, opts?: ConcatenateOptions): NDArray {
  const axis = opts?.axis === undefined ? 0 : opts.axis === null ? null : intAxis(opts.axis, "concatenate");
  outAndDType(opts);
  return withArrays("concatenate", arrays, (as) => {
    if (axis !== null) return concatParts(as.map(whole), axis, opts);
    if (as.length === 0) throw new ValueError("need at least one array to concatenate");
    let total = 0;
    for (const a of as) total += a.size;
    const out = opts?.out;
    if (out !== undefined) checkOut(out, [total], true);
    const dtype = commonDType(as.map(whole), opts);
    const write = (target: NDArray): void => {
      const step = target.strides[0]!;
      const base = target.address("concatenate");
      let at = 0;
      for (const a of as) {
        place(target, base + at * step, stridesFor(a.shape, step, "C"), whole(a));
        at += a.size;
      }
    };
    if (out !== undefined) return intoOut(out, as.map(whole), write);
    const res = emptyArray([total], dtype);
    write(res);
    return res;
  });
}

/** Options of `stack`. */
export interface StackOptions extends JoinOutOptions {
  /** Where the new axis goes in the result (negative counts from the end). Default 0. */
  axis?: number;
}

/**
 * Joins same-shape arrays along a new axis (NumPy's `stack`); `out`, `dtype`
 * and `casting` as `concatenate`, and an NDArray as the sequence is
 * iterated along its first axis.
 * @example stack([zeros([2, 3]), zeros([2, 3])], { axis: -1 }).shape // [2, 3, 2]
 * @example stack(array([[1, 2], [3, 4]]), { axis: 1 }).toArray()   // [[1n, 3n], [2n, 4n]]
 */
export function stack(arrays: JoinSequence, opts?: StackOptions): NDArray {
  const axis = opts?.axis === undefined ? 0 : intAxis(opts.axis, "stack");
  return withArrays("stack", arrays, (as) => {
    if (as.length === 0) throw new ValueError("need at least one array to stack");
    const shape = as[0]!.shape;
    for (const a of as) {
      if (a.shape.length !== shape.length || a.shape.some((n, i) => n !== shape[i])) {
        throw new ValueError("all input arrays must have the same shape");
      }
    }
    const ax = normalizeAxis(axis, shape.length + 1);
    outAndDType(opts);
    const parts = as.map((a) => ({
      a,
      shape: [...a.shape.slice(0, ax), 1, ...a.shape.slice(ax)],
      strides: [...a.strides.slice(0, ax), 0, ...a.strides.slice(ax)],
    }));
    if (opts?.out !== undefined) {
      const rs = [...shape.slice(0, ax), as.length, ...shape.slice(ax)];
      checkOut(opts.out, rs, false);
    }
    return joinParts(parts, ax, commonDType(parts, opts), opts?.out);
  });
}

/** `a` read with at least `n` dimensions, as NumPy's atleast_1d/2d/3d place the new axes. */
function atLeast(a: NDArray, n: 1 | 2 | 3): Part {
  const nd = a.ndim;
  if (nd >= n) return whole(a);
  if (nd === 0) return { a, shape: new Array<number>(n).fill(1), strides: new Array<number>(n).fill(0) };
  if (n === 2) return { a, shape: [1, ...a.shape], strides: [0, ...a.strides] };
  // atleast_3d: (N,) -> (1, N, 1), (M, N) -> (M, N, 1).
  if (nd === 1) return { a, shape: [1, a.shape[0]!, 1], strides: [0, a.strides[0]!, 0] };
  return { a, shape: [...a.shape, 1], strides: [...a.strides, 0] };
}

/**
 * Stacks arrays row-wise (NumPy's `vstack`): 1-d inputs of length N become rows (1, N).
 * @example vstack([[1, 2], [3, 4]]).shape // [2, 2]
 */
export function vstack(arrays: JoinSequence, opts?: JoinDTypeOptions): NDArray {
  return withArrays("vstack", arrays, (as) => concatParts(as.map((a) => atLeast(a, 2)), 0, opts));
}

/**
 * Stacks arrays column-wise (NumPy's `hstack`): along axis 1, or axis 0 when the inputs are 1-d.
 * @example hstack([zeros([2, 3]), zeros([2, 1])]).shape // [2, 4]
 */
export function hstack(arrays: JoinSequence, opts?: JoinDTypeOptions): NDArray {
  return withArrays("hstack", arrays, (as) => {
    const parts = as.map((a) => atLeast(a, 1));
    return concatParts(parts, parts.length > 0 && parts[0]!.shape.length === 1 ? 0 : 1, opts);
  });
}

/**
 * Stacks arrays along the third axis (NumPy's `dstack`): (N,) becomes (1, N, 1), (M, N) becomes (M, N, 1).
 * @example dstack([zeros([2, 3]), zeros([2, 3])]).shape // [2, 3, 2]
 */
export function dstack(arrays: JoinSequence, opts?: JoinDTypeOptions): NDArray {
  return withArrays("dstack", arrays, (as) => concatParts(as.map((a) => atLeast(a, 3)), 2, opts));
}

/**
 * Stacks 1-d arrays as columns of a 2-d array (NumPy's `column_stack`);
 * 2-d inputs are joined as they are.
 * @example columnStack([[1, 2, 3], [4, 5, 6]]).shape // [3, 2]
 */
export function columnStack(arrays: JoinSequence): NDArray {
  return withArrays("columnStack", arrays, (as) => {
    const parts = as.map((a): Part => {
      if (a.ndim >= 2) return whole(a);
      if (a.ndim === 0) return { a, shape: [1, 1], strides: [0, 0] };
      return { a, shape: [a.shape[0]!, 1], strides: [a.strides[0]!, 0] };
    });
    return concatParts(parts, 1, undefined);
  });
}
