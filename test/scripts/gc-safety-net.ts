// Run by test/gc.test.ts under `node --expose-gc`: arrays that are never
// disposed are freed by the FinalizationRegistry once unreachable, views
// keep their memory alive until they are unreachable too, and temporaries
// disposed within one job never touch the registry.
import { heapStats, init, zeros, type NDArray } from "../../src/index.js";

const gc = (globalThis as { gc?: () => void }).gc!;
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
};

await init();
await settle();
const base = heapStats();

// 1. Leaked arrays are collected.
(() => {
  for (let i = 0; i < 100; i++) zeros([1000], { dtype: "float64" });
})();
await new Promise((r) => setTimeout(r, 0)); // let the survivors be watched
const leaked = heapStats().allocations - base.allocations;
await settle();
const afterLeak = heapStats();

// 2. A view keeps its allocation alive after the owner is dropped.
let view: NDArray | null = (() => zeros([4096], { dtype: "float32" }).get("1:"))();
await new Promise((r) => setTimeout(r, 0));
await settle();
const whileView = heapStats().allocations - base.allocations;
const viewValue = view.item(0);
view = null;
await settle();
const afterView = heapStats();

console.log(
  JSON.stringify({
    leaked,
    leakedAfterGc: afterLeak.allocations - base.allocations,
    bytesAfterGc: afterLeak.bytesInUse - base.bytesInUse,
    whileView,
    viewValue,
    afterView: afterView.allocations - base.allocations,
  }),
);
