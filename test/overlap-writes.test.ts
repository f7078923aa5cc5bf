// Assignments whose source is a view of the destination give NumPy's
// results (fixtures from scripts/fixtures_overlap_writes.py), and disjoint
// ones cost no temporary.
import { describe, expect, it } from "vitest";
import { arange, copyto, heapStats, resetPeak, type DType } from "../src/index.js";
import { loadFixture } from "./fixtures.js";

interface Case {
  shape: number[];
  dtype: DType;
  dst: string;
  src: string;
  transpose: boolean;
  result: number[];
}
const { cases } = loadFixture<{ cases: Case[] }>("overlap_writes");

const label = (c: Case): string => `a[${c.dst}] = a[${c.src}]${c.transpose ? ".T" : ""} on ${c.dtype}[${c.shape}]`;

describe("assignment from an overlapping view", () => {
  for (const c of cases) {
    it(`${label(c)} gives NumPy's values, through set and through copyto`, () => {
      for (const how of ["set", "copyto"] as const) {
        const size = c.shape.reduce((p, n) => p * n, 1);
        const base = arange(size).astype(c.dtype).reshape(c.shape);
        let value = base.get(c.src);
        if (c.transpose) value = value.T;
        if (how === "set") base.set(c.dst, value);
        else copyto(base.get(c.dst), value);
        const got = (base.ravel().toArray() as (number | bigint)[]).map(Number);
        expect(got).toEqual(c.result);
        base.dispose();
      }
    });
  }
});

describe("assignment between disjoint views", () => {
  it("copies interleaved halves directly, with no temporary", () => {
    const a = arange(1 << 16, { dtype: "float32" });
    const evens = a.get("::2");
    const odds = a.get("1::2");
    resetPeak();
    const before = heapStats();
    evens.set("...", odds);
    const after = heapStats();
    expect(after.peakBytesInUse).toBe(before.bytesInUse);
    expect(a.item(0)).toBe(1);
    expect(a.item(2)).toBe(3);
    a.dispose();
  });

  it("uses a temporary exactly when the views overlap", () => {
    const a = arange(1 << 16, { dtype: "float32" });
    resetPeak();
    const before = heapStats().bytesInUse;
    a.set("1:", a.get(":-1"));
    expect(heapStats().peakBytesInUse).toBeGreaterThanOrEqual(before + ((1 << 16) - 1) * 4);
    expect(heapStats().bytesInUse).toBe(before);
    expect(a.item(1)).toBe(0);
    a.dispose();
  });
});
