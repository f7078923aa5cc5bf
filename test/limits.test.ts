// Replays test/fixtures/limits.json (scripts/fixtures_limits.py): the limits
// NumPy enforces (64 dimensions for shapes and indexing results, 63 index
// arrays without a subspace, sizes that do not fit an intp even with an
// axis of length 0, lengths beyond an intp, max_work beyond a ssize_t,
// float slice bounds), their error classes and exact messages, and the
// results just inside each limit.

import { describe, expect, it } from "vitest";
import { mayShareMemory, ones, reshape, sharesMemory, slice, zeros, type NDArray } from "../src/index.js";
import { loadFixture } from "./fixtures.js";

type Item = number | null | string | { arr: number[] } | { mask: number[] } | { slice: (number | null)[] };
interface Case {
  op: "zeros" | "reshape" | "get" | "shares";
  shape?: number[];
  from?: number[];
  index?: Item[];
  maxWork?: number;
  may?: boolean;
  result?: { shape?: number[]; value?: boolean };
  error?: { type: string; message: string };
}

const fx = loadFixture<{ cases: Case[] }>("limits");

function run(c: Case, temps: NDArray[]): NDArray | boolean {
  const keep = <T extends NDArray>(a: T): T => (temps.push(a), a);
  switch (c.op) {
    case "zeros":
      return keep(zeros(c.shape!));
    case "reshape":
      return keep(reshape(keep(zeros(c.from!)), c.shape!));
    case "get": {
      const a = keep(zeros(c.from!));
      const idx = c.index!.map((x) => {
        if (x !== null && typeof x === "object") {
          if ("arr" in x) return keep(zeros(x.arr, { dtype: "int64" }));
          if ("mask" in x) return keep(ones(x.mask, { dtype: "bool" }));
          return slice(x.slice[0], x.slice[1], x.slice[2]);
        }
        return x;
      });
      return keep(a.get(...(idx as never[])));
    }
    case "shares": {
      const a = keep(zeros([4]));
      const b = keep(a.get("1:"));
      return (c.may ? mayShareMemory : sharesMemory)(a, b, { maxWork: c.maxWork });
    }
  }
}

function title(c: Case): string {
  const args = JSON.stringify({ ...c, result: undefined, error: undefined }).replace(/(\[1(,1){8,}\])/g, (m) => `[1 x ${m.split(",").length}]`);
  return c.error ? `${args} raises NumPy's ${c.error.type}: ${c.error.message}` : `${args} works as in NumPy`;
}

describe("NumPy's limits, word for word (limits.json)", () => {
  for (const c of fx.cases) {
    it(title(c), () => {
      const temps: NDArray[] = [];
      try {
        if (c.error) {
          let err: unknown;
          try {
            run(c, temps);
          } catch (e) {
            err = e;
          }
          expect(err, "should throw").toBeInstanceOf(Error);
          expect((err as Error).name).toBe(c.error.type);
          expect((err as Error).message).toBe(c.error.message);
          return;
        }
        const r = run(c, temps);
        if (typeof r === "boolean") expect(r).toBe(c.result!.value);
        else expect(r.shape).toEqual(c.result!.shape);
      } finally {
        for (const t of temps.reverse()) t.dispose();
      }
    });
  }
  it("reshape(null) and reshape(undefined) name the argument instead of failing on a property read", () => {
    const a = zeros([2, 3]);
    for (const bad of [null, undefined]) {
      expect(() => reshape(a, bad as never)).toThrow(TypeError);
      expect(() => reshape(a, bad as never)).toThrow(`reshape: expected a shape (an integer or a list of integers), got ${bad === null ? "null" : "undefined"}`);
      expect(() => a.reshape(bad as never)).toThrow(/^reshape: expected a shape/);
    }
    a.dispose();
  });
});
