// Per-call overhead of kernel dispatch on small arrays: the time of one
// call is mostly the JS -> wasm crossing and the façade, not the elements.
// Run: node --expose-gc scripts/run-ts.mjs bench/dispatch.micro.ts
import { init, arange, add, greater, sum, cumsum, argmax, random, sqrt, type NDArray } from "../src/index.js";

await init();
const rng = random.defaultRng(2);
const E = random.defaultRng(1).standardNormal([2048, 768], { dtype: "float32" }) as NDArray;
const ids32 = arange(32, { dtype: "int64" });
const a = arange(1000);
const f = a.astype("float32");

function time(name: string, fn: () => unknown, reps = 20000): void {
  for (let i = 0; i < 2000; i++) dispose(fn());
  let best = Infinity;
  for (let s = 0; s < 7; s++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) dispose(fn());
    best = Math.min(best, ((performance.now() - t0) * 1000) / reps);
  }
  console.log(`${name.padEnd(34)} ${best.toFixed(3)} µs`);
}
function dispose(r: unknown): void {
  if (r !== null && typeof r === "object" && "dispose" in r) (r as NDArray).dispose();
}

time('arange(1000).astype("float32")', () => a.astype("float32"));
time("E[ids32]", () => E.get(ids32));
time("add(f, f) (1000 float32)", () => add(f, f));
time("greater(f, 0) (1000 float32)", () => greater(f, 0));
time("sqrt(f) (1000 float32)", () => sqrt(f));
time("sum(f) (1000 float32)", () => sum(f));
time("cumsum(f) (1000 float32)", () => cumsum(f));
time("argmax(f) (1000 float32)", () => argmax(f));
time("rng.integers(0, 10, 100)", () => rng.integers(0, 10, 100));
