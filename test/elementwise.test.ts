// Element-wise ufuncs against NumPy fixtures (scripts/fixtures_math.py).
import { describe, expect, it } from "vitest";
import { add, array, divide, multiply, subtract, OverflowError } from "../src/index.js";

describe("element-wise basics", () => {
  it("keeps float32 for a weak float scalar (NEP 50)", () => {
    const a = array([1, 2], { dtype: "float32" });
    const r = multiply(a, 2.5);
    expect(r.dtype).toBe("float32");
    expect(r.toArray()).toEqual([2.5, 5]);
  });
  it("raises NumPy's OverflowError for uint8 + 300", () => {
    expect(() => add(array([1], { dtype: "uint8" }), 300)).toThrow(OverflowError);
    expect(() => add(array([1], { dtype: "uint8" }), 300)).toThrow("Python integer 300 out of bounds for uint8");
  });
  it("broadcasts a row against a matrix", () => {
    const a = array([[1, 2], [3, 4]], { dtype: "float64" });
    expect(subtract(a, array([1, 2], { dtype: "float64" })).toArray()).toEqual([[0, 0], [2, 2]]);
    expect(divide(array([1, 2]), 2).dtype).toBe("float64");
  });
});
