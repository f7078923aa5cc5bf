// Advanced indexing against NumPy (test/fixtures/advanced.json, written by
// scripts/fixtures_indexing_advanced.py): shape, strides, contiguity and
// values of base[index], the base after base[index] = value, and every
// error with its message; a failed write leaves the base unchanged.

import { describe, expect, it } from "vitest";
import { init, array, arange, empty, heapMemory, heapStats, resetPeak, zeros, slice, IndexError, ValueError, type NDArray, type DType, type IndexItem } from "../src/index.js";
import { lastGatherPath } from "../src/ops/gather.js";
import { kernels } from "../src/core/kernels.js";
import { loadFixture, jsValue, type Encoded } from "./fixtures.js";

await init();

interface Case {
  base: { shape: number[]; dtype: DType; layout: string };
  index: Encoded[];
  result?: { shape: number[]; strides: number[]; c: boolean; f: boolean; own: boolean; values: Encoded[] };
  error?: [string, string];
  value: Encoded;
  after?: Encoded[];
  setError?: [string, string];
}

const fx = loadFixture<{ cases: Case[] }>("advanced");

/** A small seeded LCG in [0, 1), for the kernel tests' masks and bytes. */
function uniform(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
}

function root(shape: number[], dtype: DType): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const k = arange(n);
  const vals = dtype === "bool" ? k.toArray() as bigint[] : (k.toArray() as bigint[]);
  const flat = vals.map((v) => (dtype === "bool" ? Number(v) % 2 === 1 : (Number(v) % 97) + 1));
  k.dispose();
  return array(flat as never, { dtype }).reshape(shape);
}

function makeBase(b: Case["base"]): NDArray {
  const { shape, dtype, layout } = b;
  if (layout === "C") return root(shape, dtype);
  if (layout === "F") return array(root(shape, dtype), { order: "F" });
  if (layout === "neg") return root(shape, dtype).get("::-1");
  if (layout === "T") return root(shape, dtype).T;
  const s = shape.slice();
  s[s.length - 1]! *= 2;
  return root(s, dtype).get("...", "::2");
}

const TYPED: Record<string, (x: number[]) => unknown> = {
  int32: (x) => Int32Array.from(x),
  uint8: (x) => Uint8Array.from(x),
  int16: (x) => Int16Array.from(x),
};

function component(c: Encoded): IndexItem {
  if (c === null || typeof c === "number" || typeof c === "boolean" || c === "...") return c as IndexItem;
  const o = c as Record<string, Encoded>;
  if ("s" in o) {
    const [a, b, s] = o.s as (number | null)[];
    return slice(a ?? null, b ?? null, s ?? null);
  }
  if ("l" in o) return o.l as IndexItem;
  if ("t" in o) return TYPED[o.dt as string]!(o.t as number[]) as IndexItem;
  return array(jsValue(o.a!) as never, { dtype: o.dt as DType });
}

const norm = (v: unknown): unknown => (typeof v === "bigint" ? Number(v) : v);
function flatValues(a: NDArray): unknown[] {
  const t = a.toArray();
  return (Array.isArray(t) ? (t as unknown[]).flat(Infinity) : [t]).map(norm);
}
function expected(vs: Encoded[], dtype: DType): unknown[] {
  return vs.map((v) => {
    const x = jsValue(v);
    return dtype === "bool" ? Boolean(x) : x;
  });
}

function describeCase(c: Case): string {
  return `${c.base.layout} ${c.base.dtype} [${c.base.shape}] [${JSON.stringify(c.index)}]`;
}

