// Comparisons and logical ops: values, broadcasting and NEP 50 scalars (checked against NumPy 2.4 by hand).
import { describe, expect, it } from "vitest";
import { init, array, arange, greater, greaterEqual, less, lessEqual, equal, notEqual, logicalAnd, logicalOr, logicalNot } from "../src/index.js";

await init();

describe("comparisons", () => {
  it("compares float32 arrays with a weak scalar across the SIMD width (63, 64, 65 elements)", () => {
    for (const n of [63, 64, 65]) {
      const a = arange(n, { dtype: "float32" });
      const r = greater(a, 31.5);
      expect(r.dtype).toBe("bool");
      expect((r.toArray() as boolean[]).filter(Boolean).length).toBe(n - 32);
    }
  });
  it("every operator, every dtype, array vs array with broadcasting", () => {
    for (const dtype of ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16", "float32", "float64", "bool"] as const) {
      const a = array([[0, 1, 2], [1, 1, 0]], { dtype });
      const b = array([1, 1, 0], { dtype });
      expect(greater(a, b).toArray(), dtype).toEqual([[false, false, true], [false, false, false]]);
      expect(greaterEqual(a, b).toArray(), dtype).toEqual([[false, true, true], [true, true, true]]);
      expect(less(a, b).toArray(), dtype).toEqual([[true, false, false], [false, false, false]]);
      expect(lessEqual(a, b).toArray(), dtype).toEqual([[true, true, false], [true, true, true]]);
      expect(equal(a, b).toArray(), dtype).toEqual([[false, true, false], [true, true, true]]);
      expect(notEqual(a, b).toArray(), dtype).toEqual([[true, false, true], [false, false, false]]);
    }
  });
  it("a scalar on the left swaps the operator; out-of-range integers compare mathematically", () => {
    expect(less(1, array([0, 1, 2])).toArray()).toEqual([false, false, true]);
    expect(greater(array([0, 255], { dtype: "uint8" }), 300).toArray()).toEqual([false, false]);
    expect(less(array([0, 255], { dtype: "uint8" }), 300).toArray()).toEqual([true, true]);
    expect(equal(array([1, 2], { dtype: "int32" }), 1.5).toArray()).toEqual([false, false]);
    expect(notEqual(array([NaN, 1]), NaN).toArray()).toEqual([true, true]);
  });
  it("logical ops broadcast and treat nonzero as true", () => {
    expect(logicalAnd(array([[1, 0], [2, 3]]), array([true, false])).toArray()).toEqual([[true, false], [true, false]]);
    expect(logicalOr(array([0, 0, 5]), array([0, 1, 0])).toArray()).toEqual([false, true, true]);
    expect(logicalNot(array([0, 2.5])).toArray()).toEqual([true, false]);
  });
  it("E[greater(E, 0)] selects the positive elements", () => {
    const E = array([[-1, 2], [3, -4]], { dtype: "float32" });
    expect(E.get(greater(E, 0)).toArray()).toEqual([2, 3]);
  });
});
