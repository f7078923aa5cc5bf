// The index grammar of get/set, writes through every kind of view, and the
// lifetime of views. NumPy's numbers for the descriptors themselves are in
// views.test.ts (recorded fixtures); here the behaviours around them.

import { describe, expect, it } from "vitest";
import {
  arange,
  array,
  asStrided,
  atleast3d,
  broadcastArrays,
  broadcastShapes,
  broadcastTo,
  DisposedError,
  DTypeError,
  expandDims,
  IndexError,
  moveaxis,
  newaxis,
  reshape,
  slice,
  slidingWindowView,
  split,
  tidy,
  ValueError,
  zeros,
  type IndexItem,
  type NDArray,
} from "../src/index.js";
import { DTYPES } from "../src/core/dtype.js";
import { expectError } from "./fixtures.js";

const desc = (v: NDArray) => ({ shape: v.shape, strides: v.strides, offset: v.offset, dtype: v.dtype });

/** Values of `a` as a flat C-order list. */
function flat(a: NDArray): unknown[] {
  const v = a.toArray();
  return a.ndim === 0 ? [v] : (v as unknown[]).flat(a.ndim - 1 as 1);
}

/** The element index (C order, in units of the base's itemsize) each element of `v` lives at, in C order of `v`. */
function homes(v: NDArray, itemsize: number): number[] {
  const out: number[] = [];
  const walk = (ax: number, at: number) => {
    if (ax === v.ndim) out.push(at / itemsize);
    else for (let i = 0; i < v.shape[ax]!; i++) walk(ax + 1, at + i * v.strides[ax]!);
  };
  walk(0, v.offset);
  return out;
}

