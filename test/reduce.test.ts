// Reductions against NumPy 2.4.6 (test/fixtures/reduce.json, from
// scripts/fixtures_reduce.py): sum, prod, mean, std, var, min, max,
// argmin, argmax, any, all, cumsum, cumprod over every dtype, axis forms
// (none, one, negative, several), keepdims, ddof, dtype=, layouts (C, F,
// negative strides), empty and 0-d inputs, NaN and infinities, NumPy's
// errors; and large generated float inputs that exercise NumPy's pairwise
// summation (last axis, whole array) and row accumulation (first axis).
//
// Bounds (ulps of the result dtype), measured and asserted: integers,
// bools, min/max/arg*/any/all exact; float32 and float64 sum, mean, var and
// std bit-identical to NumPy (REDUCE_ULP 0: the same traversal, the same
// pairwise blocks, NumPy's loop calls reproduced where its buffered
// iterator splits them: dtype= casts in 8192-element buffers, layouts it
// copies, masks); float16 within 1 ulp (the axis-0 kernel keeps float32
// running sums where NumPy rounds after every loop call).
//
// The same fixtures cover initial=, where= (NumPy's masked loop: each run of
// selected elements summed pairwise), out= (returned, written in NumPy's
// dtype, shape errors in NumPy's words) and count_nonzero(axis=,
// keepdims=). Every case with one of those options also checks that the
// input is unchanged afterwards, and every failing call with out= that out
// is as it was.
//
// Every result is also checked for NumPy's byte strides and C/F contiguity
// flags: NumPy allocates a reduction's result densely in its iterator's
// order of the input's (and a where mask's) axes. The fixture's "layouts"
// part sweeps that over C, F, every transposition of a 3-d array, negative
// strides, broadcast inputs and masks, length-1 and empty axes, keepdims
// both ways.

import { describe, expect, it } from "vitest";
import { NDArray, array, arange, asfortranarray, broadcastTo, greater, heapStats, zeros, type DType } from "../src/index.js";
import * as R from "../src/ops/reduce/reduce.js";
import { countNonzero } from "../src/ops/select.js";
import { base64Bytes, jsValue, loadFixture, type Encoded } from "./fixtures.js";
import { buildArray, ulpDistance, type ArrayArg } from "./math-fixtures.js";

/** Stated bounds for float reductions vs NumPy, in ulps of the result dtype. */
export const REDUCE_ULP: Readonly<Record<string, number>> = { float64: 0, float32: 0, float16: 1 };

type Input = { dtype: DType; shape: number[]; layout: string; b64?: string; gen?: "lcg"; from?: number[] };
type Expect = { dtype: DType; shape: number[]; b64: string; strides: number[]; flags: string } | { error: string; message: string; out_after?: string };
type MaskSpec = ArrayArg | { gen: "mask"; shape: number[]; layout: string } | { input: number };
type OutSpec = ArrayArg & { readonly?: boolean };
type Opts = Record<string, unknown> & { initial?: Encoded; where?: boolean | MaskSpec; out?: OutSpec };
type Case = { op: string; input: number; opts: Opts; expect: Expect };

const fixture = loadFixture<{ inputs: Input[]; cases: Case[]; layouts: Case[] }>("reduce");

/**
 * A fixture array in its layout: buildArray's, plus the layout sweep's
 * "T:p0,p1,p2" (memory C-contiguous in that axis order), "T:…;neg:i,j"
 * (those axes reversed in memory) and "bcast" (`from` broadcast to `shape`).
 */
function build(spec: ArrayArg & { from?: number[] }): NDArray {
  const temps: NDArray[] = [];
  try {
    if (spec.layout === "bcast") {
      const base = buildArray({ ...spec, shape: spec.from!, layout: "C" });
      temps.push(base);
      return broadcastTo(base, spec.shape);
    }
    if (!spec.layout.startsWith("T:")) return buildArray(spec);
    const parts = new Map(spec.layout.split(";").map((p) => p.split(":") as [string, string]));
    const perm = parts.get("T")!.split(",").map(Number);
    const neg = (parts.get("neg") ?? "").split(",").filter((x) => x !== "").map(Number);
    const flip = spec.shape.map((_, i) => (neg.includes(i) ? "::-1" : ":")).join(", ");
    const logical = buildArray({ ...spec, layout: "C" });
    const flipped = logical.get(flip);
    const t = flipped.transpose(...perm).copy();
    const back = t.transpose(...perm.map((_, i) => perm.indexOf(i)));
    temps.push(logical, flipped, t, back);
    return back.get(flip);
  } finally {
    for (const x of temps) x.dispose();
  }
}

/** The fixture script's generated mask: element i (C order) is ((i * 2654435761) mod 2^32) / 2^32 < 0.7. */
function genMask(shape: number[], layout: string): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Uint8Array(n);
  for (let i = 0; i < n; i++) v[i] = ((i * 2654435761) % 4294967296) / 4294967296 < 0.7 ? 1 : 0;
  return buildArray({ dtype: "bool", shape, layout, b64: Buffer.from(v).toString("base64") });
}

