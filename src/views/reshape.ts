// Reshape without copying, as NumPy's `_attempt_nocopy_reshape`.
//
// Problem: given an array's shape and byte strides (any layout, including
// non-contiguous views) and a new shape of the same size, find byte strides
// that make the new shape walk the same elements in the same (C or F) order,
// or say that none exist.
//
// Approach: drop the length-1 axes of the old shape (their strides do not
// matter), then walk the old and new shapes together, grouping the fewest
// axes on each side whose products agree. Each old group must be one
// contiguous run in the requested order (stride[k] == shape[k+1]*stride[k+1]
// for C), and the new group's strides are then the old group's innermost
// stride scaled up. Trailing new axes of length 1 get the stride the walk
// ended with.
//
// Cheap cases, handled by the caller: same shape (a plain view) and an array
// already contiguous in the requested order (fresh strides).
// Limits: like NumPy, zero-size arrays are not special-cased here; callers
// reach this only for arrays that are not contiguous (and a zero-size array
// always is).
//
// Also here: the view halves of `reshape` and `ravel`, the two view
// operations that may fall back to a copy (src/ops/reshape.ts makes it).

import { DTypeError, ValueError } from "../core/errors.js";
import { DTYPES } from "../core/dtype.js";
import { checkShape, keepOrder, MAXDIMS, stridesFor, type Order } from "../core/layout.js";
import { makeView, type NDArray } from "../core/ndarray.js";

/**
 * Strides for `newShape` over the elements of (`shape`, `strides`) in
 * `order`, or null when the layout needs a copy. Sizes must already agree.
 * @example nocopyStrides([2, 3], [8, 16], [6], 8, "C") // null (transposed)
 */
export function nocopyStrides(
  shape: readonly number[],
  strides: readonly number[],
  newShape: readonly number[],
  itemsize: number,
  order: "C" | "F",
): number[] | null {
  const olddims: number[] = [];
  const oldstrides: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1) {
      olddims.push(shape[i]!);
      oldstrides.push(strides[i]!);
    }
  }
  const oldnd = olddims.length;
  const newnd = newShape.length;
  const newstrides = new Array<number>(newnd).fill(0);
  const isF = order === "F";
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np = newShape[ni]!;
    let op = olddims[oi]!;
    while (np !== op) {
      // Products grow monotonically; an index past the end means the sizes
      // disagree, which the caller has ruled out (or a zero length).
      if (np < op) {
        if (nj >= newnd) return null;
        np *= newShape[nj++]!;
      } else {
        if (oj >= oldnd) return null;
        op *= olddims[oj++]!;
      }
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (isF) {
        if (oldstrides[ok + 1] !== olddims[ok]! * oldstrides[ok]!) return null;
      } else if (oldstrides[ok] !== olddims[ok + 1]! * oldstrides[ok + 1]!) return null;
    }
    if (isF) {
      newstrides[ni] = oldstrides[oi]!;
      for (let nk = ni + 1; nk < nj; nk++) newstrides[nk] = newstrides[nk - 1]! * newShape[nk - 1]!;
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1]!;
      for (let nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk]! * newShape[nk]!;
    }
    ni = nj++;
    oi = oj++;
  }
  let last = ni >= 1 ? newstrides[ni - 1]! : itemsize;
  if (isF && ni >= 1) last *= newShape[ni - 1]!;
  for (let nk = ni; nk < newnd; nk++) newstrides[nk] = last;
  return newstrides;
}

/**
 * NumPy's shape argument of reshape: integers, at most one negative (the
 * unknown length, inferred from `size`). Returns the completed shape.
 * Throws ValueError with NumPy's messages.
 * @example fixUnknown([2, -1], 6) // [2, 3]
 */
export function fixUnknown(newShape: readonly number[], size: number): number[] {
  const dims = newShape.slice();
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i]!;
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw notAnInteger(d);
    }
    if (d < 0) {
      if (unknown >= 0) throw new ValueError("can only specify one unknown dimension");
      unknown = i;
    } else known *= d;
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw sizeMismatch(size, dims);
    dims[unknown] = size / known;
  } else if (known !== size) throw sizeMismatch(size, dims);
  return dims;
}

