// A core subset of the library's NumPy-fixture checks, written once and run
// three times: in Node against src/ (the Chromium test), in a page and in a
// Web Worker against the browser bundle (dist/web/checks.js and
// checks-worker.js). No test framework here: each suite returns its
// failures and a digest of everything it observed, so the test can demand
// zero failures everywhere and the same digest in Node and in the browser.
//
// Suites: view chains (test/fixtures/views.json: shapes, byte strides,
// offsets, flags, sharing, values, errors, writes through views), astype
// bits (astype.json sweeps: every dtype pair, contiguous and strided), and
// sharesMemory/mayShareMemory answers (overlap.json, every budget).

import type * as Lib from "../../src/index.js";
import type { DType, IndexItem, NDArray } from "../../src/index.js";
import type { Op, Step, ViewCase } from "../views-fixtures.js";

type SW = typeof Lib;

/** What one suite found. */
export interface SuiteResult {
  suite: string;
  cases: number;
  failures: string[];
  /** FNV-1a over every observed value, in order. */
  digest: string;
  ms: number;
}

/** The fixtures the suites read, as parsed JSON. */
export interface CoreFixtures {
  views: unknown;
  astype: unknown;
  overlap: unknown;
}

export const FIXTURE_NAMES = ["views", "astype", "overlap"] as const;

/** Values for the page's Float16Array round trip: rounding, -0, the largest finite, a subnormal, infinity. */
export const FLOAT16_SAMPLE = [1.5, -0, 65504, 1e-7, -2.5, 0.1, Infinity];

class Digest {
  private h = 0x811c9dc5;
  add(s: string): void {
    for (let i = 0; i < s.length; i++) {
      this.h ^= s.charCodeAt(i);
      this.h = Math.imul(this.h, 0x01000193) >>> 0;
    }
    this.h ^= 0x0a;
    this.h = Math.imul(this.h, 0x01000193) >>> 0;
  }
  hex(): string {
    return this.h.toString(16).padStart(8, "0");
  }
}

