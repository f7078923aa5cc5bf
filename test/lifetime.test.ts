// Explicit lifetime: dispose, `using`, tidy scopes and keep, and views that
// keep their memory alive.

import { describe, expect, it } from "vitest";
import { array, arange, DisposedError, heapStats, keep, tidy, zeros, type NDArray } from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";

const live = (): number => heapStats().allocations;

describe("tidy", () => {
  it("disposes every array created inside except the one returned", () => {
    const before = live();
    let inner!: NDArray;
    const out = tidy(() => {
      inner = zeros([3]);
      zeros([4]);
      return array([1, 2]);
    });
    expect(inner.isAlive).toBe(false);
    expect(out.isAlive).toBe(true);
    expect(live()).toBe(before + 1);
    out.dispose();
    expect(live()).toBe(before);
  });

  it("keeps arrays inside a returned object, JS array or Map", () => {
    const before = live();
    const got = tidy(() => {
      zeros([1]);
      return { a: zeros([2]), list: [zeros([3]), { deep: zeros([4]) }], map: new Map([["m", zeros([5])]]) };
    });
    const kept = [got.a, got.list[0] as NDArray, (got.list[1] as { deep: NDArray }).deep, got.map.get("m")!];
    expect(kept.every((a) => a.isAlive)).toBe(true);
    expect(live()).toBe(before + 4);
    for (const a of kept) a.dispose();
    expect(live()).toBe(before);
  });

  it("hands what an inner scope returns to the outer scope, which frees it unless returned again", () => {
    const before = live();
    let fromInner!: NDArray;
    const out = tidy(() => {
      fromInner = tidy(() => zeros([2]));
      expect(fromInner.isAlive).toBe(true);
      return tidy(() => arange(3));
    });
    expect(fromInner.isAlive).toBe(false);
    expect(out.isAlive).toBe(true);
    out.dispose();
    expect(live()).toBe(before);
  });

  it("disposes everything created when fn throws, and passes the error on", () => {
    const before = live();
    let made!: NDArray;
    expect(() =>
      tidy(() => {
        made = zeros([3]);
        throw new RangeError("boom");
      }),
    ).toThrow(RangeError);
    expect(made.isAlive).toBe(false);
    expect(live()).toBe(before);
  });

  it("spares arrays passed to keep", () => {
    const before = live();
    let k!: NDArray;
    tidy(() => {
      k = keep(zeros([3]));
      zeros([3]);
    });
    expect(k.isAlive).toBe(true);
    k.dispose();
    expect(live()).toBe(before);
  });

  it("rejects an async fn and frees what it created", () => {
    const before = live();
    expect(() => tidy((() => (zeros([1]), Promise.resolve(1))) as () => unknown)).toThrow("tidy: fn must be synchronous; it returned a Promise");
    expect(live()).toBe(before);
  });
});

describe("dispose and views", () => {
  it("frees the memory when the last of several views is disposed", () => {
    const before = heapStats();
    const a = arange(6);
    const v = makeView(a, [3], [16], 8);
    const w = makeView(v, [2], [8], 16);
    expect(v.base).toBe(a);
    expect(w.base).toBe(a);
    a.dispose();
    expect(v.toArray()).toEqual([1n, 3n, 5n]);
    v.dispose();
    expect(w.toArray()).toEqual([2n, 3n]);
    expect(heapStats().allocations).toBe(before.allocations + 1);
    w.dispose();
    expect(heapStats().allocations).toBe(before.allocations);
    expect(heapStats().bytesInUse).toBe(before.bytesInUse);
  });

  it("is idempotent, and a disposed array cannot make views", () => {
    const before = live();
    const a = zeros([2]);
    a.dispose();
    a.dispose();
    expect(live()).toBe(before);
    expect(() => makeView(a, [1], [8], 0)).toThrow(DisposedError);
    expect(() => makeView(a, [1], [8], 0)).toThrow("view: the array has been disposed");
  });

  it("disposes at the end of a `using` block", () => {
    let seen!: NDArray;
    {
      using a = zeros([3]);
      seen = a;
      expect(a.isAlive).toBe(true);
    }
    expect(seen.isAlive).toBe(false);
  });
});

describe("temporaries of reductions", () => {
  it("argmax/argmin of bool free the byte copy of their rows (found by the fuzzer: one allocation per call was left)", () => {
    const a = array([[false, true, true], [true, false, false]]);
    const before = heapStats();
    for (const f of ["argmax", "argmin"] as const) {
      for (const axis of [null, 0, 1]) {
        const r = a[f]({ axis });
        // first occurrence of the max (true) or min (false), as NumPy
        const want = axis === null ? (f === "argmax" ? [1] : [0]) : axis === 0 ? (f === "argmax" ? [1, 0, 0] : [0, 1, 1]) : f === "argmax" ? [1, 0] : [0, 1];
        expect((axis === null ? [r.item()] : (r.toArray() as bigint[])).map(Number)).toEqual(want);
        r.dispose();
      }
    }
    expect(heapStats().allocations).toBe(before.allocations);
    expect(heapStats().bytesInUse).toBe(before.bytesInUse);
    a.dispose();
  });
});
