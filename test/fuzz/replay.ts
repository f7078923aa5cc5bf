// Replays one program recorded by scripts/fuzz_numpy.py through stridewise's
// public API and compares every step with NumPy's recorded answer: layout
// (shape, byte strides, flags), values, view-or-copy, and errors (class and
// message). A step whose input stridewise failed to make is skipped, not
// counted: the first difference is the one worth reading.

import * as sw from "../../src/index.js";
import type { DType, NDArray } from "../../src/index.js";

export type Enc = boolean | number | string;
export interface Described {
  shape: number[];
  strides: number[];
  dtype: string;
  c: boolean;
  f: boolean;
  w: boolean;
  own: boolean;
  vals: Enc[];
  sh?: boolean;
  same?: boolean;
}
export interface Out extends Partial<Described> {
  scalar?: boolean;
  bool?: boolean;
  list?: Described[];
  err?: string;
  msg?: string;
  others?: Record<string, Enc[]>;
  copy_first?: { vals: Enc[]; others: Record<string, Enc[]> };
}
export interface Step {
  op: string;
  out: Out;
  [k: string]: unknown;
}
export interface Program {
  steps: Step[];
}

export interface Mismatch {
  program: number;
  step: number;
  op: string;
  /** What differs: "shape", "values", "error-message", "ok-vs-error", … */
  kind: string;
  expected: unknown;
  actual: unknown;
  /** The recorded step, for the report and the deviation predicates. */
  recorded: Step;
  /** The program's steps before this one (the report prints them). */
  prior: Step[];
  /** The first array argument's values before the step (C order). */
  input?: Enc[] | undefined;
  /** The conversion a step does, if any: astype, or set from an array value. */
  cast?: { from: string; to: string } | undefined;
}

export interface ReplayResult {
  steps: number;
  skipped: number;
  mismatches: Mismatch[];
}

type Ref = { v: number };
type IndexArray = { shape: number[]; dt: DType; flat: Enc[]; F: boolean };
type IndexEnc = { i: number } | { bs: boolean } | { s: [number | null, number | null, number | null] } | { n: 0 } | { e: 0 } | { il: number[] | boolean[] } | { ia: IndexArray } | { ba: IndexArray };

class Skip extends Error {}

export function decode(x: Enc, dtype: string): number | bigint | boolean {
  if (typeof x === "boolean") return x;
  if (dtype === "int64" || dtype === "uint64") return BigInt(x);
  if (x === "nan") return NaN;
  if (x === "inf") return Infinity;
  if (x === "-inf") return -Infinity;
  if (x === "-0") return -0;
  return typeof x === "string" ? BigInt(x) : x;
}

function encode(x: unknown): Enc {
  if (typeof x === "boolean") return x;
  if (typeof x === "bigint") return x.toString();
  const n = x as number;
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Object.is(n, -0)) return "-0";
  return n;
}

export function values(a: NDArray): Enc[] {
  const out: Enc[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else out.push(encode(x));
  };
  walk(a.toArray());
  return out;
}

const sameVals = (p: readonly Enc[], q: readonly Enc[]): boolean => p.length === q.length && p.every((x, i) => x === q[i]);
const sameList = (p: readonly number[], q: readonly number[]): boolean => p.length === q.length && p.every((x, i) => x === q[i]);

