import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DisposedError,
  mayShareMemory,
  OverflowError,
  sharesMemory,
  TooHardError,
  ValueError,
  zeros,
  type DType,
  type NDArray,
} from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";
import { lastOverlapWork, overlap } from "../src/ops/overlap.js";

// ---- views from descriptors ----

interface Desc {
  shape: number[];
  strides: number[];
  offset: number;
  itemsize: number;
}

const DTYPE_OF: Record<number, DType> = { 1: "uint8", 2: "uint16", 4: "float32", 8: "float64" };

function view(base: NDArray, d: Desc): NDArray {
  return makeView(base, d.shape, d.strides, d.offset, DTYPE_OF[d.itemsize]!);
}

/** What sharesMemory answers (or the name of the error it throws). */
function answer(f: () => boolean): boolean | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof TooHardError) {
      expect(e.message).toBe("Exceeded max_work");
      return "TooHardError";
    }
    throw e;
  }
}

// ---- the brute-force oracle: the set of bytes a view touches ----

function touched(d: Desc, baseBytes: number): Uint8Array {
  const marks = new Uint8Array(baseBytes);
  const size = d.shape.reduce((p, n) => p * n, 1);
  const idx = new Array<number>(d.shape.length).fill(0);
  for (let e = 0; e < size; e++) {
    let addr = d.offset;
    for (let i = 0; i < idx.length; i++) addr += idx[i]! * d.strides[i]!;
    for (let k = 0; k < d.itemsize; k++) marks[addr + k] = 1;
    for (let i = idx.length - 1; i >= 0; i--) {
      if (++idx[i]! < d.shape[i]!) break;
      idx[i] = 0;
    }
  }
  return marks;
}

function bruteShares(a: Desc, b: Desc, baseBytes: number): boolean {
  const ma = touched(a, baseBytes);
  const mb = touched(b, baseBytes);
  for (let i = 0; i < baseBytes; i++) if (ma[i]! && mb[i]!) return true;
  return false;
}

// ---- an independent plain-TypeScript solver, in NumPy's own formulation ----
// (x1 = γc + c1·t, x2 = εc - c2·t over t, in BigInt), to check that the
// kernel's residue-class search visits the same nodes and so spends a
// budget exactly as NumPy does.

type Term = { a: bigint; u: bigint };

function floorDiv(p: bigint, q: bigint): bigint {
  const r = p / q;
  return (p % q !== 0n && p < 0n !== q < 0n) ? r - 1n : r;
}
function ceilDiv(p: bigint, q: bigint): bigint {
  return -floorDiv(-p, q);
}
function euclid(a1: bigint, a2: bigint): [bigint, bigint, bigint] {
  // γ·a1 + ε·a2 = g
  let [r0, r1, g0, g1, e0, e1] = [a1, a2, 1n, 0n, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [g0, g1] = [g1, g0 - q * g1];
    [e0, e1] = [e1, e0 - q * e1];
  }
  return [r0, g0, e0];
}

function referenceSolve(terms: Term[], b: bigint, maxWork: number): "no" | "yes" | "too hard" {
  let E = [...terms].sort((p, q) => (p.a < q.a ? 1 : p.a > q.a ? -1 : 0));
  const merged: Term[] = [];
  for (const t of E) {
    const last = merged[merged.length - 1];
    if (last && last.a === t.a) last.u += t.u;
    else merged.push({ ...t });
  }
  E = merged.map((t) => ({ a: t.a, u: t.u < b / t.a ? t.u : b / t.a })).filter((t) => t.u !== 0n);
  const n = E.length;
  if (n === 0) return b === 0n ? "yes" : "no";
  if (n === 1) return b % E[0]!.a === 0n && b / E[0]!.a <= E[0]!.u ? "yes" : "no";
  // Folded terms: F[v] = terms 0..v as one variable.
  const F: Term[] = [E[0]!];
  const G: bigint[] = [0n];
  const Eps: bigint[] = [0n];
  for (let v = 1; v < n; v++) {
    const [g, gamma, eps] = euclid(F[v - 1]!.a, E[v]!.a);
    F.push({ a: g, u: (F[v - 1]!.a / g) * F[v - 1]!.u + (E[v]!.a / g) * E[v]!.u });
    G.push(gamma);
    Eps.push(eps);
  }
  let count = 0;
  const dfs = (v: number, rhs: bigint): "no" | "yes" | "too hard" => {
    if (maxWork >= 0 && count >= maxWork) return "too hard";
    const { a: a1, u: u1 } = F[v - 1]!;
    const { a: a2, u: u2 } = E[v]!;
    const g = F[v]!.a;
    if (rhs % g !== 0n) {
      count++;
      return "no";
    }
    const c = rhs / g;
    const c1 = a2 / g;
    const c2 = a1 / g;
    const x10 = G[v]! * c;
    const x20 = Eps[v]! * c;
    let tl = ceilDiv(-x10, c1);
    const tl2 = ceilDiv(x20 - u2, c2);
    if (tl2 > tl) tl = tl2;
    let tu = floorDiv(u1 - x10, c1);
    const tu2 = floorDiv(x20, c2);
    if (tu2 < tu) tu = tu2;
    if (tl > tu) {
      count++;
      return "no";
    }
    if (v === 1) return "yes";
    for (let t = tl; t <= tu; t++) {
      const r = dfs(v - 1, rhs - a2 * (x20 - c2 * t));
      if (r !== "no") return r;
    }
    count++;
    return "no";
  };
  return dfs(n - 1, b);
}

