// Joining and repeating arrays: concatenate, stack, vstack, hstack, dstack,
// columnStack, tile, repeat. Each result is allocated once and filled by
// the copy kernels (src/ops/copy.ts), one `moveBytes` call per input (per
// repeated slice for `repeat` with per-element counts): the inputs are
// described as (address, shape, strides) without making views, and
// broadcasting (tile, repeat) is a zero source stride, never a loop in JS.

import { DTypeError, ValueError, formatShape } from "../core/errors.js";
import { checkDType, DTYPES, type DType } from "../core/dtype.js";
import { canCast, castingError, checkCasting, resultType, type Casting } from "../core/casting.js";
import { castInto } from "./cast.js";
import { recordCopy } from "../core/ledger.js";
import { checkShape, denseStrides, multiSortedOrder, normalizeAxis, stridesFor } from "../core/layout.js";
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
 * Runs a join on `items` made arrays, disposes the arrays it made, and
 * reports the result to the copy ledger under `op`.
 */
function withArrays(op: string, items: readonly ArrayLike[], fn: (arrays: NDArray[]) => NDArray): NDArray {
  if (!Array.isArray(items)) throw new DTypeError("expected a sequence of arrays");
  const { arrays, temps } = toArrays(items);
  try {
    const out = fn(arrays);
    recordCopy(op, out.nbytes);
    return out;
  } finally {
    for (const t of temps) t.dispose();
  }
}

/**
 * The result dtype of a join: `dtype` when given (each input must cast to it
 * under `casting`), else NumPy's promotion of the inputs' dtypes.
 */