describe("index grammar", () => {
  const a = arange(24).reshape([2, 3, 4]);

  it("spells the same index as one string, several strings, or slice objects", () => {
    const want = desc(a.get(slice(null), slice(1, 3), slice(null, null, -2)));
    expect(desc(a.get(":, 1:3, ::-2"))).toEqual(want);
    expect(desc(a.get(":", "1:3", "::-2"))).toEqual(want);
    expect(desc(a.get(" : ,1:3 ,  ::-2 "))).toEqual(want);
    expect(desc(a.get(":, 1:3", slice(null, null, -2)))).toEqual(want);
    expect(desc(a.get(slice(), "1:3", "::-2"))).toEqual(want);
  });

  it("takes integers, newaxis and ellipsis inside strings", () => {
    expect(desc(a.get("0, :2"))).toEqual(desc(a.get(0, slice(2))));
    expect(desc(a.get("..., 0"))).toEqual(desc(a.get("...", 0)));
    expect(desc(a.get("None, ..., newaxis"))).toEqual(desc(a.get(newaxis, "...", null)));
    expect(desc(a.get("-1, +1"))).toEqual(desc(a.get(-1, 1)));
    expect(desc(a.get("1,"))).toEqual(desc(a.get(1))); // Python's a[1,]
    expect(a.get("..., None").shape).toEqual([2, 3, 4, 1]);
  });

  it("gives the whole array as a view for no index and for '...'", () => {
    for (const v of [a.get(), a.get("..."), a.get(":, :, :")]) {
      expect(desc(v)).toEqual(desc(a));
      expect(v.base).toBe(a.base ?? a);
      expect(v).not.toBe(a);
    }
  });

  it("gives a 0-d view for an integer on every axis; item() gives the value", () => {
    const e = a.get(1, 2, 3);
    expect(e.shape).toEqual([]);
    expect(e.ndim).toBe(0);
    expect(e._mem).toBe(a._mem);
    expect(e.item()).toBe(23n);
    e.set(-5);
    expect(a.item(1, 2, 3)).toBe(-5n);
    a.set(1, 2, 3, 23);
    expect(e.item()).toBe(23n);
    expect(a.get(-1, -1, -1).item()).toBe(23n);
    const z = a.get(0, 0, 0).get(); // a 0-d array indexed with nothing
    expect(z.shape).toEqual([]);
    expect(z.get(null, null).shape).toEqual([1, 1]);
  });

  it("caches parsed strings without letting one call's index leak into the next", () => {
    const s = ":, 1:3";
    const one = a.get(s);
    const two = a.get(s);
    expect(desc(two)).toEqual(desc(one));
    expect(desc(a.get(0, 1))).toEqual(desc(a.get("0, 1")));
    expect(desc(a.get(s))).toEqual(desc(one));
  });

  it("raises NumPy's errors with NumPy's messages", () => {
    const b = arange(3);
    expectError(() => b.get(5), IndexError, "index 5 is out of bounds for axis 0 with size 3");
    expectError(() => b.get(-4), IndexError, "index -4 is out of bounds for axis 0 with size 3");
    expectError(() => a.get(0, 0, 0, 0), IndexError, "too many indices for array: array is 3-dimensional, but 4 were indexed");
    expectError(() => a.get("..., 0, ..."), IndexError, "an index can only have a single ellipsis ('...')");
    expectError(() => a.get("...", "..."), IndexError, "an index can only have a single ellipsis ('...')");
    expectError(() => b.get("::0"), ValueError, "slice step cannot be zero");
    expectError(() => b.get(slice(null, null, 0)), ValueError, "slice step cannot be zero");
    expectError(() => slice(1.5, 2), DTypeError, "slice indices must be integers or None or have an __index__ method");
    const only =
      "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";
    expectError(() => b.get(1.5), IndexError, only);
    expectError(() => a.get(1.5, 0, 0, 0), IndexError, only); // the kind is checked before the count
    expectError(() => b.get(undefined as never), IndexError, only);
  });

  it("routes array and boolean indices to advanced indexing, which copies", () => {
    const b = arange(5);
    for (const idx of [[0, 1], new Int32Array([0, 1]), arange(2), array([true, true, false, false, false])]) {
      const r = b.get(idx as unknown as IndexItem);
      expect(r.toArray()).toEqual([0n, 1n]);
      expect(r.base).toBe(null);
      r.dispose();
    }
    const t = b.get(true);
    expect(t.shape).toEqual([1, 5]);
    t.dispose();
  });

  it("raises IndexError for text that is no index", () => {
    for (const s of ["", "a", "1:2:3:4", "1.5", ":x", "0x10", "[1]"]) {
      expect(() => a.get(s), s).toThrow(IndexError);
    }
    expect(() => a.get("1:x")).toThrow("invalid index string '1:x'");
  });

  it("raises DisposedError for a disposed array", () => {
    const c = arange(3);
    c.dispose();
    expect(() => c.get(0)).toThrow(DisposedError);
    expect(() => c.get(":")).toThrow(DisposedError);
    expect(() => c.reshape([3, 1])).toThrow(DisposedError);
    expect(() => c.T).toThrow(DisposedError);
  });
});

