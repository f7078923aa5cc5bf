// Element-wise ufuncs against NumPy 2.4.6 (test/fixtures/math.json, from
// scripts/fixtures_math.py): result dtype, shape and values for every op
// over a sweep of dtype pairs (mixed kinds, weak scalars), broadcast
// shapes and layouts (F, negative strides, stepped, broadcast), and NumPy's
// error class and message where NumPy raises.
//
// Values: integers and bools byte-exact; floats by ulp distance, where
// every NaN equals every NaN and +0 equals -0 (NumPy's maximum/minimum
// return their second operand for equal zeros, WebAssembly's the IEEE
// answer). Bounds: the IEEE-exact ops (+ - * / floor_divide remainder
// maximum minimum sqrt square negative absolute sign floor ceil rint) are
// exact: 0 ulp. Transcendentals and float power: ULP_BOUND.

import { describe, expect, it } from "vitest";
import {
  NDArray,
  arange,
  heapStats,
  sharesMemory,
  OverflowError,
  add,
  array,
  asfortranarray,
  copyto,
  divide,
  multiply,
  subtract,
  zeros,
  type DType,
} from "../src/index.js";
import * as M from "../src/ops/math.js";
import { base64Bytes, jsValue, loadFixture, type Encoded } from "./fixtures.js";
import { buildArray, ulpDistance, type ArrayArg } from "./math-fixtures.js";

/**
 * The most a transcendental or float power result may differ from NumPy's,
 * in units in the last place of the result dtype. Ours compute in float64
 * with musl's functions (< 1 ulp) and round once; NumPy's float64 libm is
 * within 1 ulp of ours. NumPy's float32 exp/log/sin/cos are its own SIMD
 * approximations (not correctly rounded), which we meet within 2 ulp.
 */
export const ULP_BOUND: Readonly<Record<string, number>> = { float64: 1, float32: 2, float16: 1, bfloat16: 1 };

type Arg = ArrayArg | { scalar: Encoded };
type Expect = { dtype: DType; shape: number[]; b64: string } | { error: string; message: string };
type Case = { op: string; args: Arg[]; out?: { dtype: DType; shape: number[]; readonly?: boolean }; expect: Expect };

const fixture = loadFixture<{ cases: Case[] }>("math");


function bytesOf(r: NDArray): Uint8Array {
  const t = r.toTypedArray();
  return new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
}


const INEXACT = new Set(["exp", "log", "log1p", "expm1", "sin", "cos", "tanh", "power"]);

function run(c: Case): NDArray {
  const args = c.args.map((a) => ("scalar" in a ? jsValue(a.scalar) : buildArray(a)));
  // A read-only out is a broadcast view, as the recorder made it.
  const out = c.out ? (c.out.readonly ? zeros(c.out.shape, { dtype: c.out.dtype }).broadcastTo(c.out.shape) : zeros(c.out.shape, { dtype: c.out.dtype })) : undefined;
  const opts = out ? { out } : undefined;
  switch (c.op) {
    case "add":
      return M.add(args[0], args[1], opts);
    case "subtract":
      return M.subtract(args[0], args[1], opts);
    case "multiply":
      return M.multiply(args[0], args[1], opts);
    case "divide":
      return M.divide(args[0], args[1], opts);
    case "floor_divide":
      return M.floorDivide(args[0], args[1], opts);
    case "remainder":
      return M.mod(args[0], args[1], opts);
    case "power":
      return M.power(args[0], args[1], opts);
    case "maximum":
      return M.maximum(args[0], args[1], opts);
    case "minimum":
      return M.minimum(args[0], args[1], opts);
    case "clip":
      return M.clip(args[0], args[1] ?? null, args[2] ?? null);
    case "round":
      return M.round(args[0], args[1] as number);
    default: {
      const f = (M as unknown as Record<string, (x: unknown) => NDArray>)[
        c.op === "absolute" ? "abs" : c.op
      ];
      if (!f) throw new Error(`no function for ${c.op}`);
      return f(args[0]);
    }
  }
}

/** Checks one case; returns a description of the mismatch, or null. Tracks the worst ulp distance. */
function check(c: Case, worst: Map<string, number>): string | null {
  const e = c.expect;
  let r: NDArray;
  try {
    r = run(c);
  } catch (err) {
    if ("error" in e) {
      const name = (err as Error).name;
      if (name !== e.error || (err as Error).message !== e.message) return `raised ${name}: ${(err as Error).message}; NumPy ${e.error}: ${e.message}`;
      return null;
    }
    return `raised ${(err as Error).message}`;
  }
  if ("error" in e) return `returned ${r.dtype}; NumPy raised ${e.error}: ${e.message}`;
  if (r.dtype !== e.dtype) return `dtype ${r.dtype}, NumPy ${e.dtype}`;
  if (r.shape.join() !== e.shape.join()) return `shape [${r.shape}], NumPy [${e.shape}]`;
  const got = bytesOf(r);
  const want = base64Bytes(e.b64);
  if (got.length !== want.length) return `byte length ${got.length}, NumPy ${want.length}`;
  const isFloat = r.dtype.startsWith("float") || r.dtype === "bfloat16";
  if (!isFloat) {
    for (let i = 0; i < got.length; i++) if (got[i] !== want[i]) return `byte ${i}: ${got[i]} vs NumPy ${want[i]}`;
    return null;
  }
  const bound = INEXACT.has(c.op) ? ULP_BOUND[r.dtype]! : 0;
  for (let i = 0; i < r.size; i++) {
    const d = ulpDistance(r.dtype, got, want, i);
    worst.set(`${c.op} ${r.dtype}`, Math.max(worst.get(`${c.op} ${r.dtype}`) ?? 0, d));
    if (d > bound) return `element ${i}: ${d} ulp from NumPy (bound ${bound})`;
  }
  return null;
}

