import { describe, expect, it } from "vitest";
import { arange, array, full, zeros, heapStats, linspace, eye } from "../src/index.js";

describe("smoke", () => {
  it("creates arrays", () => {
    const a = array([[1, 2], [3, 4]]);
    expect(a.dtype).toBe("int64");
    expect(a.toArray()).toEqual([[1n, 2n], [3n, 4n]]);
    expect(a.strides).toEqual([16, 8]);
    expect(full([3], 1.5, { dtype: "float16" }).toArray()).toEqual([1.5, 1.5, 1.5]);
    expect(zeros([2, 3], { order: "F" }).strides).toEqual([8, 16]);
    expect(arange(0, 1, 0.25).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(eye(2).toArray()).toEqual([[1, 0], [0, 1]]);
    console.log(heapStats());
  });
});
