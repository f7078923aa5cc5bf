// Reductions against NumPy 2.4.6 (test/fixtures/reduce.json, from
// scripts/fixtures_reduce.py): sum, prod, mean, std, var, min, max,
// argmin, argmax, any, all, cumsum, cumprod over every dtype, axis forms
// (none, one, negative, several), keepdims, ddof, dtype=, layouts (C, F,
// negative strides), empty and 0-d inputs, NaN and infinities, NumPy's
// errors; and large generated float inputs that exercise NumPy's pairwise
// summation (last axis, whole array) and row accumulation (first axis).
//
// Bounds (ulps of the result dtype), measured and asserted: integers,
// bools, min/max/arg*/any/all exact; float32 and float64 mean, std and var
// over the large inputs bit-identical to NumPy (0 ulp: same traversal, same
// pairwise blocks, same float64 division by the count); every float sum,
// mean, var and std within REDUCE_ULP = 1 ulp (the 1-ulp cases are dtype=
// casts, which NumPy runs through 8192-element buffers that split its
// pairwise blocks differently); float16 within 1 ulp.

import { describe, expect, it } from "vitest";
import { NDArray, array, asfortranarray, copyto, zeros, type DType } from "../src/index.js";
import * as R from "../src/ops/reduce.js";
import { base64Bytes, loadFixture } from "./fixtures.js";
import { buildArray, ulpDistance } from "./math-fixtures.js";

/** Stated bounds for float reductions vs NumPy, in ulps of the result dtype. */
export const REDUCE_ULP: Readonly<Record<string, number>> = { float64: 1, float32: 1, float16: 1 };

type Input = { dtype: DType; shape: number[]; layout: string; b64?: string; gen?: "lcg" };
type Expect = { dtype: DType; shape: number[]; b64: string } | { error: string; message: string };
type Case = { op: string; input: number; opts: Record<string, unknown>; expect: Expect };

const fixture = loadFixture<{ inputs: Input[]; cases: Case[] }>("reduce");




/** The generator shared with the fixture script: exact in float64, then cast. */
function lcg(input: Input): NDArray {
  const n = input.shape.reduce((a, b) => a * b, 1);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = (((i * 2654435761) % 4294967296) / 4294967296 - 0.5) * (1 + (i % 13));
  const a = array(v).astype(input.dtype).reshape(input.shape);
  if (input.layout === "F") return asfortranarray(a);
  if (input.layout === "rev") return a.get("...", "::-1").copy().get("...", "::-1");
  return a;
}

const built = new Map<number, NDArray>();
function input(i: number): NDArray {
  let a = built.get(i);
  if (!a) {
    const spec = fixture.inputs[i]!;
    a = spec.gen ? lcg(spec) : buildArray(spec as Required<Input>);
    built.set(i, a);
  }
  return a;
}

function run(c: Case): NDArray {
  const a = input(c.input);
  const o = c.opts as never;
  switch (c.op) {
    case "var":
      return R.variance(a, o);
    default:
      return (R as unknown as Record<string, (a: NDArray, o: unknown) => NDArray>)[c.op]!(a, o);
  }
}

function check(c: Case, worst: Map<string, number>): string | null {
  const e = c.expect;
  let r: NDArray;
  try {
    r = run(c);
  } catch (err) {
    if ("error" in e) {
      const x = err as Error;
      return x.name === e.error && x.message === e.message ? null : `raised ${x.name}: ${x.message}; NumPy ${e.error}: ${e.message}`;
    }
    return `raised ${(err as Error).stack}`;
  }
  if ("error" in e) return `returned ${r.dtype}; NumPy raised ${e.message}`;
  if (r.dtype !== e.dtype) return `dtype ${r.dtype}, NumPy ${e.dtype}`;
  if (r.shape.join() !== e.shape.join()) return `shape [${r.shape}], NumPy [${e.shape}]`;
  const t = r.toTypedArray();
  const got = new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
  const want = base64Bytes(e.b64);
  if (got.length !== want.length) return `byte length ${got.length}, NumPy ${want.length}`;
  if (!r.dtype.startsWith("float")) {
    for (let i = 0; i < got.length; i++) if (got[i] !== want[i]) return `byte ${i}: ${got[i]} vs NumPy ${want[i]}`;
    return null;
  }
  const exact = ["min", "max", "argmin", "argmax"].includes(c.op);
  const bound = exact ? 0 : REDUCE_ULP[r.dtype]!;
  const key = `${c.op} ${r.dtype}`;
  for (let i = 0; i < r.size; i++) {
    const d = ulpDistance(r.dtype, got, want, i);
    worst.set(key, Math.max(worst.get(key) ?? 0, d));
    if (d > bound) return `element ${i}: ${d} ulp from NumPy (bound ${bound})`;
  }
  return null;
}

describe("reductions against NumPy fixtures", () => {
  const byOp = new Map<string, Case[]>();
  for (const c of fixture.cases) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  const worst = new Map<string, number>();
  for (const [op, cases] of byOp) {
    it(`${op}: ${cases.length} NumPy cases (dtypes, axes, keepdims, ddof, dtype=, layouts, empty, NaN, errors)`, () => {
      const failures: string[] = [];
      for (const c of cases) {
        const f = check(c, worst);
        if (f !== null) {
          const i = fixture.inputs[c.input]!;
          failures.push(`${op}(${i.dtype}[${i.shape}] ${i.layout}${i.gen ? " gen" : ""}, ${JSON.stringify(c.opts)}): ${f}`);
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
  it("reports the worst ulp distance per op and dtype within the bounds", () => {
    for (const [k, d] of worst) expect(d, k).toBeLessThanOrEqual(REDUCE_ULP[k.split(" ")[1]!] ?? 0);
    // Visible in the test log, for the README's table.
    console.log("worst ulp vs NumPy:", Object.fromEntries([...worst].filter(([, d]) => d > 0)));
  });
});

describe("reduction semantics", () => {
  it("sums small integers in int64 and unsigned in uint64", () => {
    expect(R.sum(array([100, 100], { dtype: "int8" })).dtype).toBe("int64");
    expect(R.sum(array([200, 200], { dtype: "uint8" })).item()).toBe(400n);
    expect(R.sum(array([true, true])).dtype).toBe("int64");
    expect(R.mean(array([1, 2], { dtype: "int8" })).dtype).toBe("float64");
  });
  it("raises NumPy's ValueError for min/max of an empty reduction", () => {
    expect(() => R.min(array([]))).toThrow("zero-size array to reduction operation minimum which has no identity");
  });
  it("takes axis as a number or a list and keeps dims", () => {
    const a = array([[1, 2, 3], [4, 5, 6]], { dtype: "float32" });
    expect(a.sum(0).toArray()).toEqual([5, 7, 9]);
    expect(a.sum([0, 1]).item()).toBe(21);
    expect(a.mean({ axis: 1, keepdims: true }).shape).toEqual([2, 1]);
    expect(a.std({ axis: 0, ddof: 1 }).toArray()).toEqual([2.1213202476501465, 2.1213202476501465, 2.1213202476501465]);
  });
});