describe("element-wise ufuncs against NumPy fixtures", () => {
  const byOp = new Map<string, Case[]>();
  for (const c of fixture.cases) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  const worst = new Map<string, number>();
  for (const [op, cases] of byOp) {
    it(`${op}: ${cases.length} NumPy cases (dtypes, scalars, broadcasting, layouts, errors)`, () => {
      const failures: string[] = [];
      for (const c of cases) {
        const f = check(c, worst);
        if (f !== null) {
          const args = c.args.map((a) => ("scalar" in a ? `scalar ${JSON.stringify(a.scalar)}` : `${a.dtype}[${a.shape}] ${a.layout}`));
          failures.push(`${op}(${args.join(", ")}): ${f}`);
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
  it("stays within the stated ulp bound for every inexact op", () => {
    for (const [k, d] of worst) {
      const [op, dtype] = k.split(" ") as [string, string];
      if (INEXACT.has(op)) expect(d, k).toBeLessThanOrEqual(ULP_BOUND[dtype]!);
    }
  });
});

describe("element-wise semantics", () => {
  it("keeps float32 for a weak float scalar (NEP 50)", () => {
    const a = array([1, 2], { dtype: "float32" });
    const r = multiply(a, 2.5);
    expect(r.dtype).toBe("float32");
    expect(r.toArray()).toEqual([2.5, 5]);
  });
  it("keeps int8 for a weak int scalar and raises NumPy's OverflowError for uint8 + 300", () => {
    expect(add(array([1], { dtype: "int8" }), 1).dtype).toBe("int8");
    expect(() => add(array([1], { dtype: "uint8" }), 300)).toThrow(OverflowError);
    expect(() => add(array([1], { dtype: "uint8" }), 300)).toThrow("Python integer 300 out of bounds for uint8");
  });
  it("broadcasts a row against a matrix", () => {
    const a = array([[1, 2], [3, 4]], { dtype: "float64" });
    expect(subtract(a, array([1, 2], { dtype: "float64" })).toArray()).toEqual([[0, 0], [2, 2]]);
    expect(divide(array([1, 2]), 2).dtype).toBe("float64");
  });
  it("gives 0 for integer division and remainder by zero, without a warning", () => {
    expect(M.floorDivide(array([7, -7], { dtype: "int32" }), 0).toArray()).toEqual([0, 0]);
    expect(M.mod(array([7, -7], { dtype: "int32" }), 0).toArray()).toEqual([0, 0]);
    expect(M.floorDivide(array([-128], { dtype: "int8" }), -1).toArray()).toEqual([-128]);
  });
  it("reads an overlapping input before writing out (a[1:] = a[1:] + a[:-1])", () => {
    const b = array([0, 1, 2, 3, 4, 5], { dtype: "float64" });
    add(b.get("1:"), b.get(":-1"), { out: b.get("1:") });
    expect(b.toArray()).toEqual([0, 1, 3, 5, 7, 9]);
    const c = array([0, 1, 2, 3, 4, 5], { dtype: "float64" });
    add(c.get(":-1"), c.get("1:"), { out: c.get("1:") });
    expect(c.toArray()).toEqual([0, 1, 3, 5, 7, 9]);
  });
  it("works in place on the same array, with any layout", () => {
    const a = asfortranarray(array([[1, 2, 3], [4, 5, 6]], { dtype: "float32" }));
    a.imul(2).iadd(1);
    expect(a.toArray()).toEqual([[3, 5, 7], [9, 11, 13]]);
    const r = a.get("::-1");
    r.isub(r);
    expect(a.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });
  it("casts into out under same_kind and writes a broadcast result", () => {
    const out = zeros([2, 3], { dtype: "float64" });
    add(array([1, 2, 3], { dtype: "int8" }), 1, { out });
    expect(out.toArray()).toEqual([[2, 3, 4], [2, 3, 4]]);
    expect(() => add(array([1.5]), 1, { out: zeros([1], { dtype: "int64" }) })).toThrow(
      "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'",
    );
  });
  it("chains as methods", () => {
    const x = array([[1, 2], [3, 4]], { dtype: "float32" });
    const y = x.sub(x.mean(0)).div(x.std(0).add(1e-8));
    expect(y.dtype).toBe("float32");
    expect(y.toArray()).toEqual([[-1, -1], [1, 1]].map((r) => r.map((v) => Math.fround(v / (1 + 1e-8)))));
  });
});

describe("round of integers with decimals >= 0 (nothing to round: NumPy returns a copy)", () => {
  it("gives a new array equal to the input, whether the input is JS data or an NDArray, and leaks nothing", () => {
    const before = M.round([0], 0);
    before.dispose();
    const base = heapStats().allocations;
    const fromList = M.round([[1, -2], [3, 4]], 1);
    expect(fromList.dtype).toBe("int64");
    expect(fromList.toArray()).toEqual([[1n, -2n], [3n, 4n]]);
    expect(fromList.flags.ownData).toBe(true);
    const owner = arange(6, { dtype: "int16" });
    const m = owner.reshape(2, 3);
    const a = m.T;
    const r = M.round(a, 2);
    expect(sharesMemory(r, a)).toBe(false);
    expect(r.toArray()).toEqual(a.toArray());
    for (const x of [fromList, a, m, r, owner]) x.dispose();
    expect(heapStats().allocations).toBe(base);
  });
});