/** A case's options as stridewise takes them, and the arrays built for them (to dispose). */
function options(c: Case): { opts: Record<string, unknown>; made: NDArray[]; out?: NDArray } {
  const opts: Record<string, unknown> = { ...c.opts };
  const made: NDArray[] = [];
  if (c.opts.initial !== undefined) opts.initial = jsValue(c.opts.initial);
  const w = c.opts.where;
  if (w !== undefined && typeof w !== "boolean") {
    const m = "gen" in w ? genMask(w.shape, w.layout) : "input" in w ? build(fixture.inputs[w.input] as ArrayArg) : build(w);
    made.push(m);
    opts.where = m;
  }
  let out: NDArray | undefined;
  if (c.opts.out !== undefined) {
    const o = buildArray(c.opts.out);
    made.push(o);
    out = c.opts.out.readonly ? broadcastTo(o, o.shape) : o;
    if (out !== o) made.push(out);
    opts.out = out;
  }
  return out === undefined ? { opts, made } : { opts, made, out };
}

/** The bytes of an array in logical C order. */
function bytesOf(a: NDArray): Uint8Array {
  const t = a.toTypedArray();
  return new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
}

const same = (x: Uint8Array, y: Uint8Array): boolean => x.length === y.length && x.every((b, i) => b === y[i]);

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
    a = spec.gen ? lcg(spec) : build(spec as ArrayArg);
    built.set(i, a);
  }
  return a;
}

function run(c: Case, a: NDArray, o: Record<string, unknown>): NDArray {
  switch (c.op) {
    case "var":
      return R.variance(a, o);
    case "countNonzero":
      return countNonzero(a, o);
    default:
      return (R as unknown as Record<string, (a: NDArray, o: unknown) => NDArray>)[c.op]!(a, o);
  }
}

/** The options a case exercises beyond the original sweep, for grouping and the untouched-input check. */
function features(c: Case): string {
  return ["initial", "where", "out"].filter((k) => k in c.opts).join("+");
}

function check(c: Case, worst: Map<string, number>): string | null {
  const a = input(c.input);
  const { opts, made, out } = options(c);
  const before = features(c) !== "" || c.op === "countNonzero" ? bytesOf(a) : null;
  try {
    const f = compare(c, a, opts, out, worst);
    if (f !== null) return f;
    if (before !== null && !same(bytesOf(a), before)) return "the input changed";
    return null;
  } finally {
    for (const m of made) m.dispose();
  }
}

function compare(c: Case, a: NDArray, opts: Record<string, unknown>, out: NDArray | undefined, worst: Map<string, number>): string | null {
  const e = c.expect;
  let r: NDArray;
  try {
    r = run(c, a, opts);
  } catch (err) {
    if ("error" in e) {
      const x = err as Error;
      if (x.name !== e.error || x.message !== e.message) return `raised ${x.name}: ${x.message}; NumPy ${e.error}: ${e.message}`;
      if (out !== undefined && e.out_after !== undefined && !same(bytesOf(out), base64Bytes(e.out_after))) return "out was written before the error";
      return null;
    }
    return `raised ${(err as Error).stack}`;
  }
  if ("error" in e) return `returned ${r.dtype}; NumPy raised ${e.message}`;
  if (out !== undefined && r !== out) return "did not return out";
  if (r.dtype !== e.dtype) return `dtype ${r.dtype}, NumPy ${e.dtype}`;
  if (r.shape.join() !== e.shape.join()) return `shape [${r.shape}], NumPy [${e.shape}]`;
  if (r.strides.join() !== e.strides.join()) return `strides [${r.strides}], NumPy [${e.strides}]`;
  const flags = (r.flags.cContiguous ? "C" : "") + (r.flags.fContiguous ? "F" : "");
  if (flags !== e.flags) return `flags "${flags}", NumPy "${e.flags}"`;
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
  const key = `${c.op}${features(c) ? ` ${features(c)}` : ""} ${r.dtype}`;
  for (let i = 0; i < r.size; i++) {
    const d = ulpDistance(r.dtype, got, want, i);
    worst.set(key, Math.max(worst.get(key) ?? 0, d));
    if (d > bound) return `element ${i}: ${d} ulp from NumPy (bound ${bound})`;
  }
  return null;
}

