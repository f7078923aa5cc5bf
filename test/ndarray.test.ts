// The NDArray descriptor: NumPy's contiguity flags over recorded
// (shape, strides) pairs, element access, export to TypedArrays, and
// DisposedError for every use after dispose.

import { describe, expect, it } from "vitest";
import { array, DisposedError, empty, full, IndexError, ValueError, zeros, type DType, type NDArray } from "../src/index.js";
import { isCContiguous, isFContiguous } from "../src/core/layout.js";
import { makeView } from "../src/core/ndarray.js";
import { loadFixture } from "./fixtures.js";

interface Layout {
  shape: number[];
  strides: number[];
  itemsize: 1 | 2 | 8;
  c: boolean;
  f: boolean;
}
const fx = loadFixture<{ contiguity: Layout[] }>("creation");
const DTYPE_OF: Record<number, DType> = { 1: "uint8", 2: "uint16", 8: "uint64" };

describe("contiguity", () => {
  const cases = fx.contiguity.map((c) => ({ ...c, layout: `shape [${c.shape}] strides [${c.strides}] itemsize ${c.itemsize}` }));

  it.each(cases)("isCContiguous and isFContiguous agree with NumPy for $layout", (c) => {
    expect(isCContiguous(c.shape, c.strides, c.itemsize)).toBe(c.c);
    expect(isFContiguous(c.shape, c.strides, c.itemsize)).toBe(c.f);
  });

  it.each(cases)("a view's flags agree with NumPy's for $layout", (c) => {
    using base = empty([4096], { dtype: "uint8" });
    using v = makeView(base, c.shape, c.strides, 2048, DTYPE_OF[c.itemsize]);
    expect([v.flags.cContiguous, v.flags.fContiguous]).toEqual([c.c, c.f]);
    expect(v.flags.ownData).toBe(false);
    expect(v.flags.aligned).toBe(c.strides.every((s) => s % c.itemsize === 0));
  });
});

describe("element access", () => {
  it("item counts one index in C order and takes one index per axis, negatives from the end", () => {
    using a = array([[1, 2, 3], [4, 5, 6]], { dtype: "int32", order: "F" });
    expect([a.item(4), a.item(1, -1), a.item(-2, 0)]).toEqual([5, 6, 1]);
    expect(a.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it("item raises IndexError and ValueError for bad indices", () => {
    using a = zeros([2, 3]);
    expect(() => a.item(6)).toThrow(IndexError);
    expect(() => a.item(6)).toThrow("index 6 is out of bounds for size 6");
    expect(() => a.item(2, 0)).toThrow("index 2 is out of bounds for axis 0 with size 2");
    expect(() => a.item(0, -4)).toThrow("index -4 is out of bounds for axis 1 with size 3");
    expect(() => a.item()).toThrow(ValueError);
    expect(() => a.item()).toThrow("can only convert an array of size 1 to a Python scalar");
    expect(() => a.item(0, 0, 0)).toThrow("incorrect number of indices for array");
  });

  it("a 0-d array gives its one value to item and toArray", () => {
    using a = full([], 2.5, { dtype: "float16" });
    expect([a.item(), a.toArray(), a.ndim, a.size]).toEqual([2.5, 2.5, 0, 1]);
  });

  it("toTypedArray copies the elements in C order into a buffer that outlives the heap's growth", () => {
    using a = array([[1, 2], [3, 4]], { dtype: "float32", order: "F" });
    const t = a.toTypedArray();
    expect(t).toBeInstanceOf(Float32Array);
    using big = empty([32 * 2 ** 20], { dtype: "uint8" });
    expect([...t]).toEqual([1, 2, 3, 4]);
    void big;
  });

  it.each([
    ["bool", Uint8Array],
    ["int8", Int8Array],
    ["uint8", Uint8Array],
    ["int16", Int16Array],
    ["uint16", Uint16Array],
    ["int32", Int32Array],
    ["uint32", Uint32Array],
    ["int64", BigInt64Array],
    ["uint64", BigUint64Array],
    ["float16", Uint16Array],
    ["bfloat16", Uint16Array],
    ["float32", Float32Array],
    ["float64", Float64Array],
  ] as const)("toTypedArray of %s gives a %o", (dtype, C) => {
    using a = zeros([3], { dtype });
    const t = a.toTypedArray();
    expect(t).toBeInstanceOf(C);
    expect(t.length).toBe(3);
  });
});

describe("use after dispose", () => {
  const uses: [string, (a: NDArray) => unknown][] = [
    ["item", (a) => a.item(0)],
    ["toArray", (a) => a.toArray()],
    ["toTypedArray", (a) => a.toTypedArray()],
    ["flags", (a) => a.flags],
    ["get", (a) => a.get(0)],
    ["set", (a) => a.set(0, 1)],
    ["reshape", (a) => a.reshape([3])],
    ["transpose", (a) => a.transpose()],
    ["T", (a) => a.T],
    ["swapaxes", (a) => a.swapaxes(0, 0)],
    ["squeeze", (a) => a.squeeze()],
    ["expandDims", (a) => a.expandDims(0)],
    ["ravel", (a) => a.ravel()],
    ["broadcastTo", (a) => a.broadcastTo([2, 3])],
    ["view", (a) => a.view("uint8")],
    ["copy", (a) => a.copy()],
    ["flatten", (a) => a.flatten()],
    ["fill", (a) => a.fill(1)],
    ["astype", (a) => a.astype("float32")],
    ["toString", (a) => a.toString()],
    ["repr", (a) => a.repr()],
    ["diagonal", (a) => a.reshape([3, 1]).diagonal()],
    ["get with an integer array", (a) => a.get([0, 1])],
    ["get with a mask", (a) => a.get([true, false, true])],
  ];

  it.each(uses)("%s throws DisposedError", (_name, use) => {
    const a = zeros([3]);
    a.dispose();
    expect(a.isAlive).toBe(false);
    expect(() => use(a)).toThrow(DisposedError);
    expect(() => use(a)).toThrow(/the array has been disposed$/);
  });

  it("a view made before dispose still works, and the disposed array's descriptor stays readable", () => {
    const a = zeros([3]);
    using v = makeView(a, [3], [8], 0);
    a.dispose();
    expect(v.toArray()).toEqual([0, 0, 0]);
    expect([a.shape, a.dtype, a.strides]).toEqual([[3], "float64", [8]]);
  });
});