describe("set", () => {
  it("fills a selection with a scalar, casting it to the dtype", () => {
    const a = zeros([3, 4], { dtype: "int32" });
    a.set(":, 1::2", 7);
    a.set(-1, 9);
    expect(a.toArray()).toEqual([
      [0, 7, 0, 7],
      [0, 7, 0, 7],
      [9, 9, 9, 9],
    ]);
  });

  it("broadcasts arrays, nested lists and TypedArrays into the selection", () => {
    const a = zeros([3, 4]);
    a.set(":", [1, 2, 3, 4]);
    expect(flat(a.get(2))).toEqual([1, 2, 3, 4]);
    a.set(":, 0", new Float64Array([7, 8, 9]));
    expect(flat(a.get(":, 0"))).toEqual([7, 8, 9]);
    a.set(":2, :2", [[5], [6]]);
    expect(a.toArray()).toEqual([
      [5, 5, 3, 4],
      [6, 6, 3, 4],
      [9, 2, 3, 4],
    ]);
    a.set(1, array([[0, 0, 0, 0]])); // leading length-1 axes of the value are dropped, as NumPy
    expect(flat(a.get(1))).toEqual([0, 0, 0, 0]);
    const b = arange(4, { dtype: "int16" });
    a.set(0, b); // another dtype: copied with a cast
    expect(flat(a.get(0))).toEqual([0, 1, 2, 3]);
  });

  it("reads an overlapping value as it was before the write, as NumPy", () => {
    const a = arange(6);
    a.set(":", a.get("::-1"));
    expect(flat(a)).toEqual([5n, 4n, 3n, 2n, 1n, 0n]);
    const b = arange(6);
    b.set("1:", b.get(":-1"));
    expect(flat(b)).toEqual([0n, 0n, 1n, 2n, 3n, 4n]);
  });

  it("raises NumPy's broadcast error and writes nothing", () => {
    const a = arange(6);
    const before = flat(a);
    expectError(() => a.set(":3", [1, 2]), ValueError, "could not broadcast input array from shape (2,) into shape (3,)");
    expectError(() => a.set(":3", array([[1, 2]])), ValueError, "could not broadcast input array from shape (2,) into shape (3,)");
    expectError(() => a.set(":3", zeros([2, 1, 3])), ValueError, "could not broadcast input array from shape (2,1,3) into shape (3,)");
    expectError(() => a.set(7, 1), IndexError, "index 7 is out of bounds for axis 0 with size 6");
    expect(flat(a)).toEqual(before);
  });

  it("refuses to write into read-only views and everything derived from them", () => {
    const a = arange(12).reshape([3, 4]);
    const ro = [
      broadcastTo(a.get(0), [2, 4]),
      a.diagonal(),
      slidingWindowView(a, 2, 1),
      asStrided(a, [2, 2], [8, 8], { writeable: false }),
      broadcastTo(a, [2, 3, 4]).get(0).T.ravel("F"),
      a.diagonal().get("::-1").get(null),
      broadcastArrays(a, zeros([2, 1, 1]))[0]!,
    ];
    const before = flat(a);
    for (const v of ro) {
      expect(v.flags.writeable).toBe(false);
      expectError(() => v.set("...", 0), ValueError, "assignment destination is read-only");
      expectError(() => v.set(0, [1]), ValueError, "assignment destination is read-only");
      expectError(() => v.fill(0), ValueError, "assignment destination is read-only");
    }
    expect(flat(a)).toEqual(before);
  });
});

describe("writes through every kind of view", () => {
  // int64 base 0..47 in C order: element k lives at byte 8k, so a view's
  // element addresses say which base elements it holds.
  const kinds: [string, (a: NDArray) => NDArray][] = [
    ["slices", (a) => a.get("1:, ::-2, 1:4")],
    ["integers and newaxis", (a) => a.get(1, null, "...", 2)],
    ["an integer on every axis (0-d)", (a) => a.get(1, 2, 3)],
    ["reshape of a contiguous array", (a) => a.reshape([6, 8])],
    ["reshape of a non-contiguous array (no copy)", (a) => a.get("::2").reshape([3, 2, 4], { copy: false })],
    ["reshape in F order", (a) => a.T.reshape([12, 4], { order: "F", copy: false })],
    ["transpose", (a) => a.transpose(2, 0, 1)],
    ["T", (a) => a.T],
    ["swapaxes", (a) => a.swapaxes(0, 2)],
    ["moveaxis", (a) => moveaxis(a, 0, -1)],
    ["squeeze", (a) => a.get(":1").squeeze(0)],
    ["expandDims", (a) => expandDims(a, [0, 3])],
    ["ravel (a view)", (a) => a.ravel()],
    ["asStrided (writeable)", (a) => asStrided(a, [4, 3], [48, 16])],
    ["split", (a) => split(a, 3, 1)[1]!],
    ["atleast3d", (a) => atleast3d(a.get(0, 0))],
    ["broadcastArrays (not broadcast)", (a) => broadcastArrays(a, zeros([4]))[0]!],
  ];
  it.each(kinds)("%s", (_, make) => {
    tidy(() => {
      const a = arange(48).reshape([2, 6, 4]);
      const v = make(a);
      expect(v._mem).toBe(a._mem);
      expect(v.flags.writeable).toBe(true);
      const sib = a.get(":, 1:5").T; // a sibling view over part of the same memory
      const where = homes(v, 8);
      const marks = where.map((_, k) => -1000 - k);
      v.set("...", array(marks).reshape(v.shape.slice()));
      expect(flat(v)).toEqual(marks.map(BigInt));
      const base = flat(a) as bigint[];
      const want = Array.from({ length: 48 }, (_, k) => BigInt(k));
      where.forEach((h, k) => (want[h] = BigInt(marks[k]!)));
      expect(base).toEqual(want);
      expect(flat(sib)).toEqual(homes(sib, 8).map((h) => want[h]));
    });
  });

  it("view(dtype): writes land in the bytes the base reads", () => {
    const a = zeros([2, 2], { dtype: "int64" });
    const w = a.view("int32");
    expect(w.shape).toEqual([2, 4]);
    w.set(0, 0, 1);
    w.set(1, 3, -1);
    expect(a.toArray()).toEqual([
      [1n, 0n],
      [0n, -(2n ** 32n)],
    ]);
    const u = a.get(1).view("uint8");
    expect(flat(u)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255]);
  });
});

