// Replays test/fixtures/layout.json (scripts/fixtures_layout.py): the
// layout NumPy gives every array an op allocates (shape, byte strides,
// contiguity flags), whether the result is a view of the input or the
// input itself, its values, and NumPy's errors, for C, F, transposed,
// negative-stride, length-1, 0-d and empty inputs.

import { describe, expect, it } from "vitest";
import * as sw from "../src/index.js";
import { array, sharesMemory, slice, type DType, type NDArray } from "../src/index.js";
import { loadFixture } from "./fixtures.js";

type Step = "F" | "T" | { get: string } | { reshape: number[] } | { transpose: number[] };
interface Recipe {
  shape: number[];
  dtype: DType;
  flat?: number[];
  steps: Step[];
}
type Arg = { r: Recipe } | { s: string } | unknown;
interface Described {
  shape: number[];
  strides: number[];
  c: boolean;
  f: boolean;
  values: unknown;
  /** null: NumPy gave a scalar, stridewise a 0-d view. */
  shares: boolean | null;
  same: boolean;
}
interface Case {
  op: string;
  args: Arg[];
  kw: Record<string, unknown>;
  result?: Described;
  /** A tuple result (unstack). */
  list?: Described[];
  /** With `out`: whether the result is `out` itself. */
  isOut?: boolean;
  error?: { type: string; message: string };
}

const fx = loadFixture<{ cases: Case[] }>("layout");

const isRecipe = (x: unknown): x is { r: Recipe } => typeof x === "object" && x !== null && "r" in x;
const isSlice = (x: unknown): x is { s: string } => typeof x === "object" && x !== null && "s" in x;

/** The recipe's array and every array made on the way (to dispose). */
function build(rec: Recipe, temps: NDArray[]): NDArray {
  const n = rec.shape.reduce((p, q) => p * q, 1);
  const flat = rec.flat ?? Array.from({ length: n }, (_, i) => i);
  let a = array(flat, { dtype: rec.dtype }).reshape(rec.shape);
  temps.push(a);
  for (const st of rec.steps) {
    if (st === "F") a = sw.asfortranarray(a);
    else if (st === "T") a = a.T;
    else if ("get" in st) a = st.get === "" ? a.get() : a.get(st.get);
    else if ("reshape" in st) a = a.reshape(st.reshape);
    else a = sw.transpose(a, st.transpose);
    temps.push(a);
  }
  return a;
}

/** A slice string such as "1:5:2" as a Slice. */
function sliceOf(s: string): sw.Slice {
  const [a, b, c] = s.split(":").map((t) => (t.trim() === "" ? null : Number(t)));
  return slice(a ?? null, b ?? null, c ?? null);
}

function value(x: Arg, temps: NDArray[]): unknown {
  if (Array.isArray(x)) return x.map((y) => value(y, temps));
  if (isRecipe(x)) return build(x.r, temps);
  if (isSlice(x)) return sliceOf(x.s);
  return x;
}

const CAMEL: Record<string, string> = { column_stack: "columnStack", logical_not: "logicalNot", logical_and: "logicalAnd", count_nonzero: "countNonzero", floor_divide: "floorDivide" };

function call(c: Case, temps: NDArray[]): { r: NDArray | NDArray[]; x0: unknown; out?: unknown } {
  const a = c.args.map((x) => value(x, temps));
  const kw = Object.fromEntries(Object.entries(c.kw).map(([k, v]) => [k, value(v, temps)]));
  const x0 = a[0];
  const A = x0 as NDArray;
  const f = sw as unknown as Record<string, (...args: unknown[]) => NDArray>;
  if (c.op.endsWith("_seq")) {
    const name = c.op.slice(0, -4);
    return { r: f[CAMEL[name] ?? name]!(x0, kw), x0 };
  }
  switch (c.op) {
    case "block":
      return { r: sw.block(x0 as never), x0 };
    case "unstack":
      return { r: sw.unstack(A, kw as never), x0 };
    case "get":
      return { r: A.get(...(a.slice(1) as never[])), x0 };
    case "where":
      return { r: sw.where(a[1] as NDArray, A, a[2] as NDArray), x0 };
    case "copy_method":
      return { r: A.copy(...(a.slice(1) as never[])), x0 };
    case "sum":
      return { r: sw.sum(A, kw as never), x0 };
    case "concatenate":
    case "stack":
      return { r: f[c.op]!(a, kw), x0, out: kw.out };
    case "reshape":
      return { r: sw.reshape(A, a[1] as number[], kw), x0 };
    case "flatten":
      return { r: A.flatten(...(a.slice(1) as never[])), x0 };
    case "ravel":
    case "copy":
      return { r: f[c.op]!(...a), x0 };
    default:
      return { r: f[CAMEL[c.op] ?? c.op]!(...a, ...(Object.keys(kw).length > 0 ? [kw] : [])), x0 };
  }
}

function describeArg(x: Arg): string {
  if (isRecipe(x)) {
    const st = x.r.steps.map((s) => (typeof s === "string" ? s : JSON.stringify(s))).join("");
    return `${x.r.dtype}[${x.r.shape.join(",")}]${st}`;
  }
  if (isSlice(x)) return `"${x.s}"`;
  if (Array.isArray(x)) return `[${x.map(describeArg).join(", ")}]`;
  return JSON.stringify(x);
}

function title(c: Case): string {
  const kws = Object.entries(c.kw).map(([k, v]) => `${k}: ${describeArg(v)}`);
  const kw = kws.length > 0 ? `, { ${kws.join(", ")} }` : "";
  const call = `${c.op}(${c.args.map(describeArg).join(", ")}${kw})`;
  if (c.error) return `${call} raises NumPy's ${c.error.type}`;
  if (c.list) return `${call} gives NumPy's ${c.list.length} views`;
  return `${call} gives NumPy's strides ${JSON.stringify(c.result!.strides)}${c.result!.shares ? " (a view)" : ""}`;
}

function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v;
  return v;
}

describe("NumPy's layout for every array an op allocates (layout.json)", () => {
  for (const c of fx.cases) {
    it(title(c), () => {
      const temps: NDArray[] = [];
      try {
        if (c.error) {
          let err: unknown;
          try {
            const r = call(c, temps).r;
            temps.push(...(Array.isArray(r) ? r : [r]));
          } catch (e) {
            err = e;
          }
          expect(err, "should throw").toBeInstanceOf(Error);
          expect((err as Error).name).toBe(c.error.type);
          expect((err as Error).message).toBe(c.error.message);
          return;
        }
        const { r, x0, out } = call(c, temps);
        const got = Array.isArray(r) ? r : [r];
        for (const g of got) if (g !== x0 && !temps.includes(g)) temps.push(g);
        if (c.isOut !== undefined) expect(r === out, "is out itself").toBe(c.isOut);
        const wants = c.list ?? [c.result!];
        expect(got.length, "number of results").toBe(wants.length);
        wants.forEach((want, i) => {
          const g = got[i]!;
          expect(g.shape).toEqual(want.shape);
          expect(g.strides, "strides").toEqual(want.strides);
          expect(g.flags.cContiguous, "C flag").toBe(want.c);
          expect(g.flags.fContiguous, "F flag").toBe(want.f);
          expect(plain(g.toArray())).toEqual(want.values);
          if (x0 instanceof sw.NDArray && want.shares !== null) {
            expect(sharesMemory(g, x0), "shares memory with the input").toBe(want.shares);
            expect(g === x0, "is the input itself").toBe(want.same);
          }
        });
      } finally {
        for (const t of temps.reverse()) t.dispose();
      }
    });
  }
});