describe("advanced indexing matches NumPy", () => {
  it(`reads ${fx.cases.length} recorded indices with NumPy's shape, strides, values and errors`, () => {
    const failures: string[] = [];
    for (const c of fx.cases) {
      try {
      const base = makeBase(c.base);
      const index = c.index.map(component);
      const what = describeCase(c);
      if (c.error) {
        let err: unknown = null;
        try {
          base.get(...index);
        } catch (e) {
          err = e;
        }
        expect(err, what).toBeInstanceOf(c.error[0] === "ValueError" ? ValueError : IndexError);
        expect((err as Error).message, what).toBe(c.error[1]);
      } else {
        const r = base.get(...index);
        expect(r.shape, what).toEqual(c.result!.shape);
        expect(r.strides, what).toEqual(c.result!.strides);
        expect(r.flags.cContiguous, what).toBe(c.result!.c);
        expect(r.flags.fContiguous, what).toBe(c.result!.f);
        expect(r.flags.ownData, what).toBe(c.result!.own);
        expect(flatValues(r), what).toEqual(expected(c.result!.values, c.base.dtype));
        r.dispose();
      }
      } catch (e) {
        failures.push(String(e).slice(0, 400));
      }
    }
    expect(failures.slice(0, 8), `${failures.length} failures`).toEqual([]);
  });

  it("writes through every recorded index as NumPy does (or leaves the base unchanged on error)", () => {
    const failures: string[] = [];
    for (const c of fx.cases) {
      try {
      const base = makeBase(c.base);
      const before = flatValues(base);
      const index = c.index.map(component);
      const v = c.value as Record<string, Encoded>;
      const value = typeof c.value === "number" ? c.value : array(jsValue(v.a!) as never, { dtype: "int64" }).reshape(v.shape as number[]);
      const what = describeCase(c);
      if (c.setError) {
        let err: unknown = null;
        try {
          base.set(...index, value as never);
        } catch (e) {
          err = e;
        }
        expect(err, what).toBeInstanceOf(c.setError[0] === "ValueError" ? ValueError : IndexError);
        expect((err as Error).message, what).toBe(c.setError[1]);
        expect(flatValues(base), what).toEqual(before);
      } else {
        base.set(...index, value as never);
        expect(flatValues(base), what).toEqual(expected(c.after!, c.base.dtype));
      }
      } catch (e) {
        failures.push(String(e).slice(0, 400));
      }
    }
    expect(failures.slice(0, 8), `${failures.length} failures`).toEqual([]);
  });
});

