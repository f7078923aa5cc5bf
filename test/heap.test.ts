// The heap allocator: growth, out-of-memory, reuse of freed blocks, large
// blocks, and debug-mode leak reports.

import { describe, expect, it } from "vitest";
import { array, ascontiguousarray, empty, full, heapStats, liveAllocations, MemoryError, setDebug, zeros, type NDArray } from "../src/index.js";
import { u8 } from "../src/core/memory.js";
import { allocate, free, unableToAllocate } from "../src/core/heap.js";
import { loadFixture } from "./fixtures.js";

const fx = loadFixture<{ memory: { shape: number[]; dtype: string; bytes: string; message: string }[] }>("creation");

const GiB = 2 ** 30;

describe("the heap", () => {
  it("keeps an array readable and writable after a later allocation grew the memory", () => {
    using a = array([1.5, -2, 3.25]);
    const before = heapStats().heapSize;
    using big = empty([64 * 2 ** 20], { dtype: "uint8" });
    expect(heapStats().heapSize).toBeGreaterThan(before);
    expect(a.toArray()).toEqual([1.5, -2, 3.25]);
    u8.fill(0, a.address("test"), a.address("test") + 8); // write through the new buffer
    expect(a.item(0)).toBe(0);
    expect(big.size).toBe(64 * 2 ** 20);
  });

  it.each(fx.memory)("spells a failed allocation of $shape $dtype in NumPy's words", (c) => {
    expect(unableToAllocate(Number(c.bytes), c.shape, c.dtype)).toBe(c.message);
  });

  it("raises MemoryError naming the bytes asked for, the heap's size and its limit, and leaves every array intact", () => {
    using a = array([1, 2, 3], { dtype: "int16" });
    const before = heapStats();
    const want = fx.memory.find((c) => c.dtype === "float64" && c.shape[0] === 2 ** 31)!;
    let caught: unknown;
    try {
      empty([2 ** 31], { dtype: "float64" });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MemoryError);
    const e = caught as MemoryError;
    expect(e.name).toBe("MemoryError");
    expect(e.message).toBe(
      `${want.message}: cannot allocate ${want.bytes} bytes; the heap holds ${before.heapSize} bytes of at most ${2 ** 32}, with ${before.bytesInUse} in use`,
    );
    expect([e.requested, e.heapSize, e.heapLimit]).toEqual([2 ** 34, before.heapSize, 2 ** 32]);
    expect(heapStats()).toEqual(before);
    expect(a.toArray()).toEqual([1, 2, 3]);
  });

  it("names the public function when an allocation has no array shape", () => {
    expect(() => allocate(5 * GiB)).toThrow(/^allocate: cannot allocate 5368709120 bytes; the heap holds \d+ bytes of at most 4294967296, with \d+ in use$/);
  });

  it("returns to its baseline after 100,000 create/dispose iterations", () => {
    const before = heapStats();
    for (let i = 0; i < 100_000; i++) {
      const a = zeros([1 + (i % 17)], { dtype: i % 2 ? "float32" : "int8" });
      a.dispose();
    }
    const after = heapStats();
    expect([after.bytesInUse, after.allocations, after.heapSize]).toEqual([before.bytesInUse, before.allocations, before.heapSize]);
  });

  it("reuses freed blocks, so a long loop of mixed sizes does not grow the heap without bound", () => {
    let seed = 12345;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const live: NDArray[] = [];
    const start = heapStats().heapSize;
    let grownAt = 0;
    for (let i = 0; i < 20_000; i++) {
      if (live.length >= 32 || (live.length > 0 && rand(2) === 0)) live.splice(rand(live.length), 1)[0]!.dispose();
      live.push(empty([1 + rand(64 * 1024)], { dtype: "uint8" }));
      if (heapStats().heapSize > start && grownAt === 0) grownAt = i;
    }
    // 32 live blocks of at most 64 KiB need 2 MiB; fragmentation may double it.
    expect(heapStats().heapSize - start).toBeLessThanOrEqual(8 * 2 ** 20);
    for (const a of live) a.dispose();
  });

  it("coalesces neighbouring free blocks so a larger request fits where smaller ones were", () => {
    using pin = empty([64]);
    const a = empty([1000], { dtype: "uint8" });
    const b = empty([1000], { dtype: "uint8" });
    const c = empty([1000], { dtype: "uint8" });
    using after = empty([64]); // keeps a..c below the top
    const where = a.address("test");
    a.dispose();
    c.dispose();
    b.dispose();
    using d = empty([3000], { dtype: "uint8" });
    expect(d.address("test")).toBe(where);
    void pin, after;
  });

  it("starts big blocks at different cache colours (no 4K aliasing between them), 64-byte aligned", () => {
    const xs = Array.from({ length: 8 }, () => empty([1 << 20], { dtype: "uint8" }));
    const colours = xs.map((x) => x.address("test") % 4096);
    expect(new Set(colours).size).toBe(8);
    expect(colours.every((c) => c % 64 === 0)).toBe(true);
    xs.forEach((x) => x.dispose());
  });

  it("places a big copy's destination half a page from its source modulo 4096, whatever the source's offset", () => {
    const x = zeros([1000, 768]);
    const apart = (a: NDArray, b: NDArray): number => (((a.address("test") - b.address("test")) % 4096) + 4096) % 4096;
    for (const [label, src, make] of [
      ["copy", x.get(":, :256"), (v: NDArray) => v.copy()],
      ["copy of a view at an odd offset", x.get("3:, 5:"), (v: NDArray) => v.copy()],
      ["flatten", x.get("::2"), (v: NDArray) => v.flatten()],
      ["ascontiguousarray", x.T, (v: NDArray) => ascontiguousarray(v)],
      ["astype", x.get(":, 1:"), (v: NDArray) => v.astype("float32")],
    ] as const) {
      const out = make(src);
      const d = apart(out, src);
      expect(d >= 2048 - 63 && d <= 2048, `${label}: ${d}`).toBe(true);
      expect(out.address("test") % 64, label).toBe(0);
      out.dispose();
      src.dispose();
    }
    x.dispose();
  });

  it("serves a 1.5 GiB array, writes both ends, frees it and reuses the space", () => {
    const n = 1.5 * GiB;
    let a = empty([n], { dtype: "uint8" });
    const at = a.address("test");
    u8[at] = 17;
    u8[at + n - 1] = 42;
    expect([a.item(0), a.item(n - 1)]).toEqual([17, 42]);
    const size = heapStats().heapSize;
    const block = a._mem.ptr - a._mem.pad; // big blocks start at a cache colour inside their block
    a.dispose();
    a = empty([n - 4096], { dtype: "uint8" });
    expect(a._mem.ptr - a._mem.pad).toBe(block);
    expect(heapStats().heapSize).toBe(size);
    a.dispose();
  });

  it("raises MemoryError when the heap cannot grow enough beside what is live, keeping old arrays", () => {
    using a = full([1000], 3.5, { dtype: "float32" });
    using big = empty([1.5 * GiB], { dtype: "uint8" });
    expect(() => empty([3 * GiB], { dtype: "uint8" })).toThrow(MemoryError);
    expect(() => empty([3 * GiB], { dtype: "uint8" })).toThrow(/^Unable to allocate 3\.00 GiB for an array with shape \(3221225472,\) and data type uint8: cannot allocate 3221225472 bytes/);
    expect(a.toArray()).toEqual(new Array(1000).fill(3.5));
    using c = full([4], 7, { dtype: "int8" });
    expect(c.toArray()).toEqual([7, 7, 7, 7]);
    void big;
  });

  it("frees a block once however often free is called", () => {
    const before = heapStats();
    const m = allocate(100);
    free(m);
    free(m);
    expect(heapStats()).toEqual(before);
  });

  it("reports the creation site of every live allocation in debug mode", () => {
    setDebug(true);
    try {
      const a = zeros([3]);
      const here = liveAllocations().find((x) => x.ptr === a._mem.ptr)!;
      expect(here).toMatchObject({ bytes: 24, refs: 1 });
      expect(here.site).toContain("heap.test.ts");
      a.dispose();
      expect(liveAllocations().some((x) => x.ptr === here.ptr)).toBe(false);
    } finally {
      setDebug(false);
    }
    expect(liveAllocations()).toEqual([]);
  });
});