const json = (v: unknown): string => JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}n` : x));

function b64(s: string): Uint8Array {
  const t = atob(s);
  const out = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = t.charCodeAt(i);
  return out;
}

function bytesOf(a: NDArray): Uint8Array {
  const t = a.toTypedArray();
  return new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
}

// ---- views.json ----

const FLOAT_SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };

function viewChains(sw: SW, fx: { cases: ViewCase[]; numpy: string }): SuiteResult {
  const t0 = performance.now();
  const failures: string[] = [];
  const digest = new Digest();

  const formula = (k: number, dtype: DType, write: boolean): number | bigint | boolean => {
    if (dtype === "bool") return k % 2 === 1;
    const v = write ? (k % 20) + 100 : (k % 97) + 1;
    return dtype === "int64" || dtype === "uint64" ? BigInt(v) : v;
  };
  const nest = (flat: unknown[], shape: readonly number[]): unknown => {
    if (shape.length === 0) return flat[0];
    const [n, ...rest] = shape;
    const inner = rest.reduce((p, q) => p * q, 1);
    return Array.from({ length: n! }, (_, i) => nest(flat.slice(i * inner, (i + 1) * inner), rest));
  };
  const makeArray = (shape: readonly number[], dtype: DType, order: "C" | "F", write: boolean): NDArray => {
    const n = shape.reduce((p, q) => p * q, 1);
    const flat = Array.from({ length: n }, (_, k) => formula(k, dtype, write));
    if (n === 0) return sw.array([], { dtype }).reshape(shape.slice(), { order });
    return sw.array(nest(flat, shape) as never, { dtype, order });
  };
  const decode = (s: string, dtype: DType): unknown => {
    const kind = sw.DTYPES[dtype].kind;
    if (kind === "b") return s === "1";
    if (dtype === "int64" || dtype === "uint64") return BigInt(s);
    if (kind === "f") return FLOAT_SPECIAL[s] ?? Number(s);
    return Number(s);
  };
  const flatValues = (a: NDArray): unknown[] => {
    const v = a.toArray();
    return a.ndim === 0 ? [v] : (v as unknown[]).flat((a.ndim - 1) as 1);
  };
  const toItem = (it: unknown): IndexItem => {
    if (it !== null && typeof it === "object") {
      const [a, b, c] = (it as { s: (number | null)[] }).s;
      return sw.slice(a, b, c);
    }
    return it as IndexItem;
  };
  const applyOp = (x: NDArray, op: Op, strings: boolean): NDArray => {
    switch (op.op) {
      case "get":
        return strings ? x.get(op.str as string) : x.get(...(op.idx as unknown[]).map(toItem));
      case "reshape":
        return x.reshape(op.shape, { order: op.order, copy: op.copy ?? undefined });
      case "transpose":
        return op.axes === null ? x.transpose() : x.transpose(...op.axes);
      case "T":
        return x.T;
      case "swapaxes":
        return x.swapaxes(op.a1, op.a2);
      case "moveaxis":
        return sw.moveaxis(x, op.src, op.dst);
      case "squeeze":
        return op.axis === null ? x.squeeze() : x.squeeze(op.axis);
      case "expandDims":
        return sw.expandDims(x, op.axis);
      case "ravel":
        return x.ravel(op.order);
      case "broadcastTo":
        return sw.broadcastTo(x, op.shape);
      case "view":
        return x.view(op.dtype);
      case "sliding":
        return sw.slidingWindowView(x, op.window, op.axis);
      case "diagonal":
        return x.diagonal(op.offset, op.axis1, op.axis2);
      case "atleast":
        return [sw.atleast1d, sw.atleast2d, sw.atleast3d][op.n - 1]!(x);
      case "asStrided":
        return sw.asStrided(x, op.shape, op.strides, { writeable: op.writeable });
      case "split": {
        const fns = { split: sw.split, arraySplit: sw.arraySplit, hsplit: sw.hsplit, vsplit: sw.vsplit, dsplit: sw.dsplit } as const;
        const parts =
          op.kind === "split" || op.kind === "arraySplit"
            ? fns[op.kind as "split"](x, op.arg, op.axis)
            : fns[op.kind as "hsplit"](x, op.arg);
        if (parts.length !== op.count) throw new Error(`split gave ${parts.length} parts, NumPy ${op.count}`);
        return parts[op.pick % parts.length]!;
      }
    }
    throw new Error(`unknown op ${op.op}`);
  };

  const replay = (c: ViewCase, strings: boolean): string[] => {
    const seen: string[] = [];
    const problems: string[] = [];
    sw.tidy(() => {
      const root = makeArray(c.root.shape, c.root.dtype, c.root.order, false);
      let x = root.strides.every((s, i) => s === c.root.strides[i]) ? root : sw.asStrided(root, c.root.shape, c.root.strides);
      for (let k = 0; k < c.steps.length; k++) {
        const step = c.steps[k]!;
        if (step.error) {
          let err: Error | null = null;
          try {
            applyOp(x, c.ops[k]!, strings);
          } catch (e) {
            err = e as Error;
          }
          const got = err ? { type: err.name, message: err.message } : null;
          seen.push(json(got));
          if (json(got) !== json(step.error)) problems.push(`step ${k}: got ${json(got)}, NumPy ${json(step.error)}`);
          return;
        }
        x = applyOp(x, c.ops[k]!, strings);
        const got = {
          shape: x.shape,
          strides: x.strides,
          offset: x.offset,
          shared: (x.base ?? x) === (root.base ?? root),
          flags: { c: x.flags.cContiguous, f: x.flags.fContiguous, w: x.flags.writeable, own: x.flags.ownData },
        };
        // Where NumPy returns its input itself, stridewise returns a new view (not owning).
        const { same, error: _e, ...want } = step;
        if (same) want.flags = { ...want.flags, own: false };
        seen.push(json(got));
        if (json(got) !== json(want)) problems.push(`step ${k}: got ${json(got)}, NumPy ${json(want)}`);
      }
      const values = flatValues(x);
      seen.push(json(values));
      const want = c.values!.map((s) => decode(s, x.dtype));
      if (json(values) !== json(want)) problems.push(`values ${json(values)}, NumPy ${json(want)}`);
      if (c.write) {
        x.set("...", makeArray(x.shape, x.dtype, "C", true));
        const after = [flatValues(x), flatValues(root)];
        seen.push(json(after));
        const wantAfter = [c.write.values.map((s) => decode(s, x.dtype)), c.write.root.map((s) => decode(s, c.root.dtype))];
        if (json(after) !== json(wantAfter)) problems.push(`write: got ${json(after)}, NumPy ${json(wantAfter)}`);
      }
    });
    if (problems.length) failures.push(`${json(c.root)} ${json(c.ops)}: ${problems.join("; ")}`);
    return seen;
  };

  for (const c of fx.cases) {
    for (const strings of [false, true]) {
      let seen: string[];
      try {
        seen = replay(c, strings);
      } catch (e) {
        seen = [`threw ${(e as Error).name}: ${(e as Error).message}`];
        failures.push(`${json(c.root)} ${json(c.ops)}: ${seen[0]}`);
      }
      for (const s of seen) digest.add(s);
    }
  }
  return { suite: `view chains (NumPy ${fx.numpy})`, cases: fx.cases.length, failures, digest: digest.hex(), ms: performance.now() - t0 };
}

// ---- astype.json ----

function astypeSweeps(sw: SW, fx: { sweeps: Record<string, { input: string; out: Record<string, string> }>; numpy: string }): SuiteResult {
  const t0 = performance.now();
  const failures: string[] = [];
  const digest = new Digest();
  let cases = 0;
  for (const [from, sweep] of Object.entries(fx.sweeps)) {
    const input = b64(sweep.input);
    const ss = sw.itemsize(from as DType);
    for (const [to, expected] of Object.entries(sweep.out)) {
      cases++;
      sw.tidy(() => {
        const a = sw.array(input).view(from as DType);
        const got = bytesOf(a.astype(to as DType));
        // The same input as every other element of a twice-as-long array: a strided source.
        const inter = new Uint8Array(input.length * 2);
        for (let i = 0; i < input.length / ss; i++) inter.set(input.subarray(i * ss, (i + 1) * ss), 2 * i * ss);
        const strided = bytesOf(sw.array(inter).view(from as DType).get("::2").astype(to as DType));
        const want = b64(expected);
        let hex = "";
        for (const b of got) hex += b.toString(16).padStart(2, "0");
        digest.add(`${from}->${to}:${hex}`);
        const same = (x: Uint8Array): boolean => x.length === want.length && x.every((v, i) => v === want[i]);
        if (!same(got)) failures.push(`astype ${from} -> ${to}: bytes differ from NumPy's`);
        if (!same(strided)) failures.push(`astype ${from} -> ${to} (strided source): bytes differ from NumPy's`);
      });
    }
  }
  return { suite: `astype bits (NumPy ${fx.numpy})`, cases, failures, digest: digest.hex(), ms: performance.now() - t0 };
}

