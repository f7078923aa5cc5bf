// STUB (issue 4 fills this in): NumPy's index grammar for get/set.

import type { ArrayLike } from "./creation.js";
import type { NDArray } from "./ndarray.js";

/**
 * A slice `start:stop:step`; null parts take NumPy's defaults.
 * @example a.get(slice(1, null, 2)) // a[1::2]
 */
export class Slice {
  constructor(
    readonly start: number | null,
    readonly stop: number | null,
    readonly step: number | null,
  ) {}
}

/** `slice(stop)` or `slice(start, stop, step?)`, as Python's. @example slice(null, null, -1) // ::-1 */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  return stop === undefined && step === undefined ? new Slice(null, start ?? null, null) : new Slice(start ?? null, stop ?? null, step ?? null);
}

/** NumPy's `newaxis`: inserts an axis of length 1. */
export const newaxis = null;

/** One component of an index: integer, slice (object or string such as ":2" or ":, :256"), newaxis (null), "...". */
export type IndexItem = number | string | Slice | null;

/** @internal `a[index]`. */
export function getIndex(a: NDArray, index: readonly IndexItem[]): NDArray {
  void a;
  void index;
  throw new Error("get: not implemented yet");
}

/** @internal `a[index] = value`. */
export function setIndex(a: NDArray, index: readonly IndexItem[], value: ArrayLike): void {
  void a;
  void index;
  void value;
  throw new Error("set: not implemented yet");
}
