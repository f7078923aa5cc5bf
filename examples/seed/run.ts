// Runs the tutorial's examples, ported section by section from
// ../shared/seed (each has a NumPy twin in examples/numpy/ that prints the
// same lines). `node scripts/run-ts.mjs examples/seed/run.ts 05_embeddings`
// runs one; with no argument, all of them with section headings.
import { init } from "../../src/index.js";
import { main as views } from "./01_views.js";
import { main as copies } from "./02_copies.js";
import { main as whichOps } from "./03_which_ops.js";
import { main as sharesMemory } from "./04_shares_memory.js";
import { main as embeddings } from "./05_embeddings.js";
import { main as batches } from "./06_batches.js";
import { main as preprocessing } from "./07_preprocessing.js";
import { main as whenToCopy } from "./08_when_to_copy.js";
import { main as pitfalls } from "./09_pitfalls.js";
import { main as performanceSection } from "./10_performance.js";

/** The sections in the tutorial's order: file stem, heading, body. */
export const SECTIONS: [string, string, () => void][] = [
  ["01_views", "什么是视图 — what a view is", views],
  ["02_copies", "什么是副本 — what a copy is", copies],
  ["03_which_ops", "哪些操作返回视图,哪些返回副本 — which operations copy", whichOps],
  ["04_shares_memory", "使用 shares_memory 检查共享 — checking for shared memory", sharesMemory],
  ["05_embeddings", "词嵌入矩阵处理 — embedding matrices", embeddings],
  ["06_batches", "Batch 处理 — batches", batches],
  ["07_preprocessing", "数据预处理流水线 — a preprocessing pipeline", preprocessing],
  ["08_when_to_copy", "何时使用副本,何时使用视图 — when to copy, when to view", whenToCopy],
  ["09_pitfalls", "常见误区 — common pitfalls", pitfalls],
  ["10_performance", "性能考量 — performance", performanceSection],
];

/** Runs every section with a heading (the demo), or the one named. */
export async function runSections(only?: string): Promise<void> {
  await init();
  for (const [stem, title, body] of SECTIONS) {
    if (only !== undefined && only !== stem) continue;
    if (only === undefined) console.log(`\n── ${stem.slice(0, 2)}. ${title} ${"─".repeat(Math.max(0, 60 - title.length))}`);
    body();
  }
}

const only = process.argv[2];
if (process.argv[1]?.endsWith("run.mjs") || process.argv[1]?.endsWith("examples-seed.mjs")) {
  if (only !== undefined && !SECTIONS.some(([s]) => s === only)) {
    console.error(`unknown section ${only}; have ${SECTIONS.map(([s]) => s).join(", ")}`);
    process.exit(2);
  }
  await runSections(only);
}