/** The replay of one program; every array it makes is disposed at the end. */
export function replay(prog: Program, pid: number): ReplayResult {
  const vars: unknown[] = [];
  const made: NDArray[] = [];
  const mismatches: Mismatch[] = [];
  let skipped = 0;
  const keep = <T>(x: T): T => {
    if (x instanceof sw.NDArray) made.push(x);
    else if (Array.isArray(x)) for (const y of x) if (y instanceof sw.NDArray) made.push(y);
    return x;
  };
  const ref = (r: unknown): NDArray => {
    const x = vars[(r as Ref).v];
    if (!(x instanceof sw.NDArray)) throw new Skip();
    return x;
  };
  const indexArray = (ia: IndexArray): NDArray => {
    let t = keep(keep(sw.array(ia.flat.map((x) => decode(x, ia.dt)) as never, { dtype: ia.dt })).reshape(ia.shape));
    if (ia.F) t = keep(sw.asfortranarray(t));
    return t;
  };
  const index = (items: IndexEnc[]): sw.IndexItem[] =>
    items.map((it) => {
      if ("i" in it) return it.i;
      if ("s" in it) return sw.slice(it.s[0], it.s[1], it.s[2]);
      if ("n" in it) return null;
      if ("e" in it) return "...";
      if ("il" in it) return it.il;
      if ("bs" in it) return it.bs;
      if ("ia" in it) return indexArray(it.ia);
      return indexArray(it.ba);
    });

  prog.steps.forEach((st, k) => {
    const prior = prog.steps.slice(0, k);
    let input: Enc[] | undefined;
    let cast: Mismatch["cast"];
    const report = (kind: string, expected: unknown, actual: unknown): void => {
      mismatches.push({ program: pid, step: k, op: st.op, kind, expected, actual, recorded: st, prior, input, cast });
    };
    let first: NDArray | null = null;
    let result: unknown;
    try {
      if (st.op !== "create" && st.a !== undefined) {
        first = ref(st.a);
        input = values(first);
        if (st.op === "astype") cast = { from: first.dtype, to: st.dtype as string };
        const v = st.val as { v?: number } | undefined;
        if (st.op === "set" && v?.v !== undefined) cast = { from: ref(v).dtype, to: first.dtype };
      }
      result = keep(run(st, first, ref, index, keep));
    } catch (e) {
      if (e instanceof Skip) {
        skipped++;
        return;
      }
      const err = e as Error;
      const name = err instanceof sw.StridewiseError || err instanceof RangeError || err instanceof TypeError ? err.name : `crash:${err.name}`;
      if (st.out.err === undefined) report("ok-vs-error", null, `${name}: ${err.message}`);
      else if (st.out.err !== name) report("error-class", `${st.out.err}: ${st.out.msg}`, `${name}: ${err.message}`);
      else if (st.out.msg !== err.message) report("error-message", st.out.msg, err.message);
      return;
    }
    const out = st.out;
    if (out.err !== undefined) {
      report("error-vs-ok", `${out.err}: ${out.msg}`, describeActual(result));
      if (st.op !== "set") vars[k] = result;
      return;
    }
    if (st.op === "set") {
      const target = first!;
      const got = { vals: values(target), others: {} as Record<string, Enc[]> };
      for (const id of Object.keys(out.others ?? {})) got.others[id] = values(vars[Number(id)] as NDArray);
      const same = (o: { vals: Enc[]; others: Record<string, Enc[]> }): boolean =>
        sameVals(o.vals, got.vals) && Object.keys(o.others).every((id) => sameVals(o.others[id]!, got.others[id]!));
      if (!same({ vals: out.vals!, others: out.others ?? {} })) {
        report(out.copy_first !== undefined && same(out.copy_first) ? "values-as-if-copied" : "values", out, got);
        resync(target, out.vals!);
        for (const id of Object.keys(out.others ?? {})) resync(vars[Number(id)] as NDArray, out.others![id]!);
      }
      return;
    }
    if (out.bool !== undefined) {
      if (result !== out.bool) report("bool", out.bool, result);
      return;
    }
    if (out.list !== undefined) {
      const got = result as NDArray[];
      if (got.length !== out.list.length) report("list-length", out.list.length, got.length);
      else {
        const inputs = st.op === "broadcast_arrays" ? [first!, ref(st.b)] : got.map(() => first);
        out.list.forEach((d, i) => compare(d, got[i]!, inputs[i]!, (kind, e, a) => report(`[${i}].${kind}`, e, a)));
      }
      vars[k] = result;
      return;
    }
    const r = result as NDArray;
    if (out.scalar) {
      // NumPy's scalar: stridewise gives a 0-d array; only its dtype and value are comparable
      if (!(r instanceof sw.NDArray) || r.ndim !== 0) report("scalar", out, describeActual(r));
      else {
        if (r.dtype !== out.dtype) report("dtype", out.dtype, r.dtype);
        if (!sameVals(values(r), out.vals!)) report("values", out.vals, values(r));
        if (first !== null && sw.sharesMemory(r, first)) report("scalar-as-0d-view", false, true);
      }
      return;
    }
    const before = mismatches.length;
    compare(out as Described, r, first, report);
    // later steps compare against NumPy's values, not against an earlier difference
    if (mismatches.slice(before).some((m) => m.kind === "values")) resync(r, out.vals!);
    // where NumPy gave the input itself (a documented new view here), later steps see the input
    vars[k] = out.same === true && r !== first ? first : r;
  });
  for (const a of made) if (a.isAlive) a.dispose();
  return { steps: prog.steps.length, skipped, mismatches };
}

/** Writes NumPy's recorded values into `a` (through read-only views too: their base is NumPy's state as well). */
function resync(a: NDArray, vals: readonly Enc[]): void {
  if (vals.length !== a.size || a.size === 0) return;
  const flat = sw.array(vals.map((x) => decode(x, a.dtype)) as never, { dtype: a.dtype });
  const v = flat.reshape(a.shape);
  flat.dispose();
  const w = a.flags.writeable ? a : sw.asStrided(a, a.shape, a.strides, { writeable: true });
  try {
    w.set("...", v);
  } catch {
    // a view with repeated elements (stride 0) cannot hold distinct values: leave it
  } finally {
    v.dispose();
    if (w !== a) w.dispose();
  }
}

function describeActual(r: unknown): unknown {
  if (r instanceof sw.NDArray) return { shape: r.shape, strides: r.strides, dtype: r.dtype, vals: values(r) };
  if (Array.isArray(r)) return r.map(describeActual);
  return r;
}