describe("reshape copies only when it must", () => {
  it("copies a transposed array for a C reshape, and the copy is writeable and independent", () => {
    const a = arange(6).reshape([2, 3]);
    const r = a.T.reshape([6]);
    expect(r._mem).not.toBe(a._mem);
    expect(r.flags.ownData).toBe(false); // a view of NumPy-style hidden copy
    expect(flat(r)).toEqual([0n, 3n, 1n, 4n, 2n, 5n]);
    r.set(0, 99);
    expect(a.item(0, 0)).toBe(0n);
  });

  it("raises NumPy's TypeError for lengths that are not integers", () => {
    const a = arange(6);
    expectError(() => a.reshape(1.5), DTypeError, "expected a sequence of integers or a single integer, got '1.5'");
    expectError(() => a.reshape([1.5, 4]), DTypeError, "'float' object cannot be interpreted as an integer");
    expectError(() => broadcastTo(a, [1.5, 6]), DTypeError, "'float' object cannot be interpreted as an integer");
  });

  it("copy: true always copies; copy: false raises and changes nothing", () => {
    const a = arange(6).reshape([2, 3]);
    const c = reshape(a, [3, 2], { copy: true });
    expect(c._mem).not.toBe(a._mem);
    expect(flat(c)).toEqual(flat(a));
    expectError(() => a.T.reshape([6], { copy: false }), ValueError, "Unable to avoid creating a copy while reshaping.");
    expect(a.shape).toEqual([2, 3]);
  });

  it("keeps read-only-ness on views and drops it on copies", () => {
    const b = broadcastTo(arange(3), [2, 3]);
    expect(b.reshape([2, 3, 1]).flags.writeable).toBe(false);
    expect(b.reshape([6]).flags.writeable).toBe(true); // stride 0 cannot merge: a copy
  });

  it("ravel copies when the layout needs it", () => {
    const a = arange(6).reshape([2, 3]);
    expect(a.ravel()._mem).toBe(a._mem);
    expect(a.T.ravel("F")._mem).toBe(a._mem);
    expect(a.T.ravel("K")._mem).toBe(a._mem);
    const c = a.T.ravel();
    expect(c._mem).not.toBe(a._mem);
    expect(flat(c)).toEqual([0n, 3n, 1n, 4n, 2n, 5n]);
  });
});