/** NumPy's message, which spells unknown lengths "newaxis" and drops leading ones. */
function sizeMismatch(size: number, dims: readonly number[]): ValueError {
  let i = 0;
  while (i < dims.length && dims[i]! < 0) i++;
  let text: string;
  if (i === dims.length) text = "()";
  else {
    let s = String(dims[i++]);
    for (; i < dims.length; i++) s += dims[i]! < 0 ? ",newaxis" : `,${dims[i]}`;
    text = dims.length === 1 ? `(${s},)` : `(${s})`;
  }
  return new ValueError(`cannot reshape array of size ${size} into shape ${text}`);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Options of `reshape`. */
export interface ReshapeOptions {
  /** Read and write the elements in C (row-major) or F order; "A": F when `a` is only F-contiguous. Default "C". */
  order?: Order | "A";
  /** true: always copy; false: raise instead of copying; undefined: copy only when needed. */
  copy?: boolean;
}

// ---- reshape and ravel, the view halves ----

/** What a reshape that cannot be a view asks of the copy: the shape, read in `order`. */
export interface CopyRequest {
  readonly newShape: number[];
  readonly order: Order;
}

/**
 * @internal `a` in a new shape as a view whenever NumPy's reshape gives one
 * (same shape, a contiguous array, or axes that split or merge cleanly),
 * else the copy it needs. Throws what `reshape` documents, including
 * `Unable to avoid creating a copy while reshaping.` for `copy: false`.
 */
export function reshapeView(a: NDArray, shape: number | readonly number[], opts?: ReshapeOptions): NDArray | CopyRequest {
  if (typeof shape !== "number" && !Array.isArray(shape)) {
    // NumPy reads None as "the same shape"; stridewise asks for the shape.
    throw new DTypeError(`reshape: expected a shape (an integer or a list of integers), got ${shape === null ? "null" : typeof shape}`);
  }
  if (typeof shape === "number" && !Number.isInteger(shape)) {
    throw new DTypeError(`expected a sequence of integers or a single integer, got '${shape}'`);
  }
  const dims = typeof shape === "number" ? [shape] : shape;
  let order = opts?.order ?? "C";
  const copy = opts?.copy;
  if (order !== "C" && order !== "F") {
    if (order !== "A") throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
    order = a.isF && !a.isC ? "F" : "C";
  }
  if (copy !== true && sameShape(dims, a.shape)) return makeView(a, a.shape, a.strides, a.offset);
  const newShape = fixUnknown(dims, a.size);
  const itemsize = DTYPES[a.dtype].itemsize;
  // An empty array's other lengths are unbounded by its size: NumPy's limits still hold.
  if (newShape.length > MAXDIMS || a.size === 0) checkShape(newShape, itemsize);
  if (copy !== true) {
    if (order === "C" ? a.isC : a.isF) return makeView(a, newShape, stridesFor(newShape, itemsize, order), a.offset);
    const strides = nocopyStrides(a.shape, a.strides, newShape, itemsize, order);
    if (strides !== null) return makeView(a, newShape, strides, a.offset);
    if (copy === false) throw new ValueError("Unable to avoid creating a copy while reshaping.");
  }
  return { newShape, order };
}

/**
 * @internal A view for reshapes that always are one (adding or removing
 * length-1 axes of any array, any shape of a C-contiguous one).
 */
export function reshapeAsView(a: NDArray, shape: readonly number[]): NDArray {
  const r = reshapeView(a, shape);
  if ("newShape" in r) throw new ValueError("reshapeAsView: this reshape needs a copy");
  return r;
}

/**
 * @internal The view half of `ravel`: a 1-d view when the layout allows (C:
 * a C-contiguous array; F: F-contiguous; A: either; K: any layout whose
 * strides, sorted, are contiguous and positive), else the order the copy
 * (`flatten`) must use.
 */
export function ravelView(a: NDArray, order: Order | "A" | "K" = "C"): NDArray | Order | "K" {
  if (order !== "C" && order !== "F" && order !== "A" && order !== "K") {
    throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
  }
  const itemsize = DTYPES[a.dtype].itemsize;
  if (order === "A") order = a.isF && !a.isC ? "F" : "C";
  else if (order === "K") {
    if (a.isC) order = "C";
    else if (a.isF) order = "F";
  }
  if ((order === "C" && a.isC) || (order === "F" && a.isF)) {
    return makeView(a, [a.size], [itemsize], a.offset);
  }
  if (order === "K") {
    // Axes sorted by |stride|, outermost first (stable, as NumPy's sort);
    // contiguous from the innermost out means one block in memory order.
    const perm = keepOrder(a.strides);
    let want = itemsize;
    let ok = true;
    for (let i = perm.length - 1; i >= 0 && ok; i--) {
      const n = a.shape[perm[i]!]!;
      if (n === 1) continue;
      if (a.strides[perm[i]!] !== want) ok = false;
      want *= n;
    }
    if (ok) return makeView(a, [a.size], [itemsize], a.offset);
  }
  return order;
}

/** NumPy's TypeError for a non-integer length (a number with a fraction is Python's float). */
function notAnInteger(d: unknown): DTypeError {
  const kind = typeof d === "number" ? "float" : typeof d === "string" ? "str" : typeof d;
  return new DTypeError(`'${kind}' object cannot be interpreted as an integer`);
}
