// Parallel gathers and compactions (same bytes at 1, 2 and 3 threads), and
// the pool's lifecycle: injected failures, growth of the heap, timeouts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arange, array, equal, greater, less, logicalAnd, logicalNot, IndexError, place, putmask, sin, tanh, zeros, WorkerError, type DType, type NDArray } from "../src/index.js";
import { heapStats } from "../src/index.js";
import { injectWorkerFailure, setSplitThreshold, setWorkerTimeout, splitCount } from "../src/core/threads/pool.js";
import { lastGatherPath } from "../src/ops/gather.js";
import { acrossThreads, useThreads, withParts } from "./threads-helpers.js";

beforeAll(async () => {
  setSplitThreshold(0);
  await useThreads(3);
});
afterAll(async () => {
  setSplitThreshold(1 << 20);
  setWorkerTimeout(10_000);
  await useThreads(2);
});

function base(shape: number[], dtype: DType = "float32"): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return arange(n, { dtype: "float64" }).reshape(shape).mul(0.37).sub(n / 7).astype(dtype);
}

function ids(n: number, len: number): NDArray {
  const v: number[] = [];
  for (let i = 0; i < n; i++) v.push(((i * 7919) % (2 * len)) - len);
  return array(v, { dtype: "int64" });
}

describe("parallel row gather", () => {
  for (const dtype of ["uint8", "float32", "float64"] as DType[]) {
    for (const [shape, n] of [[[10, 3], 1], [[10, 3], 5], [[50, 7], 200], [[300, 4, 5], 1000], [[7], 30]] as [number[], number][]) {
      it(`${dtype} ${JSON.stringify(shape)}[ids${n}]`, () => {
        const a = base(shape, dtype);
        const ix = ids(n, shape[0]!);
        const [one, two, three] = acrossThreads(() => a.get(ix));
        expect(lastGatherPath).toBe("rows");
        if (n > 1) expect(splitCount("gather_rows_i64")).toBeGreaterThan(0);
        expect(two).toEqual(one);
        expect(three).toEqual(one);
        // A strided index array too.
        const every = ix.get("::-3");
        const r = acrossThreads(() => a.get(every));
        expect(r[1]).toEqual(r[0]);
        expect(r[2]).toEqual(r[0]);
        a.dispose();
      });
    }
  }

  it("names the first bad index, whichever part finds it", () => {
    const a = base([20, 8]);
    const v = Array.from({ length: 300 }, (_, i) => i % 20);
    v[250] = 99;
    v[280] = -77;
    const ix = array(v, { dtype: "int64" });
    for (const n of [1, 2, 3]) {
      const before = heapStats().allocations;
      expect(() => withParts(n, () => a.get(ix))).toThrow(new IndexError("index 99 is out of bounds for axis 0 with size 20"));
      expect(heapStats().allocations).toBe(before);
    }
  });
});

describe("parallel compaction", () => {
  for (const dtype of ["uint8", "int16", "float32", "float64"] as DType[]) {
    for (const shape of [[1], [15], [16], [17], [100], [3, 1000], [33, 65], [2, 3, 129]]) {
      it(`${dtype} ${JSON.stringify(shape)}: a[a > 0] and a[row_mask]`, () => {
        const a = base(shape, dtype);
        const masks = acrossThreads(() => greater(a, 0));
        expect(masks[1]).toEqual(masks[0]);
        expect(masks[2]).toEqual(masks[0]);
        const flipped = acrossThreads(() => greater(a.T, 0.5));
        expect(flipped[1]).toEqual(flipped[0]);
        expect(flipped[2]).toEqual(flipped[0]);
        const m = greater(a, 0);
        const [one, two, three] = acrossThreads(() => a.get(m));
        expect(lastGatherPath).toBe("compact");
        if (a.size >= 64) expect(splitCount(`compact_${a.itemsize}`)).toBeGreaterThan(0);
        expect(two).toEqual(one);
        expect(three).toEqual(one);
        const rows = array(Array.from({ length: shape[0]! }, (_, i) => (i * 5) % 3 !== 0));
        const r = acrossThreads(() => a.get(rows));
        expect(r[1]).toEqual(r[0]);
        expect(r[2]).toEqual(r[0]);
        m.dispose();
        a.dispose();
      });
    }
  }

  it("all false and all true masks", () => {
    const a = base([40, 50]);
    for (const fill of [false, true]) {
      const m = zeros([40, 50], { dtype: "bool" });
      if (fill) m.fill(true);
      const r = acrossThreads(() => a.get(m));
      expect(r[0]!.shape).toEqual([fill ? 2000 : 0]);
      expect(r[1]).toEqual(r[0]);
      expect(r[2]).toEqual(r[0]);
    }
  });
});