function commonDType(parts: readonly { a: NDArray }[], opts: JoinDTypeOptions | undefined): DType {
  const casting = checkCasting(opts?.casting ?? "same_kind");
  const d = opts?.dtype === undefined ? resultType(...parts.map((p) => p.a.dtype)) : checkDType(opts.dtype);
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

function joinParts(parts: readonly Part[], axis: number, dtype: DType): NDArray {
  const shape = [...parts[0]!.shape];
  shape[axis] = 0;
  for (const p of parts) shape[axis]! += p.shape[axis]!;
  const perm = multiSortedOrder(parts.map((p) => p.shape), parts.map((p) => p.strides));
  const out = emptyArray(shape, dtype, denseStrides(shape, DTYPES[dtype].itemsize, perm));
  const base = out.address("concatenate");
  let at = 0;
  for (const p of parts) {
    place(out, base + at * out.strides[axis]!, out.strides, p);
    at += p.shape[axis]!;
  }
  return out;
}

/** Validates and joins parts as `np.concatenate` does, with its messages. */
function concatParts(parts: readonly Part[], axis: number, opts: JoinDTypeOptions | undefined): NDArray {
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
  return joinParts(parts, ax, commonDType(parts, opts));
}

const whole = (a: NDArray): Part => ({ a, shape: a.shape, strides: a.strides });

/** Options of `concatenate`. */
export interface ConcatenateOptions extends JoinDTypeOptions {
  /** The axis to join along (negative counts from the end); null flattens every input first. Default 0. */
  axis?: number | null;
}

/**
 * Joins arrays along an existing axis (NumPy's `concatenate`). With
 * `axis: null` the inputs are flattened (C order) and joined into one 1-d
 * array. The result's layout follows the inputs' (F inputs give an F
 * result), as NumPy's does. Mixed dtypes promote as NumPy's `result_type`;
 * `dtype` and `casting` (default "same_kind") work as NumPy's.
 * @example concatenate([zeros([2, 3]), ones([1, 3])]).shape // [3, 3]
 * @example concatenate([a, b], { axis: null }).ndim        // 1
 */
export function concatenate(arrays: readonly ArrayLike[], opts?: ConcatenateOptions): NDArray {
  const axis = opts?.axis === undefined ? 0 : opts.axis;
  return withArrays("concatenate", arrays, (as) => {
    if (axis !== null) return concatParts(as.map(whole), axis, opts);
    if (as.length === 0) throw new ValueError("need at least one array to concatenate");
    const dtype = commonDType(as.map(whole), opts);
    let total = 0;
    for (const a of as) total += a.size;
    const out = emptyArray([total], dtype);
    const itemsize = DTYPES[dtype].itemsize;
    const base = out.address("concatenate");
    let at = 0;
    for (const a of as) {
      place(out, base + at * itemsize, stridesFor(a.shape, itemsize, "C"), whole(a));
      at += a.size;
    }
    return out;
  });
}

/** Options of `stack`. */
export interface StackOptions extends JoinDTypeOptions {
  /** Where the new axis goes in the result (negative counts from the end). Default 0. */
  axis?: number;
}

/**
 * Joins same-shape arrays along a new axis (NumPy's `stack`).
 * @example stack([zeros([2, 3]), zeros([2, 3])], { axis: -1 }).shape // [2, 3, 2]
 */
export function stack(arrays: readonly ArrayLike[], opts?: StackOptions): NDArray {
  return withArrays("stack", arrays, (as) => {
    if (as.length === 0) throw new ValueError("need at least one array to stack");
    const shape = as[0]!.shape;
    for (const a of as) {
      if (a.shape.length !== shape.length || a.shape.some((n, i) => n !== shape[i])) {
        throw new ValueError("all input arrays must have the same shape");
      }
    }
    const ax = normalizeAxis(opts?.axis ?? 0, shape.length + 1);
    const parts = as.map((a) => ({
      a,
      shape: [...a.shape.slice(0, ax), 1, ...a.shape.slice(ax)],
      strides: [...a.strides.slice(0, ax), 0, ...a.strides.slice(ax)],
    }));
    return joinParts(parts, ax, commonDType(parts, opts));
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
export function vstack(arrays: readonly ArrayLike[], opts?: JoinDTypeOptions): NDArray {
  return withArrays("vstack", arrays, (as) => concatParts(as.map((a) => atLeast(a, 2)), 0, opts));
}

/**
 * Stacks arrays column-wise (NumPy's `hstack`): along axis 1, or axis 0 when the inputs are 1-d.
 * @example hstack([zeros([2, 3]), zeros([2, 1])]).shape // [2, 4]
 */
export function hstack(arrays: readonly ArrayLike[], opts?: JoinDTypeOptions): NDArray {
  return withArrays("hstack", arrays, (as) => {
    const parts = as.map((a) => atLeast(a, 1));
    return concatParts(parts, parts.length > 0 && parts[0]!.shape.length === 1 ? 0 : 1, opts);
  });
}

/**
 * Stacks arrays along the third axis (NumPy's `dstack`): (N,) becomes (1, N, 1), (M, N) becomes (M, N, 1).
 * @example dstack([zeros([2, 3]), zeros([2, 3])]).shape // [2, 3, 2]
 */
export function dstack(arrays: readonly ArrayLike[], opts?: JoinDTypeOptions): NDArray {
  return withArrays("dstack", arrays, (as) => concatParts(as.map((a) => atLeast(a, 3)), 2, opts));
}

/**
 * Stacks 1-d arrays as columns of a 2-d array (NumPy's `column_stack`);
 * 2-d inputs are joined as they are.
 * @example columnStack([[1, 2, 3], [4, 5, 6]]).shape // [3, 2]
 */
export function columnStack(arrays: readonly ArrayLike[]): NDArray {
  return withArrays("columnStack", arrays, (as) => {
    const parts = as.map((a): Part => {
      if (a.ndim >= 2) return whole(a);
      if (a.ndim === 0) return { a, shape: [1, 1], strides: [0, 0] };
      return { a, shape: [a.shape[0]!, 1], strides: [a.strides[0]!, 0] };
    });
    return concatParts(parts, 1, undefined);
  });
}

function checkInt(x: unknown, what: string): number {
  if (typeof x !== "number" || !Number.isInteger(x)) throw new DTypeError(`${what}: expected integers, got ${String(x)}`);
  return x;
}

/**
 * Repeats `a` `reps` times along each axis (NumPy's `tile`). When `reps`
 * has more entries than `a` has axes, `a` gains leading length-1 axes;
 * with fewer, `reps` gains leading ones. One kernel call: the source is
 * read with zero strides on the repetition axes.
 * @example tile([1, 2], [2, 2]).toArray() // [[1n, 2n, 1n, 2n], [1n, 2n, 1n, 2n]]
 */
export function tile(a: ArrayLike, reps: number | readonly number[]): NDArray {
  const tup = (typeof reps === "number" ? [reps] : Array.from(reps)).map((r) => checkInt(r, "tile"));
  return withArrays("tile", [a], ([arr]) => {
    const src = arr!;
    const d = tup.length;
    const nd = Math.max(d, src.ndim);
    const itemsize = src.itemsize;
    // Leading length-1 axes get the item size as stride, as np.array(ndmin=) does.
    const shape = [...new Array<number>(nd - src.ndim).fill(1), ...src.shape];
    const sstr = [...new Array<number>(nd - src.ndim).fill(itemsize), ...src.strides];
    const r = [...new Array<number>(nd - d).fill(1), ...tup];
    if (src === a && tup.every((x) => x === 1)) {
      // NumPy copies with order "K" here, so an F input stays F.
      const c = copy(src, "K");
      if (nd === src.ndim) return c;
      return redescribe(c, shape, [...new Array<number>(nd - src.ndim).fill(itemsize), ...c.strides]);
    }
    const outShape = checkShape(shape.map((n, i) => n * r[i]!));
    const out = emptyArray(outShape, src.dtype);
    if (out.size === 0) {
      // NumPy reshapes into the result, which gives C strides even when empty.
      return redescribe(out, outShape, stridesFor(outShape, itemsize, "C"));
    }
    // The result as (r0, n0, r1, n1, …): the source repeats with stride 0 on each r axis.
    const vshape: number[] = [];
    const dstr: number[] = [];
    const vsrc: number[] = [];
    for (let i = 0; i < nd; i++) {
      vshape.push(r[i]!, shape[i]!);
      dstr.push(shape[i]! * out.strides[i]!, out.strides[i]!);
      vsrc.push(0, sstr[i]!);
    }
    moveBytes(out.address("tile"), src.address("tile"), vshape, dstr, vsrc, itemsize);
    return out;
  });
}

/** Options of `repeat`. */
export interface RepeatOptions {
  /** The axis to repeat along; undefined or null flattens the input first (NumPy's default). */
  axis?: number | null;
}

/**
 * Repeats each element of `a` (NumPy's `repeat`): `repeats` is one count
 * for every element, or one count per element along the axis.
 * @example repeat([1, 2], 2).toArray()                         // [1n, 1n, 2n, 2n]
 * @example repeat([[1, 2]], [1, 2], { axis: 1 }).toArray()     // [[1n, 2n, 2n]]
 */
export function repeat(a: ArrayLike, repeats: number | readonly number[] | NDArray, opts?: RepeatOptions): NDArray {
  let counts: number[] | number;
  if (repeats instanceof NDArray) counts = (repeats.toArray() as unknown[]).map((x) => Number(x));
  else if (typeof repeats === "number") counts = repeats;
  else counts = Array.from(repeats);
  if (typeof counts === "number") checkInt(counts, "repeat");
  else counts.forEach((c) => checkInt(c, "repeat"));
  return withArrays("repeat", [a], ([arr]) => {
    const src = arr!;
    const itemsize = src.itemsize;
    let shape: readonly number[];
    let strides: readonly number[];
    let axis: number;
    if (opts?.axis === undefined || opts.axis === null) {
      // Flattened in C order: read through a C copy unless the input is C already.
      if (!src.isC) {
        const c = copy(src, "C");
        try {
          return repeat(c, counts);
        } finally {
          c.dispose();
        }
      }
      shape = [src.size];
      strides = [itemsize];
      axis = 0;
    } else {
      shape = src.shape;
      strides = src.strides;
      axis = normalizeAxis(opts.axis, src.ndim);
    }
    const n = shape[axis]!;
    if (typeof counts !== "number") {
      if (counts.length === 1) counts = counts[0]!;
      else if (counts.length !== n) {
        throw new ValueError(`operands could not be broadcast together with shape ${formatShape([n])} ${formatShape([counts.length])}`);
      } else if (counts.some((c) => c < 0)) {
        throw new ValueError("repeats may not contain negative values.");
      }
    }
    const total = typeof counts === "number" ? n * counts : counts.reduce((x, y) => x + y, 0);
    const outShape = [...shape];
    outShape[axis] = total;
    const out = emptyArray(checkShape(outShape), src.dtype);
    if (out.size === 0) return out;
    const base = out.address("repeat");
    const s = src.address("repeat");
    const ostr = out.strides;
    const pre = shape.slice(0, axis);
    const post = shape.slice(axis + 1);
    if (typeof counts === "number") {
      // The result as (…, n, r, …): stride 0 in the source on the r axis.
      moveBytes(
        base,
        s,
        [...pre, n, counts, ...post],
        [...ostr.slice(0, axis), counts * ostr[axis]!, ostr[axis]!, ...ostr.slice(axis + 1)],
        [...strides.slice(0, axis), strides[axis]!, 0, ...strides.slice(axis + 1)],
        itemsize,
      );
      return out;
    }
    const sstr = [...strides];
    sstr[axis] = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i]!;
      if (c === 0) continue;
      moveBytes(base + at * ostr[axis]!, s + i * strides[axis]!, [...pre, c, ...post], ostr, sstr, itemsize);
      at += c;
    }
    return out;
  });
}

