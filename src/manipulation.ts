// STUB (issue 4 fills this in): every view operation, as descriptor arithmetic.

import type { DType } from "./dtype.js";
import type { Order } from "./layout.js";
import type { NDArray } from "./ndarray.js";

function notYet(name: string): never {
  throw new Error(`${name}: not implemented yet`);
}

/** Options of `reshape`. */
export interface ReshapeOptions {
  order?: Order;
  /** true: always copy; false: raise instead of copying; undefined: copy only when needed. */
  copy?: boolean;
}

export function reshape(a: NDArray, shape: number | readonly number[], opts?: ReshapeOptions): NDArray {
  void a, shape, opts;
  return notYet("reshape");
}
export function transpose(a: NDArray, axes?: readonly number[]): NDArray {
  void a, axes;
  return notYet("transpose");
}
export function swapaxes(a: NDArray, axis1: number, axis2: number): NDArray {
  void a, axis1, axis2;
  return notYet("swapaxes");
}
export function moveaxis(a: NDArray, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  void a, source, destination;
  return notYet("moveaxis");
}
export function squeeze(a: NDArray, axis?: number | readonly number[]): NDArray {
  void a, axis;
  return notYet("squeeze");
}
export function expandDims(a: NDArray, axis: number | readonly number[]): NDArray {
  void a, axis;
  return notYet("expandDims");
}
export function ravel(a: NDArray, order?: Order | "A" | "K"): NDArray {
  void a, order;
  return notYet("ravel");
}
export function broadcastTo(a: NDArray, shape: number | readonly number[]): NDArray {
  void a, shape;
  return notYet("broadcastTo");
}
export function viewAs(a: NDArray, dtype: DType): NDArray {
  void a, dtype;
  return notYet("view");
}