/** NumPy's reduction of a pair of views to terms and right-hand side. */
function referenceShares(a: Desc, b: Desc, maxWork: number): boolean | string {
  const size = (d: Desc) => d.shape.reduce((p, n) => p * n, 1);
  if (size(a) === 0 || size(b) === 0) return false;
  const ext = (d: Desc): [number, number] => {
    let lo = d.offset;
    let hi = d.offset + d.itemsize;
    d.shape.forEach((n, i) => {
      const e = d.strides[i]! * (n - 1);
      if (e > 0) hi += e;
      else lo += e;
    });
    return [lo, hi];
  };
  const [loA, hiA] = ext(a);
  const [loB, hiB] = ext(b);
  if (loA >= hiB || loB >= hiA) return false;
  if (maxWork === 0) return "TooHardError";
  const terms: Term[] = [];
  for (const d of [a, b]) {
    d.shape.forEach((n, i) => {
      if (n > 1 && d.strides[i] !== 0) terms.push({ a: BigInt(Math.abs(d.strides[i]!)), u: BigInt(n - 1) });
    });
  }
  for (const d of [a, b]) if (d.itemsize > 1) terms.push({ a: 1n, u: BigInt(d.itemsize - 1) });
  const r = referenceSolve(terms, BigInt(Math.min(hiB - 1 - loA, hiA - 1 - loB)), maxWork);
  return r === "too hard" ? "TooHardError" : r === "yes";
}

// ---- seeded random descriptors over a small base ----

function rng(seed: number): () => number {
  // mulberry32
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDesc(r: () => number, baseBytes: number): Desc {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  for (;;) {
    const itemsize = [1, 2, 4, 8][int(0, 3)]!;
    const nd = int(1, 4);
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0; i < nd; i++) {
      shape.push(r() < 0.03 ? 0 : int(1, 6));
      const k = r();
      let s = k < 0.12 ? 0 : k < 0.55 ? itemsize * int(1, 10) : int(1, 40);
      if (r() < 0.35) s = -s;
      strides.push(s);
    }
    let lo = 0;
    let hi = itemsize;
    shape.forEach((n, i) => {
      const e = n === 0 ? 0 : strides[i]! * (n - 1);
      if (e > 0) hi += e;
      else lo += e;
    });
    if (hi - lo > baseBytes) continue;
    return { shape, strides, offset: int(-lo, baseBytes - hi), itemsize };
  }
}

// ---- tests ----

describe("sharesMemory and mayShareMemory against NumPy", () => {
  const doc = JSON.parse(readFileSync(new URL("./fixtures/overlap.json", import.meta.url), "utf8")) as {
    numpy: string;
    budgets: number[];
    cases: {
      name: string;
      base: number;
      a: Desc;
      b: Desc;
      shares: boolean;
      may: boolean;
      mayExact: boolean;
      budgets: Record<string, boolean | string>;
    }[];
  };

  it("answers every recorded pair as NumPy does, under every recorded budget", () => {
    const mismatches: string[] = [];
    for (const c of doc.cases) {
      const base = zeros([c.base], { dtype: "uint8" });
      const a = view(base, c.a);
      const b = view(base, c.b);
      const got = {
        shares: answer(() => sharesMemory(a, b)),
        may: mayShareMemory(a, b),
        mayExact: mayShareMemory(a, b, { maxWork: -1 }),
        budgets: Object.fromEntries(doc.budgets.map((w) => [String(w), answer(() => sharesMemory(a, b, { maxWork: w }))])),
      };
      const want = { shares: c.shares, may: c.may, mayExact: c.mayExact, budgets: c.budgets };
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(`${c.name}: ${JSON.stringify(c.a)} vs ${JSON.stringify(c.b)}: got ${JSON.stringify(got)}, NumPy ${JSON.stringify(want)}`);
      }
      base.dispose();
    }
    expect(mismatches).toEqual([]);
    expect(doc.cases.length).toBeGreaterThan(600);
  });

  it("answers the symmetric question the same way", () => {
    for (const c of doc.cases) {
      const base = zeros([c.base], { dtype: "uint8" });
      expect(sharesMemory(view(base, c.b), view(base, c.a)), c.name).toBe(c.shares);
      base.dispose();
    }
  });
});

