// np.block and np.unstack (NumPy 2.1+): assembling an array from nested
// lists of blocks, and splitting one into views along an axis.
//
// block follows NumPy's two passes: first the nesting is checked (every
// leaf at the same list depth, no empty list), with NumPy's messages
// naming the offending position (`arrays[1][0]`); then the blocks are
// joined innermost first, the innermost lists along the last axis, each
// leaf first given leading length-1 axes up to the result's rank. Large
// results (NumPy's slicing path) are C order unless every block is F.

import { DTypeError, ValueError, AxisError } from "../core/errors.js";
import { checkIntAxis, normalizeAxis } from "../core/layout.js";
import { makeView, NDArray } from "../core/ndarray.js";
import { asarray, typedArrayDType, type ArrayLike } from "./creation.js";
import { concatenate } from "./join.js";
import { copy } from "./copy.js";

/** A block: an array-like leaf, or a JS array of blocks (a list in NumPy's sense). */
export type BlockArrays = ArrayLike | readonly BlockArrays[];

/** Where `_block_check_depths_match` bottomed out: the index path, null ending it for an empty list. */
interface Depth {
  index: (number | null)[];
  ndim: number;
  size: number;
}

function formatIndex(index: readonly (number | null)[]): string {
  return "arrays" + index.filter((i) => i !== null).map((i) => `[${i}]`).join("");
}

function leafInfo(x: unknown): { ndim: number; size: number } {
  if (x instanceof NDArray) return { ndim: x.ndim, size: x.size };
  if (typedArrayDType(x) !== undefined) return { ndim: 1, size: (x as ArrayLike as { length: number }).length };
  return { ndim: 0, size: 1 };
}

/** NumPy's _block_check_depths_match: every leaf at one list depth. */
function checkDepths(arrays: unknown, parent: (number | null)[]): Depth {
  if (Array.isArray(arrays)) {
    if (arrays.length === 0) return { index: [...parent, null], ndim: 0, size: 0 };
    let first = checkDepths(arrays[0], [...parent, 0]);
    let { ndim, size } = first;
    for (let i = 1; i < arrays.length; i++) {
      const d = checkDepths(arrays[i], [...parent, i]);
      size += d.size;
      ndim = Math.max(ndim, d.ndim);
      if (d.index.length !== first.index.length) {
        throw new ValueError(
          `List depths are mismatched. First element was at depth ${first.index.length}, but there is an element at depth ${d.index.length} (${formatIndex(d.index)})`,
        );
      }
      // An empty list at the bottom is reported after the walk, as NumPy.
      if (d.index[d.index.length - 1] === null) first = d;
    }
    return { index: first.index, ndim, size };
  }
  return { index: parent, ...leafInfo(arrays) };
}

/**
 * NumPy's `block`: an array assembled from nested JS arrays of blocks
 * (NDArrays, TypedArrays, scalars). The innermost lists join along the
 * last axis, the next along the second last, and so on; every block first
 * gains leading length-1 axes up to the result's rank. Always a new array.
 * ValueError with NumPy's words for mismatched depths or an empty list.
 * @example block([[eye(2), zeros([2, 1])], [ones([1, 3])]]).shape // [3, 3]
 */
export function block(arrays: BlockArrays): NDArray {
  const { index, ndim: arrNdim, size } = checkDepths(arrays, []);
  const listNdim = index.length;
  if (listNdim > 0 && index[listNdim - 1] === null) throw new ValueError(`List at ${formatIndex(index)} cannot be empty`);
  const resultNdim = Math.max(arrNdim, listNdim);
  const temps: NDArray[] = [];
  try {
    const leaves: NDArray[] = [];
    const build = (x: unknown, depth: number): NDArray => {
      if (depth < listNdim) {
        const parts = (x as unknown[]).map((y) => build(y, depth + 1));
        const r = concatenate(parts, { axis: -(listNdim - depth) });
        temps.push(r);
        return r;
      }
      const a = asarray(x as ArrayLike);
      if (a !== x) temps.push(a);
      // NumPy's array(a, ndmin=result_ndim): leading length-1 axes.
      const lead = resultNdim - a.ndim;
      const v = makeView(a, [...new Array<number>(lead).fill(1), ...a.shape], [...new Array<number>(lead).fill(0), ...a.strides], a.offset);
      temps.push(v);
      leaves.push(v);
      return v;
    };
    const r = build(arrays, 0);
    // NumPy copies a lone block (C order), and fills big results by slicing
    // into a C array, or an F one when every block is F-contiguous.
    const big = listNdim * size > 2 * 512 * 512;
    const order = big && leaves.every((l) => l.isF) ? "F" : "C";
    if (listNdim === 0 || (big && !(order === "C" ? r.isC : r.isF))) return copy(r, order);
    temps.splice(temps.indexOf(r), 1);
    return r;
  } finally {
    for (const t of temps.reverse()) t.dispose();
  }
}

/**
 * NumPy's `unstack` (2.1+): the views of `x` along `axis`, one per index
 * (NumPy's tuple is a JS array here). ValueError for a 0-d input, NumPy's
 * AxisError (prefixed "source") for an axis out of range.
 * @example unstack(arange(6).reshape([2, 3]), { axis: 1 }).map((v) => v.shape) // [[2], [2], [2]]
 */
export function unstack(x: ArrayLike, opts?: { axis?: number }): NDArray[] {
  const a = asarray(x);
  try {
    if (a.ndim === 0) throw new ValueError("Input array must be at least 1-d.");
    const ax0 = opts?.axis ?? 0;
    // NumPy's moveaxis tries to iterate a float that is not an index.
    if (typeof ax0 === "number" && !Number.isInteger(ax0)) throw new DTypeError("'float' object is not iterable");
    checkIntAxis(ax0);
    if (ax0 < -a.ndim || ax0 >= a.ndim) throw new AxisError(ax0, a.ndim, "source");
    const ax = normalizeAxis(ax0, a.ndim);
    const shape = a.shape.filter((_, i) => i !== ax);
    const strides = a.strides.filter((_, i) => i !== ax);
    const out: NDArray[] = [];
    for (let i = 0; i < a.shape[ax]!; i++) out.push(makeView(a, shape, strides, a.offset + i * a.strides[ax]!));
    return out;
  } finally {
    if (a !== x) a.dispose();
  }
}
