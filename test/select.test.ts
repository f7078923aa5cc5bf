// take, put, compress, nonzero, argwhere, flatnonzero, where, extract, place, putmask, countNonzero (values from NumPy 2.4).
import { describe, expect, it } from "vitest";
import { init, array, arange, take, put, compress, nonzero, argwhere, flatnonzero, where, extract, place, putmask, countNonzero, greater } from "../src/index.js";

await init();

describe("selection functions", () => {
  it("take with axis and modes", () => {
    const a = arange(12).reshape([3, 4]);
    expect(take(a, [0, 5]).toArray()).toEqual([0n, 5n]);
    expect(take(a, [2, 0], { axis: 1 }).toArray()).toEqual([[2n, 0n], [6n, 4n], [10n, 8n]]);
    expect(take(a, [-1, 4], { axis: 0, mode: "wrap" }).toArray()).toEqual([[8n, 9n, 10n, 11n], [4n, 5n, 6n, 7n]]);
    expect(take(a, [-1, 9], { axis: 0, mode: "clip" }).toArray()).toEqual([[0n, 1n, 2n, 3n], [8n, 9n, 10n, 11n]]);
    expect(() => take(a, [12])).toThrow("index 12 is out of bounds for axis 0 with size 12");
  });
  it("put cycles values and the last index wins", () => {
    const a = arange(5);
    put(a, [0, 2, 0], [-44, -55]);
    expect(a.toArray()).toEqual([-44n, 1n, -55n, 3n, 4n]);
  });
  it("nonzero, argwhere, flatnonzero, countNonzero", () => {
    const x = array([[3, 0, 0], [0, 4, 0], [5, 6, 0]]);
    expect(nonzero(x).map((v) => v.toArray())).toEqual([[0n, 1n, 2n, 2n], [0n, 1n, 0n, 1n]]);
    expect(argwhere(x).toArray()).toEqual([[0n, 0n], [1n, 1n], [2n, 0n], [2n, 1n]]);
    expect(flatnonzero(x).toArray()).toEqual([0n, 4n, 6n, 7n]);
    expect(countNonzero(x)).toBe(4);
    expect(() => nonzero(array(1))).toThrow("Calling nonzero on 0d arrays is not allowed");
  });
  it("compress and extract", () => {
    const a = array([[1, 2], [3, 4], [5, 6]]);
    expect(compress([false, true], a, { axis: 0 }).toArray()).toEqual([[3n, 4n]]);
    expect(compress([false, true, true], a).toArray()).toEqual([2n, 3n]);
    expect(extract(greater(a, 3), a).toArray()).toEqual([4n, 5n, 6n]);
  });
  it("where with one and three arguments", () => {
    expect(where([true, false, true], 1, array([7, 8, 9])).toArray()).toEqual([1n, 8n, 1n]);
    expect(where(array([[true], [false]]), array([1.5, 2.5]), 0).toArray()).toEqual([[1.5, 2.5], [0, 0]]);
    expect(where([0, 3]).map((v) => v.toArray())).toEqual([[1n]]);
  });
  it("place and putmask", () => {
    const a = arange(6);
    place(a, greater(a, 2), [44, 55]);
    expect(a.toArray()).toEqual([0n, 1n, 2n, 44n, 55n, 44n]);
    const b = arange(5);
    putmask(b, greater(b, 1), [10, 20]);
    expect(b.toArray()).toEqual([0n, 1n, 10n, 20n, 10n]);
    expect(() => place(arange(3), [true, false, false], [])).toThrow("Cannot insert from an empty array!");
  });
});