function compare(d: Described, r: NDArray, first: NDArray | null, report: (kind: string, e: unknown, a: unknown) => void): void {
  if (!(r instanceof sw.NDArray)) {
    report("not-an-array", d, r);
    return;
  }
  if (!sameList(d.shape, r.shape)) {
    report("shape", d.shape, r.shape);
    return;
  }
  if (r.dtype !== d.dtype) report("dtype", d.dtype, r.dtype);
  if (!sameList(d.strides, r.strides)) report(r.size === 0 ? "strides(empty)" : d.shape.every((n, i) => n === 1 || d.strides[i] === r.strides[i]) ? "strides(length-1 axes)" : "strides", d.strides, r.strides);
  const fl = r.flags;
  if (fl.cContiguous !== d.c) report("flags.c", d.c, fl.cContiguous);
  if (fl.fContiguous !== d.f) report("flags.f", d.f, fl.fContiguous);
  if (fl.writeable !== d.w) report("flags.writeable", d.w, fl.writeable);
  if (fl.ownData !== d.own) report("flags.owndata", d.own, fl.ownData);
  if (!sameVals(values(r), d.vals)) report("values", d.vals, values(r));
  if (first !== null && d.sh !== undefined) {
    const sh = sw.sharesMemory(r, first);
    if (sh !== d.sh) report("shares", d.sh, sh);
    if ((r === first) !== d.same) report("same", d.same, r === first);
  }
}

type Index = (items: IndexEnc[]) => sw.IndexItem[];

function run(st: Step, a: NDArray | null, ref: (r: unknown) => NDArray, index: Index, keep: <T>(x: T) => T): unknown {
  const A = a!;
  const s = st as Record<string, any>;
  switch (st.op) {
    case "create": {
      const dt = s.dtype as DType;
      let t = keep(sw.array((s.vals as Enc[]).map((x) => decode(x, dt)) as never, { dtype: dt }));
      t = keep(t.reshape(s.shape));
      return s.order === "F" ? sw.asfortranarray(t) : t;
    }
    case "get":
      return A.get(...index(s.idx));
    case "set": {
      const v = s.val;
      let value: unknown;
      if ("v" in v) value = ref(v);
      else if ("vget" in v) value = keep(ref(v.vget).get(...index(v.vget.idx)));
      else if ("b" in v) value = v.b;
      else if ("n" in v) value = decode(v.n, "float64");
      else value = v.list;
      A.set(...index(s.idx), value as never);
      return undefined;
    }
    case "reshape":
      return sw.reshape(A, s.shape, { order: s.order, copy: s.copy ?? undefined });
    case "T":
      return A.T;
    case "transpose":
      return s.axes === null ? sw.transpose(A) : sw.transpose(A, s.axes);
    case "moveaxis":
      return sw.moveaxis(A, s.src, s.dst);
    case "swapaxes":
      return sw.swapaxes(A, s.ax1, s.ax2);
    case "squeeze":
      return sw.squeeze(A, s.axis);
    case "expand_dims":
      return sw.expandDims(A, s.axis);
    case "ravel":
      return sw.ravel(A, s.order);
    case "flatten":
      return A.flatten(s.order);
    case "copy":
      return A.copy(s.order);
    case "view":
      return A.view(s.dtype);
    case "astype":
      return sw.astype(A, s.dtype, { copy: s.copy, order: s.order });
    case "take": {
      const ind = s.ind;
      const indices = "i" in ind ? ind.i : "il" in ind ? ind.il : keep(index([{ ia: ind.ia }])[0]);
      return sw.take(A, indices as never, { axis: s.axis, mode: s.mode });
    }
    case "concatenate":
      return sw.concatenate((s.arrays as Ref[]).map(ref), { axis: s.axis });
    case "stack":
      return sw.stack((s.arrays as Ref[]).map(ref), { axis: s.axis });
    case "ascontiguousarray":
      return sw.ascontiguousarray(A);
    case "asfortranarray":
      return sw.asfortranarray(A);
    case "broadcast_to":
      return sw.broadcastTo(A, s.shape);
    case "broadcast_arrays":
      return sw.broadcastArrays(A, ref(s.b));
    case "shares_memory":
      return sw.sharesMemory(A, ref(s.b));
    case "reduce": {
      const fn = s.fn as string;
      if (fn === "argmax" || fn === "argmin" || fn === "cumsum") return sw[fn](A, { axis: s.axis });
      return (sw[fn as "sum"] as (x: NDArray, o: object) => NDArray)(A, { axis: s.axis, keepdims: s.keepdims });
    }
    case "unary": {
      const fn = ({ logical_not: "logicalNot" } as Record<string, string>)[s.fn] ?? s.fn;
      return (sw[fn as "sqrt"] as (x: NDArray) => NDArray)(A);
    }
    case "where":
      return sw.where(A, ref(s.b), ref(s.c));
    case "ufunc": {
      const fn = ({ logical_and: "logicalAnd" } as Record<string, string>)[s.fn] ?? s.fn;
      return (sw[fn as "add"] as (x: NDArray, y: NDArray) => NDArray)(A, ref(s.b));
    }
    default:
      throw new Error(`fuzz replay: unknown op ${st.op}`);
  }
}