describe("sharesMemory fuzz against the bytes each view touches", () => {
  it("agrees with brute force on 6000 seeded random pairs (1-4 dims, mixed signs, zero strides, mixed item sizes)", () => {
    const r = rng(12345);
    const mismatches: string[] = [];
    let shared = 0;
    let solved = 0;
    for (let i = 0; i < 6000; i++) {
      const baseBytes = [48, 96, 200][i % 3]!;
      const base = zeros([baseBytes], { dtype: "uint8" });
      const da = randomDesc(r, baseBytes);
      const db = randomDesc(r, baseBytes);
      const want = bruteShares(da, db, baseBytes);
      const a = view(base, da);
      const b = view(base, db);
      const got = sharesMemory(a, b);
      if (got !== want) mismatches.push(`${JSON.stringify(da)} vs ${JSON.stringify(db)}: got ${got}, bytes say ${want}`);
      if (mayShareMemory(a, b) === false && want) mismatches.push(`mayShareMemory false but shared: ${JSON.stringify(da)} vs ${JSON.stringify(db)}`);
      const three = overlap(a, b, -1);
      if (three !== (want ? "yes" : "no")) mismatches.push(`overlap ${three}: ${JSON.stringify(da)} vs ${JSON.stringify(db)}`);
      if (want) shared++;
      if (a.offset !== b.offset && mayShareMemory(a, b)) solved++;
      base.dispose();
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The sweep exercises both answers and the kernel, not only the fast paths.
    expect(shared).toBeGreaterThan(1000);
    expect(shared).toBeLessThan(5000);
    expect(solved).toBeGreaterThan(2000);
  });

  it("spends a budget exactly as NumPy's formulation does, and raises TooHardError only when it runs out", () => {
    const r = rng(777);
    const mismatches: string[] = [];
    let hard = 0;
    for (let i = 0; i < 3000; i++) {
      const baseBytes = [96, 200, 400][i % 3]!;
      const base = zeros([baseBytes], { dtype: "uint8" });
      const da = randomDesc(r, baseBytes);
      const db = randomDesc(r, baseBytes);
      const a = view(base, da);
      const b = view(base, db);
      const exact = sharesMemory(a, b);
      let wasHard = false;
      if (answer(() => sharesMemory(a, b, { maxWork: 1 })) === "TooHardError") hard++;
      for (const w of [0, 1, 2, 3, 4, 6, 10, 30]) {
        const got = answer(() => sharesMemory(a, b, { maxWork: w }));
        const want = referenceShares(da, db, w);
        if (got !== want) mismatches.push(`maxWork ${w}: ${JSON.stringify(da)} vs ${JSON.stringify(db)}: got ${got}, reference ${want}`);
        // Once the budget suffices, every larger budget gives the exact answer.
        if (got === "TooHardError") {
          if (!wasHard && w > 0) mismatches.push(`maxWork ${w} ran out after a smaller budget sufficed`);
        } else {
          if (got !== exact) mismatches.push(`maxWork ${w} gave ${got}, exact ${exact}`);
          wasHard = false;
        }
        if (w === 0) wasHard = got === "TooHardError";
      }
      base.dispose();
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(hard).toBeGreaterThan(50);
  });

  it("needs exactly the work the exact search did: all of it to say no, one more to say yes", () => {
    const r = rng(4242);
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const base = zeros([300], { dtype: "uint8" });
      const da = randomDesc(r, 300);
      const db = randomDesc(r, 300);
      const a = view(base, da);
      const b = view(base, db);
      // Move the start so the same-first-byte shortcut cannot answer.
      if (a.offset === b.offset) {
        base.dispose();
        continue;
      }
      const exact = sharesMemory(a, b);
      if (!mayShareMemory(a, b)) {
        base.dispose();
        continue;
      }
      // Work counts finished dead ends: a "no" ends after its last one, a
      // "yes" needs one more node entered after its dead ends.
      const work = lastOverlapWork();
      if (exact) {
        expect(sharesMemory(a, b, { maxWork: work + 1 })).toBe(true);
        expect(() => sharesMemory(a, b, { maxWork: work })).toThrow(TooHardError);
      } else {
        expect(sharesMemory(a, b, { maxWork: Math.max(1, work) })).toBe(false);
      }
      checked++;
      base.dispose();
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("sharesMemory edge cases", () => {
  it("says empty arrays share nothing, not even with themselves", () => {
    const x = zeros([0, 3]);
    expect(sharesMemory(x, x)).toBe(false);
    expect(mayShareMemory(x, x)).toBe(false);
    expect(sharesMemory(x, x, { maxWork: 0 })).toBe(false);
    const y = zeros([5]);
    const e = makeView(y, [0], [8], 16);
    expect(sharesMemory(y, e)).toBe(false);
    expect(overlap(y, e)).toBe("no");
  });

  it("says different allocations never share, even with maxWork 0", () => {
    const x = zeros([4]);
    const y = zeros([4]);
    expect(sharesMemory(x, y, { maxWork: 0 })).toBe(false);
    expect(mayShareMemory(x, y)).toBe(false);
    expect(overlap(x, y, 0)).toBe("no");
  });

  it("raises TooHardError with NumPy's message when maxWork is 0 and the extents overlap", () => {
    const x = zeros([10]);
    const a = makeView(x, [5], [16], 0);
    const b = makeView(x, [5], [16], 8);
    expect(() => sharesMemory(a, b, { maxWork: 0 })).toThrow(TooHardError);
    expect(() => sharesMemory(a, b, { maxWork: 0 })).toThrow(/^Exceeded max_work$/);
    // As NumPy, even for an array and itself.
    expect(() => sharesMemory(x, x, { maxWork: 0 })).toThrow("Exceeded max_work");
    // Disjoint extents are a definite no at any budget.
    expect(sharesMemory(makeView(x, [5], [8], 0), makeView(x, [5], [8], 40), { maxWork: 0 })).toBe(false);
    expect(sharesMemory(a, b)).toBe(false);
    expect(mayShareMemory(a, b)).toBe(true);
    expect(mayShareMemory(a, b, { maxWork: 1 })).toBe(false);
  });

  it("checks maxWork as NumPy does", () => {
    const x = zeros([10]);
    const a = makeView(x, [5], [16], 0);
    const b = makeView(x, [5], [16], 8);
    expect(() => sharesMemory(a, b, { maxWork: -3 })).toThrow(ValueError);
    expect(() => sharesMemory(a, b, { maxWork: -3 })).toThrow(/^Invalid value for max_work$/);
    expect(() => mayShareMemory(a, b, { maxWork: -3 })).toThrow("Invalid value for max_work");
    expect(() => sharesMemory(a, b, { maxWork: 1.5 })).toThrow(/^max_work must be an integer$/);
    expect(() => sharesMemory(a, b, { maxWork: "2" as never })).toThrow(ValueError);
    expect(sharesMemory(a, b, { maxWork: -1 })).toBe(false);
    expect(sharesMemory(a, b, { maxWork: -2 })).toBe(false);
    expect(sharesMemory(a, b, { maxWork: undefined })).toBe(false);
    expect(sharesMemory(a, b, { maxWork: 2 ** 60 })).toBe(false);
  });

  it("raises OverflowError with NumPy's message when the extents are beyond exact integers", () => {
    const x = zeros([8], { dtype: "uint8" });
    const huge = makeView(x, [3], [2 ** 52], 0, "uint8");
    const small = makeView(x, [4], [1], 1, "uint8");
    expect(() => sharesMemory(huge, small)).toThrow(OverflowError);
    expect(() => sharesMemory(huge, small)).toThrow(/^Integer overflow in computing overlap$/);
    expect(mayShareMemory(huge, small)).toBe(true);
    expect(mayShareMemory(huge, small, { maxWork: -1 })).toBe(true);
    expect(overlap(huge, small)).toBe("unknown");
  });

  it("refuses disposed arrays", () => {
    const x = zeros([4]);
    const v = makeView(x, [2], [8], 0);
    x.dispose();
    v.dispose();
    expect(() => sharesMemory(v, v)).toThrow(DisposedError);
    expect(() => sharesMemory(v, v)).toThrow("sharesMemory: the array has been disposed");
    expect(() => mayShareMemory(v, v)).toThrow("mayShareMemory: the array has been disposed");
  });

  it("solves the hard example of NumPy's essay only with enough budget", () => {
    // x = arange(80).reshape(4, 20).astype(int8); x[:, ::7] vs x[:, 3::3]: disjoint, but only
    // after trying every candidate of the last term.
    const x = zeros([80], { dtype: "uint8" });
    const a = makeView(x, [4, 3], [20, 7], 0, "uint8");
    const b = makeView(x, [4, 6], [20, 3], 3, "uint8");
    expect(sharesMemory(a, b)).toBe(false);
    // Six candidates for the last term fail, then the top level itself.
    expect(lastOverlapWork()).toBe(7);
    expect(() => sharesMemory(a, b, { maxWork: 5 })).toThrow(TooHardError);
    expect(sharesMemory(a, b, { maxWork: 6 })).toBe(false);
    expect(overlap(a, b, 5)).toBe("unknown");
    expect(overlap(a, b)).toBe("no");
  });
});

describe("overlap, the write paths' three-valued answer", () => {
  it("answers no, yes and unknown", () => {
    const x = zeros([12]);
    const even = makeView(x, [6], [16], 0);
    const odd = makeView(x, [6], [16], 8);
    const shifted = makeView(x, [11], [8], 8);
    expect(overlap(even, odd)).toBe("no");
    expect(overlap(x, shifted)).toBe("yes");
    expect(overlap(x, x)).toBe("yes");
    expect(overlap(makeView(x, [6], [8], 0), makeView(x, [6], [8], 48))).toBe("no");
    // Bounds only: extents that meet are unknown, so the caller copies;
    // views that start at the same byte are a definite yes.
    expect(overlap(even, odd, 0)).toBe("unknown");
    expect(overlap(x, shifted, 0)).toBe("unknown");
    expect(overlap(x, x, 0)).toBe("yes");
  });

  it("uses a default budget that scales with the element count", () => {
    // The essay example needs 6 units of work; the floor of 64 affords it.
    const x = zeros([80], { dtype: "uint8" });
    const a = makeView(x, [4, 3], [20, 7], 0, "uint8");
    const b = makeView(x, [4, 6], [20, 3], 3, "uint8");
    expect(overlap(a, b)).toBe("no");
    const one = makeView(x, [1, 1], [20, 7], 0, "uint8");
    expect(overlap(one, b)).toBe("no");
    // NumPy's hard instance: 1049^3 elements buy 36 million nodes; with
    // small views over the same numbers the floor runs out and says unknown.
    const h1 = makeView(x, [1049, 1049, 2], [36674, 61119, 85569], 0, "uint8");
    const h2 = makeView(x, [1049, 1049, 1], [12223, 12224, 1], 64023025, "uint8");
    expect(overlap(h1, h2)).toBe("unknown");
  });
});

describe("the work budget on NumPy's hard instance", () => {
  it("gives up with TooHardError under every budget NumPy gives up under", () => {
    // mem_overlap.c's example of a hard, non-overlapping pair (int8):
    // x1 = as_strided(x, strides=(36674, 61119, 85569), shape=(1049, 1049, 1049))
    // x2 = as_strided(x[64023025:], strides=(12223, 12224, 1), shape=(1049, 1049, 1))
    // The solver never reads the bytes, so a small base stands in for x.
    const x = zeros([16], { dtype: "uint8" });
    const x1 = makeView(x, [1049, 1049, 1049], [36674, 61119, 85569], 0, "uint8");
    const x2 = makeView(x, [1049, 1049, 1], [12223, 12224, 1], 64023025, "uint8");
    for (const w of [1, 10, 100, 1000, 100000]) {
      expect(() => sharesMemory(x1, x2, { maxWork: w }), `maxWork ${w}`).toThrow("Exceeded max_work");
    }
    const t0 = performance.now();
    expect(() => sharesMemory(x1, x2, { maxWork: 1000000 })).toThrow(TooHardError);
    const ms = performance.now() - t0;
    // NumPy 2.4.6 takes about 23 ms for this budget on the project's machines.
    expect(ms).toBeLessThan(200);
    expect(overlap(x1, x2, 1000)).toBe("unknown");
    expect(mayShareMemory(x1, x2, { maxWork: 1000 })).toBe(true);
  });
});
