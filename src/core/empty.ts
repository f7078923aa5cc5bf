// The one way to allocate an array: every array that owns memory starts
// here, whatever its layout, so the heap's placement rules (cache colours,
// a copy's destination half a page from its source) and NumPy's strides for
// empty arrays hold everywhere.

import { DTYPES, type DType } from "./dtype.js";
import { allocate } from "./heap.js";
import { checkSize, stridesFor, type Order } from "./layout.js";
import { NDArray } from "./ndarray.js";

/**
 * @internal A fresh uninitialised array that owns its memory: C or F order,
 * or the given byte strides (dense over the allocation, as the layout rules
 * of `layout.ts` compute them). Out of memory raises MemoryError before
 * anything is created. A copy names the array it copies from as `source`,
 * so that the heap places the two apart modulo 4 KiB (see heap.ts, "Cache
 * colouring"). A shape NumPy cannot address raises its "array is too
 * big" ValueError (`checkSize`), even when the array is empty.
 * @example emptyArray([2, 3], "float32", "F").strides // [4, 8]
 */
export function emptyArray(
  shape: readonly number[],
  dtype: DType,
  layout: Order | readonly number[] = "C",
  source?: NDArray,
): NDArray {
  const itemsize = DTYPES[dtype].itemsize;
  checkSize(shape, itemsize);
  let n: number = itemsize;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  const mem = allocate(n, shape, dtype, source === undefined ? -1 : source._mem.ptr + source.offset);
  // NumPy 2 gives a new empty array all-zero strides (there is nothing to
  // step over); explicit strides are the caller's NumPy answer and stay.
  const strides = typeof layout !== "string" ? layout : n === 0 ? shape.map(() => 0) : stridesFor(shape, itemsize, layout);
  return new NDArray(mem, dtype, shape, strides, 0, null, true);
}

/**
 * @internal `a`'s memory under a new descriptor that owns it, `a` disposed:
 * for a result computed into a fresh block before its final shape is known
 * (NumPy's `ndmin`, a reduction's keepdims axes). `a` must own its memory
 * and be the only array over it.
 * @example redescribe(emptyArray([6], "int8"), [2, 3], [3, 1]).flags.ownData // true
 */
export function redescribe(a: NDArray, shape: readonly number[], strides: readonly number[]): NDArray {
  const r = new NDArray(a._mem, a.dtype, shape, strides, a.offset, null, true);
  a.dispose();
  return r;
}

/**
 * @internal Runs `fill` on the fresh array `out` and returns it, or
 * disposes it and rethrows when `fill` throws (a failed op leaves nothing
 * allocated behind).
 * @example return filling(emptyArray(shape, "bool"), (out) => kernels().logical(op, out.address("logical"), a, b, n));
 */
export function filling<A extends NDArray>(out: A, fill: (out: A) => void): A {
  try {
    fill(out);
  } catch (e) {
    out.dispose();
    throw e;
  }
  return out;
}