describe("broadcasting helpers", () => {
  it("broadcastShapes follows NumPy, naming the clashing arguments", () => {
    expect(broadcastShapes([2, 1], [3], [])).toEqual([2, 3]);
    expect(broadcastShapes(4, [0, 1])).toEqual([0, 4]);
    expectError(
      () => broadcastShapes([2, 1], [3], [4, 1, 1], [5]),
      ValueError,
      "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 1 with shape (3,) and arg 3 with shape (5,).",
    );
  });

  it("broadcastArrays gives views; broadcast ones read-only with stride 0", () => {
    const a = arange(3);
    const b = zeros([2, 1]);
    const [x, y] = broadcastArrays(a, b);
    expect(x!.shape).toEqual([2, 3]);
    expect(x!.strides).toEqual([0, 8]);
    expect(y!.strides).toEqual([8, 0]);
    expect(x!._mem).toBe(a._mem);
    expect(x!.flags.writeable).toBe(false);
  });
});

describe("asStrided", () => {
  it("keeps every reachable byte inside the allocation", () => {
    const a = arange(6);
    expect(asStrided(a, [4, 3], [8, 8]).toArray()).toEqual([
      [0n, 1n, 2n],
      [1n, 2n, 3n],
      [2n, 3n, 4n],
      [3n, 4n, 5n],
    ]);
    expect(() => asStrided(a, [7], [8])).toThrow("asStrided: the view would reach bytes [0, 56) of an allocation of 48 bytes");
    expect(asStrided(a.get(2), [3], [-8]).toArray()).toEqual([2n, 1n, 0n]);
    expect(() => asStrided(a.get(2), [4], [-8])).toThrow("asStrided: the view would reach bytes [-8, 24)");
    expect(() => asStrided(a.get(1), [3], [-8])).toThrow(ValueError);
    expect(asStrided(a, [0, 1000], [8, 8]).size).toBe(0);
    expectError(() => asStrided(a, [2], [8, 8]), ValueError, "mismatch in length of strides and shape");
  });

  it("inherits read-only-ness and can add it", () => {
    const a = arange(6);
    expect(asStrided(a, [3], [16]).flags.writeable).toBe(true);
    expect(asStrided(a, [3], [16], { writeable: false }).flags.writeable).toBe(false);
    expect(asStrided(broadcastTo(a, [2, 6]), [3], [16]).flags.writeable).toBe(false);
  });
});

describe("lifetime of views", () => {
  it("keeps the memory alive after the base is disposed, and frees it with the last view", () => {
    const a = arange(6);
    const mem = a._mem;
    const v = a.get("1:");
    const w = v.reshape([5, 1]);
    expect(mem.refs).toBe(3);
    a.dispose();
    expect(mem.live).toBe(true);
    expect(flat(w)).toEqual([1n, 2n, 3n, 4n, 5n]);
    v.dispose();
    w.dispose();
    expect(mem.live).toBe(false);
  });

  it("failed view calls take no reference and change nothing", () => {
    const a = arange(6).reshape([2, 3]);
    const t = a.T;
    const z = a.get(0, 0);
    const refs = a._mem.refs;
    const fails = [
      () => a.get(9),
      () => a.get(0, "::0"),
      () => a.reshape([4, 2]),
      () => t.reshape([6], { copy: false }),
      () => a.transpose(0, 0),
      () => z.view("float16"),
      () => t.view("int32"),
      () => broadcastTo(a, [3, 3]),
      () => a.set(":", [1, 2]),
      () => split(a, 4, 1),
      () => a.diagonal(0, 1, 1),
      () => slidingWindowView(a, [3, 3]),
    ];
    for (const f of fails) {
      expect(f).toThrow();
      expect(a._mem.refs).toBe(refs);
    }
    expect(flat(a)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    expect(desc(a)).toEqual({ shape: [2, 3], strides: [24, 8], offset: 0, dtype: "int64" });
  });

  it("the 0-d views of get cost no heap memory", () => {
    const a = arange(4);
    const e = a.get(2);
    expect(e._mem).toBe(a._mem);
    expect(e.nbytes).toBe(DTYPES.int64.itemsize);
  });
});
