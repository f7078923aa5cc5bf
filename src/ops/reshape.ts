// `reshape` and `ravel`: views whenever NumPy's are (src/views/reshape.ts
// decides), a copy otherwise.

import { DTYPES } from "../core/dtype.js";
import { emptyArray } from "../core/empty.js";
import { stridesFor, type Order } from "../core/layout.js";
import { recordCopy } from "../core/ledger.js";
import { makeView, NDArray } from "../core/ndarray.js";
import { ravelView, reshapeView, type ReshapeOptions } from "../views/reshape.js";
import { flatten } from "./copy.js";
import { copyFrom } from "./cast.js";

export type { ReshapeOptions } from "../views/reshape.js";

/**
 * The same elements in a new shape, read in `order`. A view whenever
 * NumPy's is: same shape, a contiguous array, or a non-contiguous one whose
 * axes split or merge cleanly (see src/views/reshape.ts); otherwise a copy
 * (`copy: false` raises instead; `copy: true` always copies). One length may
 * be -1 (inferred). Like NumPy, a copy is a C/F copy of `a` with the result
 * a view of it (`base` is that copy, `flags.ownData` false).
 * Throws ValueError: `cannot reshape array of size 6 into shape (4,2)`,
 * `can only specify one unknown dimension`, `Unable to avoid creating a copy while reshaping.`
 * @example reshape(arange(6), [2, -1]).shape // [2, 3]
 */
export function reshape(a: NDArray, shape: number | readonly number[], opts?: ReshapeOptions): NDArray {
  const r = reshapeView(a, shape, opts);
  return r instanceof NDArray ? r : copyThenView(a, r.newShape, r.order);
}

/** A `order` copy of `a`, seen in `newShape`: NumPy returns a view of its hidden copy. */
function copyThenView(a: NDArray, newShape: number[], order: Order): NDArray {
  a.address("reshape");
  const owner = emptyArray(a.shape, a.dtype, order, a);
  try {
    copyFrom(owner, a);
    recordCopy("reshape", owner.nbytes);
    return makeView(owner, newShape, stridesFor(newShape, DTYPES[a.dtype].itemsize, order), 0);
  } finally {
    // The view holds the memory now; the hidden owner stays only as `base`.
    owner.dispose();
  }
}

/**
 * The elements as 1-d in `order`: a view when the layout allows (C: a
 * C-contiguous array; F: F-contiguous; A: either; K: any layout whose
 * strides, sorted, are contiguous and positive), else a copy (`flatten`).
 * @example ravel(zeros([2, 3])).shape // [6]
 */
export function ravel(a: NDArray, order: Order | "A" | "K" = "C"): NDArray {
  const r = ravelView(a, order);
  return r instanceof NDArray ? r : flatten(a, r);
}
