// `npm run demo`: the walkthrough a first user wants. A GPT-2-sized token
// embedding (50257 x 768 float32, 154 MB) lives in the stridewise heap; we
// take views and copies of it as the tutorial in ../shared/seed does, and
// print, for each, whether it shares memory with E and how long it took.
//
// Views cost nanoseconds and share memory; copies are explicit and run at
// memory bandwidth. Integer-array indexing (E.get([15496, 995])) is a copy,
// as in NumPy, whatever some tutorials say.

import { runSections } from "./seed/run.js";
import {
  ascontiguousarray,
  concatenate,
  defaultRng,
  heapStats,
  init,
  sharesMemory,
  type DType,
  type NDArray,
} from "../src/index.js";

const t0 = performance.now();
await init();
const initMs = performance.now() - t0;

const rows: string[][] = [];
const fmt = (ms: number): string =>
  ms < 0.001 ? `${(ms * 1e6).toFixed(0)} ns` : ms < 1 ? `${(ms * 1e3).toFixed(1)} us` : `${ms.toFixed(1)} ms`;

/**
 * Runs `make` as a user would and records a row. Views are timed over many
 * calls (they take nanoseconds); copies report their first run (fresh heap
 * pages, which the OS must map) and their best of three (a reused block).
 */
function show<D extends DType>(label: string, note: string, E: NDArray, make: () => NDArray<D>): NDArray<D> {
  let first = performance.now();
  let out = make();
  first = performance.now() - first;
  let best = first;
  if (out.base !== null) {
    // Best of three rounds: the first one also pays for the JIT.
    const n = 20000;
    for (let round = 0; round < 3; round++) {
      const t = performance.now();
      for (let i = 0; i < n; i++) make().dispose();
      best = Math.min(best, (performance.now() - t) / n);
    }
  } else {
    for (let i = 0; i < 2; i++) {
      out.dispose();
      const t = performance.now();
      out = make();
      best = Math.min(best, performance.now() - t);
    }
  }
  const kind = out.base === null ? "copy" : "view";
  const shares = sharesMemory(E, out) ? "yes" : "no";
  rows.push([label, note, `[${out.shape.join(", ")}]`, out.dtype, kind, shares, out.base === null ? fmt(first) : "", fmt(best)]);
  return out;
}

console.log(`stridewise demo — init ${fmt(initMs)}\n`);

let t = performance.now();
const E = defaultRng(42).standardNormal([50257, 768], { dtype: "float32" });
const makeMs = performance.now() - t;
console.log(
  `E = defaultRng(42).standardNormal([50257, 768], { dtype: "float32" })   ` +
    `${(E.nbytes / 1e6).toFixed(1)} MB in ${fmt(makeMs)}\n`,
);

const views = [
  show('E.get(":, :256")', "first 256 dims", E, () => E.get(":, :256")),
  show("E.get(15496)", 'the row of "Hello"', E, () => E.get(15496)),
  show('E.get("::2")', "every other token", E, () => E.get("::2")),
  show("E.T", "transpose", E, () => E.T),
  show("E.reshape([768, 50257])", "reshape", E, () => E.reshape([768, 50257])),
  show("E.get(null)", "new axis", E, () => E.get(null)),
];
const dense = show('E.get(":, :256").copy()', "explicit copy", E, () => {
  const v = E.get(":, :256");
  const c = v.copy();
  v.dispose();
  return c;
});
const copies = [
  dense,
  show("E.copy()", "whole matrix", E, () => E.copy()),
  show("ascontiguousarray(E.T)", "tiled transpose", E, () => {
    const v = E.T;
    const c = ascontiguousarray(v);
    v.dispose();
    return c;
  }),
  show('concatenate([E.get(":1000"), E.get("-1000:")])', "join", E, () => {
    const a = E.get(":1000");
    const b = E.get("-1000:");
    const c = concatenate([a, b]);
    a.dispose();
    b.dispose();
    return c;
  }),
  show('E.astype("float16")', "half the memory", E, () => E.astype("float16")),
];

const header = ["operation", "", "shape", "dtype", "kind", "shares E", "first run", "steady"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]): string => r.map((c, i) => (i >= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log("\nfirst run: the OS maps fresh heap pages; steady: the heap reuses a freed block (views: per call).");

// Writes go both ways through a view, and never into a copy.
const head = views[0]!;
const before = E.item(0, 0);
head.set(0, 0, 42);
console.log(`\nhead.set(0, 0, 42)  ->  E.item(0, 0) = ${E.item(0, 0)}   (was ${before.toFixed(4)}; the view writes into E)`);
console.log(`the copy made before: dense.item(0, 0) = ${dense.item(0, 0).toFixed(4)}   (unchanged)`);

const s = heapStats();
console.log(`\nheap: ${(s.bytesInUse / 1e6).toFixed(1)} MB in use in ${s.allocations} allocations; heap ${(s.heapSize / 1e6).toFixed(0)} MB of at most ${(s.heapLimit / 2 ** 30).toFixed(0)} GiB`);
for (const a of [...views, ...copies, E]) a.dispose();
const after = heapStats();
console.log(`after dispose(): ${after.bytesInUse} bytes in use, ${after.allocations} allocations`);

// Then the tutorial the project grew from, section by section: each prints
// what its NumPy twin in examples/numpy/ prints (test/examples.test.ts
// checks that), with the copy ledger showing where integer indexing copies.
console.log("\nThe views-and-copies tutorial (../shared/seed), ported:");
await runSections();
