// `get` and `set`: the index grammar is parsed once, in src/views/indexing.ts;
// a basic index is a view, anything with integer or boolean arrays is a copy
// planned by index-plan.ts and moved by the gather kernels.

import { DTYPES } from "../core/dtype.js";
import { DTypeError, ValueError, formatShape } from "../core/errors.js";
import { broadcastStrides } from "../core/layout.js";
import { recordCopy } from "../core/ledger.js";
import { NDArray, type ArrayLike } from "../core/ndarray.js";
import { adjustSlice, basicIndex, expandStrings, isAdvanced, type IndexItem } from "../views/indexing.js";
import { asarray } from "./creation.js";
import { fill } from "./copy.js";
import { copyFromStrided } from "./cast.js";
import { gatherIndex, scatterIndex } from "./gather.js";

/**
 * @internal `a[index]`: a view for a basic index (see `basicIndex`), a copy
 * for integer and boolean arrays (index-plan.ts plans, gather.ts moves the
 * bytes). Throws what `basicIndex` and the planner throw.
 */
export function getIndex(a: NDArray, index: readonly IndexItem[]): NDArray {
  const view = basicIndex(a, index);
  if (view !== null) return view;
  const out = gatherIndex(a, expandStrings(index), adjustSlice);
  recordCopy("index", out.nbytes);
  return out;
}

// ---- set ----

/**
 * @internal `a[index] = value`: for a basic index the selection is a view,
 * then `assign`; an advanced index scatters (every index checked first).
 * Read-only arrays raise before the index is looked at, as NumPy.
 */
export function setIndex(a: NDArray, index: readonly IndexItem[], value: ArrayLike): void {
  a.checkWriteable();
  if (isAdvanced(index)) {
    scatterIndex(a, expandStrings(index), value, adjustSlice);
    return;
  }
  const view = getIndex(a, index);
  try {
    const items = expandStrings(index);
    if (items.length === a.ndim && items.every((x) => typeof x === "number")) assignElement(view, value);
    else {
      checkNesting(value, view.ndim);
      assign(view, value);
    }
  } finally {
    view.dispose();
  }
}

// NumPy assigns an index of one integer per axis as one Python element
// (PyArray_Pack), not as an array: a sequence there is the dtype's scalar
// conversion of it, which only bool accepts (by truthiness).
function assignElement(dst: NDArray, value: ArrayLike): void {
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    assign(dst, value);
    return;
  }
  const kind = DTYPES[dst.dtype].kind;
  if (Array.isArray(value)) {
    dst.checkWriteable();
    if (kind === "b") fill(dst, value.length > 0);
    else if (kind === "f") throw new ValueError("setting an array element with a sequence.");
    else throw new DTypeError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
    return;
  }
  const n = value instanceof NDArray ? value.ndim : 1;
  const size = value instanceof NDArray ? value.size : (value as { length: number }).length;
  if (n > 0 && !(kind === "b" && size === 1)) throw new ValueError("setting an array element with a sequence.");
  if (kind === "b" && value instanceof NDArray && n > 0) {
    // A one-element array goes through its scalar's truth value, so a bool
    // view of other bytes writes 1; a 0-d one is cast (bool to bool copies).
    const x = value.item();
    dst.checkWriteable();
    fill(dst, x !== 0 && x !== 0n && x !== false);
    return;
  }
  assign(dst, value);
}

// A nested list deeper than the destination is refused while NumPy converts
// it (np.array with ndmax), before any broadcasting.
function checkNesting(value: ArrayLike, ndim: number): void {
  let depth = 0;
  for (let x: unknown = value; Array.isArray(x); x = x[0]) {
    depth++;
    if (x.length === 0) break;
  }
  if (depth > ndim) {
    throw new ValueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${ndim}.`);
  }
}

/**
 * @internal Writes `value` into every element of `dst`, broadcasting it: the
 * one path every write of `set` takes (overlap handling plugs in here).
 * A scalar fills; anything else becomes an array (NumPy drops leading
 * length-1 axes of a value with more dimensions than `dst`), is broadcast
 * read-only to `dst.shape` and copied (with a cast when dtypes differ).
 * Throws ValueError for a read-only `dst` or shapes that do not broadcast;
 * nothing is written then.
 */
export function assign(dst: NDArray, value: ArrayLike): void {
  dst.checkWriteable();
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    fill(dst, value);
    return;
  }
  const src = asarray(value);
  try {
    let shape = src.shape;
    let strides = src.strides;
    let lead = 0;
    while (shape.length - lead > dst.shape.length && shape[lead] === 1) lead++;
    if (lead > 0) {
      shape = shape.slice(lead);
      strides = strides.slice(lead);
    }
    const bs = broadcastStrides(shape, strides, dst.shape);
    if (bs === null) {
      throw new ValueError(`could not broadcast input array from shape ${formatShape(shape)} into shape ${formatShape(dst.shape)}`);
    }
    copyFromStrided(dst, src, bs);
  } finally {
    if (src !== value) src.dispose();
  }
}