describe("pool lifecycle", () => {
  it("a worker that throws: a clear error, arrays intact, the next call works", async () => {
    const a = base([300, 40]);
    const want = withParts(1, () => a.T.copy());
    const before = heapStats().allocations;
    injectWorkerFailure(1, "throw");
    expect(() => a.T.copy()).toThrow(WorkerError);
    injectWorkerFailure(2, "throw");
    expect(() => a.T.copy()).toThrow(/^stridewise: worker 2 failed in copy_tiled_4: injected failure$/);
    expect(heapStats().allocations).toBe(before);
    expect(a.item(299, 39)).toBeCloseTo(299 * 40 * 0.37 + 39 * 0.37 - 12000 / 7, 2);
    await useThreads(3);
    const again = a.T.copy();
    expect(again.toTypedArray()).toEqual(want.toTypedArray());
  });

  it("a worker that never answers times out instead of hanging, and is replaced", async () => {
    setWorkerTimeout(300);
    const a = base([1000]);
    injectWorkerFailure(1, "hang");
    const t0 = performance.now();
    expect(() => a.astype("float64")).toThrow(/^stridewise: worker 1 failed in cast: no answer after 300 ms$/);
    expect(performance.now() - t0).toBeLessThan(5000);
    setWorkerTimeout(10_000);
    await useThreads(3);
    const r = acrossThreads(() => a.astype("float64"));
    expect(r[2]).toEqual(r[0]);
  });

  it("a worker that dies between calls is replaced; no call fails, nothing hangs", async () => {
    const a = base([3000]);
    const want = withParts(1, () => a.astype("float16"));
    injectWorkerFailure(1, "exit");
    const first = a.astype("float16");
    // The worker's exit reaches this thread on its event loop.
    await new Promise((r) => setTimeout(r, 200));
    const second = a.astype("float16");
    expect(first.toTypedArray()).toEqual(want.toTypedArray());
    expect(second.toTypedArray()).toEqual(want.toTypedArray());
    await useThreads(3);
    expect(acrossThreads(() => a.astype("float16"))[2]!.bytes).toBe(acrossThreads(() => want.copy(), [1])[0]!.bytes);
  });

  it("growing the heap between calls: workers write into the new region", () => {
    const before = heapStats().heapSize;
    const big = zeros([(before >>> 2) + (64 << 20) / 4], { dtype: "float32" });
    expect(heapStats().heapSize).toBeGreaterThan(before);
    const src = base([2048, 1024]);
    expect(src._mem.ptr).toBeGreaterThan(before);
    const r = acrossThreads(() => src.T.copy());
    expect(r[1]).toEqual(r[0]);
    expect(r[2]).toEqual(r[0]);
    big.dispose();
    src.dispose();
  });
});