// ---- overlap.json ----

interface Desc {
  shape: number[];
  strides: number[];
  offset: number;
  itemsize: number;
}
interface OverlapCase {
  name: string;
  base: number;
  a: Desc;
  b: Desc;
  shares: boolean;
  may: boolean;
  mayExact: boolean;
  budgets: Record<string, boolean | string>;
}

function overlapAnswers(sw: SW, fx: { budgets: number[]; cases: OverlapCase[]; numpy: string }): SuiteResult {
  const t0 = performance.now();
  const failures: string[] = [];
  const digest = new Digest();
  const DT: Record<number, DType> = { 1: "uint8", 2: "uint16", 4: "float32", 8: "float64" };
  // A view at byte `offset` of `base` with any strides, from public API only.
  const view = (base: NDArray, d: Desc): NDArray => {
    const n = Math.floor((base.size - d.offset) / d.itemsize) * d.itemsize;
    const start = base.get(`${d.offset}:${d.offset + n}`).view(DT[d.itemsize]!);
    return sw.asStrided(start, d.shape, d.strides);
  };
  const answer = (f: () => boolean): boolean | string => {
    try {
      return f();
    } catch (e) {
      if (e instanceof sw.TooHardError) return "TooHardError";
      throw e;
    }
  };
  for (const c of fx.cases) {
    sw.tidy(() => {
      const base = sw.zeros([c.base], { dtype: "uint8" });
      let got: unknown;
      try {
        const a = view(base, c.a);
        const b = view(base, c.b);
        got = {
          shares: answer(() => sw.sharesMemory(a, b)),
          may: sw.mayShareMemory(a, b),
          mayExact: sw.mayShareMemory(a, b, { maxWork: -1 }),
          budgets: Object.fromEntries(fx.budgets.map((w) => [String(w), answer(() => sw.sharesMemory(a, b, { maxWork: w }))])),
        };
      } catch (e) {
        got = `threw ${(e as Error).name}: ${(e as Error).message}`;
      }
      const want = { shares: c.shares, may: c.may, mayExact: c.mayExact, budgets: c.budgets };
      digest.add(json(got));
      if (json(got) !== json(want)) failures.push(`${c.name}: got ${json(got)}, NumPy ${json(want)}`);
    });
  }
  return { suite: `sharesMemory (NumPy ${fx.numpy})`, cases: fx.cases.length, failures, digest: digest.hex(), ms: performance.now() - t0 };
}

/** Runs every suite against `sw` (which must be initialised). */
export function runCoreChecks(sw: SW, fixtures: CoreFixtures): SuiteResult[] {
  return [
    viewChains(sw, fixtures.views as never),
    astypeSweeps(sw, fixtures.astype as never),
    overlapAnswers(sw, fixtures.overlap as never),
  ];
}

/** Fetches the fixtures from `base` (a URL ending in "/"), for the page and the worker. */
export async function fetchFixtures(base: string): Promise<CoreFixtures> {
  const [views, astype, overlap] = await Promise.all(
    FIXTURE_NAMES.map(async (n) => {
      const r = await fetch(`${base}${n}.json`);
      if (!r.ok) throw new Error(`${base}${n}.json: HTTP ${r.status}`);
      return (await r.json()) as unknown;
    }),
  );
  return { views, astype, overlap };
}
