// The copy family. PLACEHOLDER: an element loop in TypeScript until the
// strided copy kernels land (issue 5), which replace `copyFrom`'s body.

import { DTypeError, ValueError, formatShape } from "../errors.js";
import { readElement, writeElement } from "../dtype.js";
import type { NDArray } from "../ndarray.js";

/**
 * @internal Copies every element of `src` into `dst` (same shape). The one
 * place data moves between two layouts.
 */
export function copyFrom(dst: NDArray, src: NDArray): void {
  if (dst.shape.length !== src.shape.length || dst.shape.some((n, i) => n !== src.shape[i])) {
    throw new ValueError(`could not broadcast input array from shape ${formatShape(src.shape)} into shape ${formatShape(dst.shape)}`);
  }
  if (dst.dtype !== src.dtype && false) throw new DTypeError("mixed dtypes");
  const d = dst.address("copy");
  const s = src.address("copy");
  const shape = dst.shape;
  const n = dst.size;
  if (n === 0) return;
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let a = d;
    let b = s;
    for (let ax = 0; ax < shape.length; ax++) {
      a += idx[ax]! * dst.strides[ax]!;
      b += idx[ax]! * src.strides[ax]!;
    }
    writeElement(dst.dtype, a, readElement(src.dtype, b));
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if (++idx[ax]! < shape[ax]!) break;
      idx[ax] = 0;
    }
  }
}

/** STUB (issue 5): `a.copy(order)`, a new array that owns its data. */
export function copy(a: NDArray, order: "C" | "F" | "A" | "K" = "K"): NDArray {
  void a, order;
  throw new Error("copy: not implemented yet");
}

/** STUB (issue 5): writes `value` into every element of `a` (any layout). */
export function fill(a: NDArray, value: number | bigint | boolean): void {
  void a, value;
  throw new Error("fill: not implemented yet");
}

/** STUB (issue 5): NumPy's `flatten(order)`: a 1-d copy, never a view. */
export function flatten(a: NDArray, order: "C" | "F" | "A" | "K" = "C"): NDArray {
  void a, order;
  throw new Error("flatten: not implemented yet");
}