describe("parallel reductions (independent output slices)", () => {
  const CASES: [string, (a: NDArray) => NDArray][] = [
    ["mean(0)", (a) => a.mean(0)],
    ["sum(0)", (a) => a.sum(0)],
    ["sum(-1)", (a) => a.sum(-1)],
    ["max(0)", (a) => a.max(0)],
    ["T.sum(1)", (a) => a.T.sum(1)],
    ["[::-1].mean(0)", (a) => a.get("::-1").mean(0)],
    ["argmax(-1)", (a) => a.argmax(-1)],
    ["argmin(0)", (a) => a.argmin(0)],
    ["cumsum(-1)", (a) => a.cumsum(-1)],
    ["cumprod(0)", (a) => a.cumprod(0)],
  ];
  afterAll(() => {
    // The cases above must really have run in parts.
    expect(splitCount("reduce")).toBeGreaterThan(50);
    expect(splitCount("arg_reduce")).toBeGreaterThan(10);
    expect(splitCount("accumulate_rows")).toBeGreaterThan(10);
  });
  for (const dtype of ["float32", "float64", "float16", "int32"] as DType[]) {
    for (const shape of [[3, 1000], [129, 16], [1000, 3], [64, 65], [2, 3, 129]]) {
      for (const [name, f] of CASES) {
        it(`${dtype} ${JSON.stringify(shape)} ${name}`, () => {
          const a = base(shape, dtype);
          const [one, two, three] = acrossThreads(() => f(a));
          expect(two).toEqual(one);
          expect(three).toEqual(one);
          a.dispose();
        });
      }
    }
  }
});

describe("ops that hold scratch slots around split calls", () => {
  it("element-wise with a scalar and a cast operand, fill, where", () => {
    const a = arange(3000, { dtype: "int32" }).reshape([60, 50]);
    const cases: (() => NDArray)[] = [
      () => a.add(2.5),
      () => a.T.mul(0.5),
      () => a.astype("float16").sub(1.25),
      () => {
        const z = zeros([60, 50], { dtype: "float64" });
        z.fill(0.1);
        return z;
      },
    ];
    for (const f of cases) {
      const r = acrossThreads(f);
      expect(r[1]).toEqual(r[0]);
      expect(r[2]).toEqual(r[0]);
    }
    a.dispose();
  });
});

describe("parallel block gather (other index forms)", () => {
  it("2-d index arrays, indices on an inner axis, mixed with slices", () => {
    const a = base([40, 30, 6]);
    const ix = array(Array.from({ length: 60 }, (_, i) => (i * 13) % 40), { dtype: "int64" }).reshape([6, 10]);
    const jx = array(Array.from({ length: 50 }, (_, i) => (i * 7) % 30), { dtype: "int64" });
    const before = splitCount("gather_blocks");
    const cases: (() => NDArray)[] = [() => a.get(ix), () => a.get(":", jx), () => a.get(ix, "1:4"), () => a.get(ix, jx.get(":10"), "::-2"), () => a.T.get(":", jx)];
    for (const f of cases) {
      const r = acrossThreads(f);
      expect(r[1]).toEqual(r[0]);
      expect(r[2]).toEqual(r[0]);
    }
    expect(splitCount("gather_blocks")).toBeGreaterThan(before);
    a.dispose();
  });
});

describe("parallel masked writes", () => {
  afterAll(() => {
    for (const k of ["masked_copy_4", "masked_copy_8", "expand_4", "expand_1"]) expect(splitCount(k), k).toBeGreaterThan(0);
  });
  for (const dtype of ["uint8", "int16", "float32", "float64"] as DType[]) {
    for (const shape of [[17], [100], [33, 65], [3, 1000]]) {
      it(`${dtype} ${JSON.stringify(shape)}: a[m] = 0, a[m] = values, putmask, place`, () => {
        const a = base(shape, dtype);
        const m = greater(a, 0);
        const n = a.get(m).size;
        const vals = arange(n, { dtype: "float64" }).mul(-1.5).astype(dtype);
        const short = arange(7, { dtype: "float64" }).astype(dtype);
        const writes: ((y: NDArray) => void)[] = [
          (y) => y.set(m, 0),
          (y) => y.set(m, vals),
          (y) => putmask(y, m, short),
          (y) => place(y, m, vals),
          (y) => place(y, m, short),
        ];
        for (const write of writes) {
          const r = acrossThreads(() => {
            const y = a.copy();
            write(y);
            return y;
          });
          expect(r[1]).toEqual(r[0]);
          expect(r[2]).toEqual(r[0]);
        }
        a.dispose();
      });
    }
  }
});

