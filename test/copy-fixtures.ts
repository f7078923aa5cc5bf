// Shared by test/copy.test.ts and test/join.test.ts: how the fixtures of
// scripts/fixtures_copy.py describe input views and NumPy's results.
import { expect } from "vitest";
import { array, type DType, type NDArray } from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";
import { jsValue, type Encoded } from "./fixtures.js";

/** A view spec of scripts/fixtures_copy.py, in elements. */
export interface ViewSpec {
  dtype: DType;
  baseShape: number[];
  shape: number[];
  strides: number[];
  offset: number;
}

/** Recorded NumPy result: layout and values. */
export interface Described {
  shape: number[];
  strides: number[];
  dtype: DType;
  c: boolean;
  f: boolean;
  values: Encoded;
}

/** Builds the fixture's input view: a C array of `data`, viewed by `spec`. */
export function buildView(spec: ViewSpec, data: Encoded): { base: NDArray; v: NDArray } {
  const base = array(jsValue(data), { dtype: spec.dtype });
  const size = base.itemsize;
  const v = makeView(
    base,
    spec.shape,
    spec.strides.map((s) => s * size),
    spec.offset * size,
  );
  return { base, v };
}

/** Asserts that `r` has NumPy's shape, strides, flags and values. */
export function expectDescribed(r: NDArray, want: Described, what: string): void {
  expect(r.dtype, what).toBe(want.dtype);
  expect(r.shape, what).toEqual(want.shape);
  expect(r.strides, what).toEqual(want.strides);
  expect(r.flags.cContiguous, what).toBe(want.c);
  expect(r.flags.fContiguous, what).toBe(want.f);
  expect(r.toArray(), what).toEqual(jsValue(want.values));
}