describe("reductions against NumPy fixtures", () => {
  const byOp = new Map<string, Case[]>();
  for (const c of fixture.cases) {
    const k = features(c) ? `${c.op} with ${features(c)}` : c.op;
    byOp.set(k, [...(byOp.get(k) ?? []), c]);
  }
  for (const c of fixture.layouts) {
    const k = `layout sweep: ${c.op}`;
    byOp.set(k, [...(byOp.get(k) ?? []), c]);
  }
  const worst = new Map<string, number>();
  for (const [op, cases] of byOp) {
    const what = op.startsWith("layout sweep")
      ? "C, F, transpositions, negative strides, broadcast inputs and masks, length-1 and empty axes, keepdims"
      : "dtypes, axes, keepdims, ddof, dtype=, layouts, empty, NaN, errors";
    it(`${op}: ${cases.length} NumPy cases with their strides (${what})`, () => {
      const failures: string[] = [];
      for (const c of cases) {
        const f = check(c, worst);
        if (f !== null) {
          const i = fixture.inputs[c.input]!;
          failures.push(`${c.op}(${i.dtype}[${i.shape}] ${i.layout}${i.gen ? " gen" : ""}, ${JSON.stringify(c.opts, (k, v) => (k === "b64" ? `<${(v as string).length}>` : v))}): ${f}`);
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
  it("reports the worst ulp distance per op and dtype within the bounds", () => {
    for (const [k, d] of worst) expect(d, k).toBeLessThanOrEqual(REDUCE_ULP[k.split(" ").at(-1)!] ?? 0);
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

describe("initial, where and out", () => {
  const input = (): NDArray => arange(24).astype("float32").reshape([2, 3, 4]);
  const mask = (): NDArray => array([true, false, true, true]);

  it("returns out itself, also through the methods", () => {
    const a = input();
    const out = zeros([3, 4], { dtype: "float32" });
    expect(R.sum(a, { axis: 0, out })).toBe(out);
    expect(R.max(a, { axis: 0, out, where: mask(), initial: 0 })).toBe(out);
    expect(a.mean({ axis: 0, out })).toBe(out);
    const kept = zeros([1, 3, 4], { dtype: "int8" });
    expect(a.prod({ axis: 0, keepdims: true, out: kept })).toBe(kept);
    expect(bytesOf(a.max({ axis: 0, where: mask(), initial: -1 }))).toEqual(bytesOf(R.max(a, { axis: 0, where: mask(), initial: -1 })));
  });

  it("a failing call writes nothing: the input and out keep their bytes", () => {
    const a = input();
    const out = arange(12).astype("float32").reshape([3, 4]);
    const small = arange(12).astype("int8").reshape([3, 4]);
    const bad: [string, () => unknown][] = [
      ["out of the wrong shape", () => R.sum(a, { axis: 0, out: zeros([3, 5], { dtype: "float32" }) })],
      ["initial out of out's range", () => R.sum(small, { axis: 0, out: small.get(0), initial: 300 })],
      ["max with a mask and no initial", () => R.max(a, { axis: 0, out, where: mask() })],
      ["a mask that is not bool", () => R.mean(a, { axis: 0, out, where: [1, 0, 1, 1] })],
      ["a mask that does not broadcast", () => R.prod(a, { axis: 0, out, where: [true, false, true] })],
      ["a read-only out", () => R.min(a, { axis: 0, out: broadcastTo(out, [3, 4]) })],
      ["an axis out of range", () => R.sum(a, { axis: 5, out })],
    ];
    const was = { a: bytesOf(a), out: bytesOf(out), small: bytesOf(small) };
    for (const [why, call] of bad) {
      expect(call, why).toThrow();
      expect(same(bytesOf(a), was.a), why).toBe(true);
      expect(same(bytesOf(out), was.out), why).toBe(true);
      expect(same(bytesOf(small), was.small), why).toBe(true);
    }
  });

  it("frees every temporary, whether the call succeeds or fails", () => {
    const a = input();
    const rev = a.get("...", "::-1");
    const m = mask();
    const f = asfortranarray(a);
    const big = greater(a, 5);
    const out = zeros([3, 4], { dtype: "int8" });
    const wrong = zeros([3, 5]);
    const calls: (() => NDArray)[] = [
      () => R.sum(a, { axis: 2, where: m }),
      () => R.sum(rev, { initial: 5 }),
      () => R.sum(a.T, { where: [[true], [false], [true], [true]], dtype: "float64" }),
      () => R.mean(a, { axis: [0, 2], where: [[true], [false], [true]], keepdims: true }),
      () => R.std(f, { axis: 1, where: big, ddof: 1 }),
      () => R.max(a, { axis: 0, out, initial: 2.5 }),
      () => R.min(a, { axis: 0, out }),
      () => R.all(a, { where: [false, true, true, true] }),
      () => countNonzero(a, { axis: [0, 2], keepdims: true }),
      () => R.sum(a, { axis: 0, out: wrong }),
      () => R.max(a, { where: m }),
      () => R.mean(a, { where: [true, false, true] }),
      () => R.sum(a, { initial: Number.NaN, dtype: "int8" }),
    ];
    const run = (): void => {
      for (const f of calls) {
        try {
          const r = f();
          if (r !== out) r.dispose();
        } catch {
          // the failing calls are part of the test
        }
      }
    };
    run();
    const before = heapStats().allocations;
    run();
    expect(heapStats().allocations).toBe(before);
  });

  it("countNonzero gives a number without options and an int64 array with them", () => {
    const a = arange(6).reshape([2, 3]);
    expect(typeof countNonzero(a)).toBe("number");
    const all = countNonzero(a, {});
    expect([all.dtype, all.shape]).toEqual(["int64", []]);
    expect(countNonzero(a, { axis: 1 }).dtype).toBe("int64");
  });
});