describe("parallel element-wise ops (ranges of one axis of the loop nest)", () => {
  afterAll(() => {
    expect(splitCount("binary")).toBeGreaterThan(20);
    expect(splitCount("unary")).toBeGreaterThan(10);
    expect(splitCount("compare")).toBeGreaterThan(10);
    expect(splitCount("logical")).toBeGreaterThan(10);
  });
  const LAYOUTS: [string, (a: NDArray) => NDArray][] = [
    ["C", (a) => a.get("...")],
    ["T", (a) => a.T],
    ["reversed, stepped", (a) => a.get("::-1, ::2")],
    ["row broadcast", (a) => a.get("0:1").broadcastTo(a.shape)],
  ];
  const OPS: [string, (x: NDArray, y: NDArray) => NDArray][] = [
    ["x + y", (x, y) => x.add(y)],
    ["x * 2.5", (x) => x.mul(2.5)],
    ["maximum(x, y)", (x, y) => x.maximum(y)],
    ["sqrt(x)", (x) => x.abs().sqrt()],
    ["sin(x)", (x) => sin(x)],
    ["tanh(x)", (x) => tanh(x)],
    ["x ** y", (x, y) => x.abs().pow(y)],
    ["-x", (x) => x.neg()],
    ["x - y (float16)", (x, y) => x.astype("float16").sub(y)],
    ["x < y", (x, y) => less(x, y)],
    ["x == x", (x) => equal(x, x)],
    ["logical_and(x, y)", (x, y) => logicalAnd(x, y)],
    ["logical_not(x > 0)", (x) => logicalNot(greater(x, 0))],
  ];
  for (const shape of [[129, 65], [3, 1000], [1000, 3]]) {
    for (const [lname, lay] of LAYOUTS) {
      it(`${JSON.stringify(shape)} ${lname}`, () => {
        const a = base(shape, "float32");
        const x = lay(a);
        const b = base([...x.shape], "float64").mul(-1);
        for (const [oname, f] of OPS) {
          const [one, two, three] = acrossThreads(() => f(x, b));
          expect(two, oname).toEqual(one);
          expect(three, oname).toEqual(one);
        }
        for (const t of [x, b, a]) t.dispose();
      });
    }
  }
  it("transcendental loops are priced by their arithmetic: sin over 4,096 float32 splits at the default threshold, add does not", () => {
    setSplitThreshold(1 << 20);
    try {
      const x = base([4096], "float32");
      const [unary, binary] = [splitCount("unary"), splitCount("binary")];
      const [one, two] = acrossThreads(() => sin(x));
      expect(two).toEqual(one);
      expect(splitCount("unary")).toBeGreaterThan(unary);
      const small = base([2048], "float32");
      const before = splitCount("unary");
      sin(small).dispose();
      expect(splitCount("unary")).toBe(before);
      x.add(x).dispose();
      expect(splitCount("binary")).toBe(binary);
      for (const t of [x, small]) t.dispose();
    } finally {
      setSplitThreshold(0);
    }
  });
  it("a part that meets a negative integer exponent raises NumPy's error, whichever part it is", () => {
    const a = arange(4000, { dtype: "int64" }).reshape([40, 100]);
    const e = arange(4000, { dtype: "int64" }).reshape([40, 100]).mul(0);
    e.set(39, 99, -1);
    for (const n of [1, 2, 3]) {
      expect(() => withParts(n, () => a.pow(e))).toThrow("Integers to negative integer powers are not allowed.");
    }
    for (const t of [a, e]) t.dispose();
  });
});
