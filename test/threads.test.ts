// Parallel copies and casts: the same bytes at 1, 2 and 3 threads, for every
// copy path and several cast pairs, across layouts. The split threshold is
// lowered so that small arrays split too (the tests stay fast).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arange, broadcastTo, zeros, type DType, type NDArray } from "../src/index.js";
import { copyto, asfortranarray } from "../src/ops/copyto.js";
import { copyPath } from "../src/ops/copy.js";
import { setSplitThreshold, splitCount } from "../src/core/threads/pool.js";
import { acrossThreads, useThreads, withParts } from "./threads-helpers.js";

beforeAll(async () => {
  setSplitThreshold(0);
  await useThreads(3);
});
afterAll(async () => {
  setSplitThreshold(1 << 20);
  await useThreads(2);
});

/** A base array with distinct, non-integer values. */
function base(shape: number[], dtype: DType = "float32"): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return arange(n, { dtype: "float64" }).reshape(shape).mul(0.37).sub(n / 7).astype(dtype);
}

const SHAPES: number[][] = [[1], [7], [64], [1000], [3, 5], [17, 33], [64, 65], [3, 1000], [129, 16], [2, 3, 50], [5, 4, 3, 19]];

// Views of a base `a`, each named by how it is made.
const VIEWS: [string, (a: NDArray) => NDArray][] = [
  ["C", (a) => a],
  ["T", (a) => a.T],
  ["reversed", (a) => a.get(...a.shape.map(() => "::-1"))],
  ["every other", (a) => a.get(...a.shape.map((_, i) => (i === 0 ? "::2" : "1:")))],
  ["inner slice", (a) => a.get(...a.shape.map((n, i) => (i === a.ndim - 1 ? `:${Math.max(1, n >> 1)}` : ":")))],
  ["F", (a) => asfortranarray(a)],
];

describe("parallel copy", () => {
  for (const dtype of ["uint8", "int16", "float32", "float64"] as DType[]) {
    for (const shape of SHAPES) {
      for (const [name, view] of VIEWS) {
        it(`${dtype} ${JSON.stringify(shape)} ${name}: copy() C, F and K`, async () => {
          const a = base(shape, dtype);
          const v = view(a);
          for (const order of ["C", "F", "K"] as const) {
            const [one, two, three] = acrossThreads(() => v.copy(order));
            expect(two).toEqual(one);
            expect(three).toEqual(one);
          }
          a.dispose();
        });
      }
    }
  }

  it("takes every path, and a broadcast (zero-stride) source", async () => {
    const a = base([40, 70]);
    const paths = new Set<string>();
    for (const v of [a, a.T, a.get(":, :9"), a.get("::3, ::2")]) paths.add(copyPath(v, "C"));
    expect([...paths].sort()).toEqual(["contiguous", "rows", "strided", "tiled"]);
    for (const v of [a, a.T, a.get(":, :9"), a.get("::3, ::2")]) v.copy("C").dispose();
    for (const k of ["copy_contiguous", "copy_rows", "copy_strided_4", "copy_tiled_4"]) expect(splitCount(k), k).toBeGreaterThan(0);
    const row = a.get(5);
    const [one, two, three] = acrossThreads(() => broadcastTo(row, [300, 70]).copy());
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    a.dispose();
  });

  it("copyto into strided and reversed destinations", async () => {
    const src = base([60, 50]);
    const results = [];
    for (const n of [1, 2, 3]) {
      const dst = zeros([120, 100], { dtype: "float32" });
      withParts(n, () => {
        copyto(dst.get("::2, ::-2"), src);
        copyto(dst.get("1::2, 1::2"), src.T.get(":50, :60").T);
      });
      results.push(dst.toTypedArray().slice());
      dst.dispose();
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    src.dispose();
  });

  it("an overlapping contiguous move stays one memmove", async () => {
    for (const n of [1, 2, 3]) {
      const a = arange(100000, { dtype: "int32" });
      withParts(n, () => copyto(a.get("1:"), a.get(":-1")));
      expect(a.item(0)).toBe(0);
      expect(a.item(1)).toBe(0);
      expect(a.item(99999)).toBe(99998);
      a.dispose();
    }
  });

  it("empty arrays", async () => {
    const [one, two] = acrossThreads(() => zeros([0, 5]).T.copy(), [1, 2]);
    expect(two).toEqual(one);
  });
});

describe("parallel cast", () => {
  const PAIRS: [DType, DType][] = [
    ["float32", "float16"],
    ["float32", "float64"],
    ["float64", "float32"],
    ["float16", "float32"],
    ["float32", "bfloat16"],
    ["int64", "float32"],
    ["float64", "int32"],
    ["uint8", "float32"],
    ["float32", "bool"],
  ];
  for (const [from, to] of PAIRS) {
    for (const shape of [[1000], [3, 1000], [17, 33], [2, 3, 50], [129, 16]]) {
      for (const [name, view] of VIEWS) {
        it(`${from} -> ${to} ${JSON.stringify(shape)} ${name}`, async () => {
          const a = base(shape, from);
          const v = view(a);
          for (const order of ["C", "K"] as const) {
            const before = splitCount("cast");
            const [one, two, three] = acrossThreads(() => v.astype(to, { order }));
            if (v.size >= 256) expect(splitCount("cast")).toBeGreaterThan(before);
            expect(two).toEqual(one);
            expect(three).toEqual(one);
          }
          a.dispose();
        });
      }
    }
  }
});