describe("advanced indexing: paths and details", () => {
  it("gathers rows of a C-contiguous array in one kernel call", () => {
    const E = arange(24, { dtype: "float32" }).reshape([6, 4]);
    const ids = array([5, 0, -1]);
    const r = E.get(ids);
    expect(lastGatherPath).toBe("rows");
    expect(r.toArray()).toEqual([[20, 21, 22, 23], [0, 1, 2, 3], [20, 21, 22, 23]]);
    expect(() => E.get(array([6]))).toThrow("index 6 is out of bounds for axis 0 with size 6");
  });

  it("compacts with a full-shape mask and with a row mask", () => {
    const E = arange(12, { dtype: "float32" }).reshape([3, 4]);
    const r = E.get(array([[true, false, true, false], [false, false, false, false], [true, true, true, true]]));
    expect(lastGatherPath).toBe("compact");
    expect(r.toArray()).toEqual([0, 2, 8, 9, 10, 11]);
    const rows = E.get(array([true, false, true]));
    expect(lastGatherPath).toBe("compact");
    expect(rows.toArray()).toEqual([[0, 1, 2, 3], [8, 9, 10, 11]]);
  });

  it("compacts every item size like a plain filter, across block and output-end edges, writing nothing past the output", () => {
    // The kernel packs 16-element blocks with vector swizzles and switches to
    // a scalar loop near the output's end; these sizes and masks hit every
    // branch. The destination sits inside a sentinel-filled region.
    const rand = uniform(7);
    const masks: [string, (i: number, n: number) => number][] = [
      ["half", () => (rand() < 0.5 ? 1 : 0)],
      ["sparse", () => (rand() < 0.05 ? 1 : 0)],
      ["dense", () => (rand() < 0.95 ? 1 : 0)],
      ["all", () => 1],
      ["last only", (i, n) => (i === n - 1 ? 1 : 0)],
      ["first block", (i) => (i < 16 ? 1 : 0)],
      ["nonzero bytes other than 1", () => (rand() < 0.5 ? 2 + Math.floor(rand() * 250) : 0)],
    ];
    const k = kernels();
    for (const w of [1, 2, 4, 8] as const) {
      const fn = { 1: k.compact_1, 2: k.compact_2, 4: k.compact_4, 8: k.compact_8 }[w];
      for (const n of [1, 15, 16, 17, 31, 32, 33, 47, 48, 49, 255, 256, 257, 1000]) {
        for (const [label, bit] of masks) {
          const src = empty([n * w], { dtype: "uint8" });
          const mask = empty([n], { dtype: "uint8" });
          const out = empty([n * w + 64], { dtype: "uint8" });
          const S = src.address("test");
          const M = mask.address("test");
          const D = out.address("test");
          const mem = new Uint8Array(heapMemory().buffer);
          for (let i = 0; i < n * w; i++) mem[S + i] = Math.floor(rand() * 256);
          for (let i = 0; i < n; i++) mem[M + i] = bit(i, n);
          mem.fill(0xa5, D, D + n * w + 64);
          const want: number[] = [];
          for (let i = 0; i < n; i++) if (mem[M + i] !== 0) for (let b = 0; b < w; b++) want.push(mem[S + i * w + b]!);
          const count = want.length / w;
          expect(fn(D, S, M, n, count), `${w} ${n} ${label}`).toBe(count);
          const after = new Uint8Array(heapMemory().buffer);
          expect(Array.from(after.subarray(D, D + want.length)), `${w} ${n} ${label}`).toEqual(want);
          expect(after.subarray(D + want.length, D + n * w + 64).every((x) => x === 0xa5), `${w} ${n} ${label}: wrote past the output`).toBe(true);
          src.dispose();
          mask.dispose();
          out.dispose();
        }
      }
    }
  });

  it("expands and blends every item size like a plain loop, across block and value-end edges, writing nothing outside the target", () => {
    // expand_N: the k-th true position takes values[k] (vector blocks, then a
    // branchless tail once fewer than a block of values is left);
    // masked_copy_N: true positions take src[i] (or one repeated value).
    const rand = uniform(11);
    const k = kernels();
    for (const w of [1, 2, 4, 8] as const) {
      const expandW = { 1: k.expand_1, 2: k.expand_2, 4: k.expand_4, 8: k.expand_8 }[w];
      const blendW = { 1: k.masked_copy_1, 2: k.masked_copy_2, 4: k.masked_copy_4, 8: k.masked_copy_8 }[w];
      for (const n of [1, 2, 15, 16, 17, 31, 33, 48, 49, 255, 257, 1000]) {
        for (const p of [0.05, 0.5, 0.95, 1]) {
          const region = empty([(n + 2) * w + 128], { dtype: "uint8" });
          const vals = empty([n * w], { dtype: "uint8" });
          const mask = empty([n], { dtype: "uint8" });
          const R = region.address("test") + 64; // target starts 64 bytes into a sentinel region
          const V = vals.address("test");
          const M = mask.address("test");
          const mem = new Uint8Array(heapMemory().buffer);
          for (let i = 0; i < n; i++) mem[M + i] = rand() < p ? 1 + Math.floor(rand() * 3) : 0;
          const nnz = Array.from(mem.subarray(M, M + n)).filter((x) => x !== 0).length;
          for (let i = 0; i < n * w; i++) mem[V + i] = Math.floor(rand() * 256);
          const base = Array.from({ length: n * w }, () => Math.floor(rand() * 256));
          for (const mode of ["expand", "blend", "blend one"] as const) {
            mem.fill(0x5a, R - 64, R + n * w + 64);
            mem.set(base, R);
            const want = base.slice();
            let j = 0;
            for (let i = 0; i < n; i++) {
              if (mem[M + i] === 0) continue;
              const from = mode === "expand" ? j++ : mode === "blend" ? i : 0;
              for (let b = 0; b < w; b++) want[i * w + b] = mem[V + from * w + b]!;
            }
            if (mode === "expand") expandW(R, V, M, n, nnz);
            else blendW(R, V, M, n, mode === "blend" ? w : 0);
            const after = new Uint8Array(heapMemory().buffer);
            const what = `${mode} w=${w} n=${n} p=${p}`;
            expect(Array.from(after.subarray(R, R + n * w)), what).toEqual(want);
            expect(after.subarray(R - 64, R).every((x) => x === 0x5a) && after.subarray(R + n * w, R + n * w + 64).every((x) => x === 0x5a), `${what}: wrote outside`).toBe(true);
          }
          for (const x of [region, vals, mask]) x.dispose();
        }
      }
    }
  });

  it("scatters a value already in the result's shape and dtype straight from its memory, and an overlapping one through a temporary", () => {
    const cols = 4096;
    const table = arange(8 * cols, { dtype: "float32" }).reshape([8, cols]);
    const ids = array([5, 0, 7]);
    const rows = arange(3 * cols, { dtype: "float32" }).reshape([3, cols]).mul(-1);
    const want = table.toArray() as number[][];
    const vals = rows.toArray() as number[][];
    [5, 0, 7].forEach((r, k) => (want[r] = vals[k]!));
    const before = heapStats().bytesInUse;
    resetPeak();
    table.set(ids, rows);
    // Only the small table of block offsets is allocated, not a copy of `rows`.
    expect(heapStats().peakBytesInUse - before).toBeLessThan(rows.nbytes);
    expect(table.toArray()).toEqual(want);
    // A view of the table itself overlaps it: staged, so every row read is the old one.
    const old = table.toArray() as number[][];
    const view = table.get("1:4");
    table.set(array([2, 3, 1]), view);
    [2, 3, 1].forEach((r, k) => (want[r] = old[1 + k]!));
    expect(table.toArray()).toEqual(want);
    for (const x of [table, ids, rows, view]) x.dispose();
  });

  it("reports the first out-of-bounds index with NumPy's words (embedding-row gather sizes)", () => {
    const E = zeros([50257, 2], { dtype: "float32" });
    expect(() => E.get(array([3, 50257, 7]))).toThrow("index 50257 is out of bounds for axis 0 with size 50257");
  });

  it("rejects float index arrays and float lists", () => {
    const a = zeros([3]);
    expect(() => a.get(new Float32Array([1]))).toThrow("arrays used as indices must be of integer (or boolean) type");
    expect(() => a.get([0.5] as never)).toThrow("only integers, slices");
  });

  it("set with repeated indices: the last write wins", () => {
    const a = zeros([4], { dtype: "int32" });
    a.set([1, 1, 1], array([5, 6, 7]));
    expect(a.toArray()).toEqual([0, 7, 0, 0]);
  });

  it("set from a view of the destination reads the value before writing", () => {
    const a = arange(6);
    a.set([1, 2, 3, 4, 5], a.get(":5"));
    expect(a.toArray()).toEqual([0n, 0n, 1n, 2n, 3n, 4n]);
    const b = arange(6);
    b.set(greaterMask(b), b.get("::-1").get(greaterMask(b)));
    expect(b.toArray()).toEqual([0n, 1n, 2n, 2n, 1n, 0n]);
  });

  it("a failed write (bad index after good ones) writes nothing", () => {
    const a = arange(5);
    expect(() => a.set([0, 1, 9], 100)).toThrow("index 9 is out of bounds for axis 0 with size 5");
    expect(a.toArray()).toEqual([0n, 1n, 2n, 3n, 4n]);
  });

  it("the boolean fast path for writes counts values as NumPy", () => {
    const a = arange(6).reshape([2, 3]);
    expect(() => a.set(array([[true, false, true], [false, false, false]]), array([1, 2, 3]))).toThrow(
      "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true",
    );
    a.set(array([[true, false, true], [false, false, true]]), array([7, 8, 9]));
    expect(a.toArray()).toEqual([[7n, 1n, 8n], [3n, 4n, 9n]]);
  });
});

function greaterMask(a: NDArray): NDArray {
  return array((a.toArray() as bigint[]).map((v) => v > 2n));
}
