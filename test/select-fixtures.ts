// Shared by test/compare.test.ts and test/select.test.ts: replays the calls
// recorded by scripts/fixtures_select.py (test/fixtures/select.json). Each
// case rebuilds its arguments (arrays from dtype, shape and flat values,
// optionally transposed; weak JS scalars; JS array literals), calls the
// stridewise function of the same name and checks NumPy's dtype, shape and
// values, the first argument afterwards for in-place writers, or NumPy's
// error class name and exact message.
import { expect } from "vitest";
import * as sw from "../src/index.js";
import { array, type DType, type NDArray } from "../src/index.js";
import { loadFixture, jsValue, type Encoded } from "./fixtures.js";

export type Arg = { a: { dtype: DType; shape: number[]; flat: Encoded[] }; T?: boolean } | { s: Encoded } | { l: Encoded };
export type Result = { dtype: DType; shape: number[]; values: Encoded } | { list: Result[] } | { int: number };
export interface Case {
  group: string;
  fn: string;
  args: Arg[];
  kwargs: { axis?: number | null; mode?: "raise" | "wrap" | "clip" };
  result?: Result;
  after?: Result;
  error?: { type: string; message: string };
}

export const cases = loadFixture<{ cases: Case[] }>("select").cases;

function build(arg: Arg, temps: NDArray[]): unknown {
  if ("s" in arg) return jsValue(arg.s);
  if ("l" in arg) return jsValue(arg.l);
  const { dtype, shape, flat } = arg.a;
  const values = jsValue(flat) as unknown[];
  const base = shape.length === 0 ? array(values[0] as number, { dtype }) : array(values as number[], { dtype }).reshape(shape);
  temps.push(base);
  return arg.T ? base.T : base;
}

function show(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (Object.is(v, -0)) return "-0";
  if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
  return String(v);
}

function describeArg(arg: Arg): string {
  if ("s" in arg) return show(jsValue(arg.s));
  if ("l" in arg) return show(jsValue(arg.l));
  return `${arg.a.dtype}[${arg.a.shape.join(",")}]${arg.T ? ".T" : ""}`;
}

function opts(c: Case): Record<string, unknown> | undefined {
  const o: Record<string, unknown> = {};
  if (c.kwargs.axis !== undefined && c.kwargs.axis !== null) o.axis = c.kwargs.axis;
  if (c.kwargs.mode !== undefined) o.mode = c.kwargs.mode;
  return Object.keys(o).length > 0 ? o : undefined;
}

/** The call as a TypeScript expression, e.g. `take(int64[3,4], int64[2], {"axis":1})`. */
export function callText(c: Case): string {
  const o = opts(c);
  return `${c.fn}(${[...c.args.map(describeArg), ...(o ? [JSON.stringify(o)] : [])].join(", ")})`;
}

/** A sentence naming the call and what NumPy gave. */
export function title(c: Case): string {
  if (c.error) return `${callText(c)} raises NumPy's ${c.error.type}`;
  if (c.after) return `${callText(c)} writes NumPy's values in place`;
  const r = c.result!;
  if ("int" in r) return `${callText(c)} counts ${r.int} as NumPy does`;
  if ("list" in r) return `${callText(c)} gives NumPy's ${r.list.length} index arrays`;
  return `${callText(c)} gives NumPy's ${r.dtype}[${r.shape.join(",")}] values`;
}

function expectResult(got: unknown, want: Result, what: string): void {
  if ("int" in want) {
    expect(got, what).toBe(want.int);
    return;
  }
  if ("list" in want) {
    const arrs = got as NDArray[];
    expect(arrs.length, what).toBe(want.list.length);
    want.list.forEach((w, i) => expectResult(arrs[i], w, `${what} [${i}]`));
    return;
  }
  const r = got as NDArray;
  expect(r.dtype, what).toBe(want.dtype);
  expect(r.shape, what).toEqual(want.shape);
  expect(r.toArray(), what).toEqual(jsValue(want.values));
}

/** Calls the stridewise function of the case and checks it against NumPy. */
export function replay(c: Case): void {
  const temps: NDArray[] = [];
  try {
    const args = c.args.map((a) => build(a, temps));
    const o = opts(c);
    const fn = (sw as unknown as Record<string, (...xs: unknown[]) => unknown>)[c.fn]!;
    const call = (): unknown => (o ? fn(...args, o) : fn(...args));
    if (c.error) {
      // An in-place writer that raises must leave its target as it was.
      const target = ["put", "place", "putmask"].includes(c.fn) ? (args[0] as NDArray) : null;
      const before = target?.toArray();
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught, `${callText(c)} should throw`).toBeInstanceOf(Error);
      expect((caught as Error).name).toBe(c.error.type);
      expect((caught as Error).message).toBe(c.error.message);
      if (target) expect(target.toArray(), `${callText(c)} left its target intact`).toEqual(before);
      return;
    }
    const got = call();
    if (c.after) expectResult(args[0], c.after, callText(c));
    else expectResult(got, c.result!, callText(c));
  } finally {
    for (const t of temps) t.dispose();
  }
}
