// `npm run bench`: every workload of bench/*.bench.ts, timed in stridewise
// and in NumPy (python3 child process, bench/numpy_side.py) in one run,
// with the same warm-up, repetitions and batching. Prints a table and
// writes JSON, markdown and an SVG chart under bench/results/.
//
//   npm run bench                 full sizes (BENCH.md)
//   npm run bench -- --quick      small sizes, for CI (reports, never fails on speed)
//   npm run bench -- --only W1,W3 a subset

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdirSync, writeFileSync } from "node:fs";
import { arch, cpus, platform } from "node:os";
import { pathToFileURL } from "node:url";
import { heapMemory, init, NDArray, threadCount, zeros, type DType } from "../src/index.js";
import { limitParts } from "../src/core/threads/pool.js";
import { allWorkloads } from "./all.js";
import type { Data, Workload } from "./harness.js";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const onlyArg = argv.find((a) => a.startsWith("--only"));
const only = onlyArg ? (onlyArg.includes("=") ? onlyArg.split("=")[1]! : argv[argv.indexOf(onlyArg) + 1]!).split(",") : null;
const REPS = quick ? 7 : 15;
const WARMUP = 3;
/** Longest turn of back-to-back samples one side takes before the other's turn. */
const TURN_MS = 100;

await init();
// The pool's workers join a few milliseconds after init.
for (const t0 = performance.now(); threadCount() < (await defaultPool()) && performance.now() - t0 < 5000; ) await new Promise((r) => setTimeout(r, 5));
const POOL = threadCount();

async function defaultPool(): Promise<number> {
  const { availableParallelism } = await import("node:os");
  return Math.min(8, availableParallelism());
}

// ---- data: the same shapes as numpy_side.py; values only need the same sign fraction ----

let seed = 0x9e3779b9;
function nextUniform(): number {
  // xorshift32: fast and deterministic; values in [-1, 1).
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2147483648 - 1;
}

function randomFloats(shape: number[], dtype: "float32" | "float64"): NDArray {
  const a = zeros(shape, { dtype });
  const buf = heapMemory().buffer;
  const n = a.size;
  // A live view is safe here: nothing allocates until the loop ends.
  const view = dtype === "float32" ? new Float32Array(buf, a.address("bench"), n) : new Float64Array(buf, a.address("bench"), n);
  for (let i = 0; i < n; i++) view[i] = nextUniform();
  return a;
}

function randomInts(n: number, high: number, dtype: DType): NDArray {
  const a = zeros([n], { dtype });
  const view = new BigInt64Array(heapMemory().buffer, a.address("bench"), n);
  for (let i = 0; i < n; i++) view[i] = BigInt(Math.floor(((nextUniform() + 1) / 2) * high));
  return a;
}

function randomMask(n: number): NDArray {
  const a = zeros([n], { dtype: "bool" });
  const view = new Uint8Array(heapMemory().buffer, a.address("bench"), n);
  for (let i = 0; i < n; i++) view[i] = nextUniform() < 0 ? 1 : 0;
  return a;
}

const rows = quick ? 2048 : 50257;
const makers: Record<Exclude<keyof Data, "quick">, () => NDArray> = {
  E: () => randomFloats([rows, 768], "float32"),
  X: () => randomFloats([quick ? 1000 : 10000, 768], "float64"),
  D: () => randomFloats([rows, 768], "float64"),
  ids4096: () => randomInts(quick ? 512 : 4096, rows, "int64"),
  ids32: () => randomInts(32, rows, "int64"),
  ids32d: () => randomInts(32, rows, "int64"),
  row_mask: () => randomMask(rows),
  A: () => randomFloats([quick ? 1024 : 25000, 768], "float32"),
  B: () => randomFloats([quick ? 1024 : 25000, 768], "float32"),
};
// Data sets are built on first use. A class with one getter and one private
// field per set keeps `d.E` a monomorphic, inlinable field read in the timed
// calls (an object whose accessors are redefined at run time would drop to
// dictionary mode, and a shared cache object changes shape as sets appear).
class LazyData implements Data {
  readonly quick = quick;
  #E: NDArray | undefined;
  #X: NDArray | undefined;
  #D: NDArray | undefined;
  #ids4096: NDArray | undefined;
  #ids32: NDArray | undefined;
  #ids32d: NDArray | undefined;
  #row_mask: NDArray | undefined;
  #A: NDArray | undefined;
  #B: NDArray | undefined;
  get E(): NDArray {
    return (this.#E ??= makers.E());
  }
  get X(): NDArray {
    return (this.#X ??= makers.X());
  }
  get D(): NDArray {
    return (this.#D ??= makers.D());
  }
  get ids4096(): NDArray {
    return (this.#ids4096 ??= makers.ids4096());
  }
  get ids32(): NDArray {
    return (this.#ids32 ??= makers.ids32());
  }
  get ids32d(): NDArray {
    return (this.#ids32d ??= makers.ids32d());
  }
  get row_mask(): NDArray {
    return (this.#row_mask ??= makers.row_mask());
  }
  get A(): NDArray {
    return (this.#A ??= makers.A());
  }
  get B(): NDArray {
    return (this.#B ??= makers.B());
  }
}
const data: Data = new LazyData();
const dataNames = Object.keys(makers);

// ---- workloads ----

const workloads = allWorkloads.filter((w) => !only || only.includes(w.id));
if (workloads.length === 0) {
  console.error(`no workloads selected (have: ${allWorkloads.map((w) => w.id).join(", ")})`);
  process.exit(2);
}
function needs(w: Workload): string[] {
  const text = `${w.numpy.setup ?? ""}\n${w.numpy.stmt}`;
  return dataNames.filter((n) => new RegExp(`\\b${n}\\b`).test(text));
}

// ---- NumPy side first, in one child process ----

console.log(`stridewise bench (${quick ? "quick" : "full"} sizes): ${workloads.length} workloads, median of ${REPS}`);
/** The NumPy side: one python3 process, asked one workload at a time. */
class NumpySide {
  readonly #child = spawn("python3", ["bench/numpy_side.py"], { stdio: ["pipe", "pipe", "inherit"] });
  readonly #lines = createInterface({ input: this.#child.stdout! })[Symbol.asyncIterator]();

  async #ask(message: unknown): Promise<Record<string, unknown>> {
    this.#child.stdin!.write(`${JSON.stringify(message)}\n`);
    const next = await this.#lines.next();
    if (next.done) throw new Error("bench: the NumPy side stopped");
    return JSON.parse(next.value) as Record<string, unknown>;
  }

  async start(): Promise<string> {
    return (await this.#ask({ quick })).numpy as string;
  }

  /** Builds the workload's data and loop on the NumPy side and warms it up. */
  async prepare(w: Workload): Promise<void> {
    await this.#ask({
      prepare: { id: w.id, setup: w.numpy.setup ?? "", stmt: w.numpy.stmt, needs: needs(w), batch: w.batch ?? 1, warmup: WARMUP },
    });
  }

  /** A turn of timed samples (ms per call): up to `k`, back to back, until `budget` ms are spent (at least one). */
  async samples(k: number, budget: number): Promise<number[]> {
    return (await this.#ask({ samples: k, budget })).ms as number[];
  }

  /** Drops the workload's namespace (its results and temporaries). */
  async done(): Promise<void> {
    await this.#ask({ done: true });
  }

  close(): void {
    this.#child.stdin!.end();
  }
}
const numpySide = new NumpySide();
const numpyVersion = await numpySide.start();

// ---- stridewise side ----

function release(r: unknown): void {
  if (r instanceof NDArray) r.dispose();
  else if (Array.isArray(r)) r.forEach(release);
}

type Loop = (run: Workload["run"], data: Data, prepared: unknown, n: number, rel: typeof release) => void;

/**
 * A fresh copy of the timed loop for each workload, as the NumPy side
 * compiles one loop per statement. Shared, the loop's call to `run` sees
 * every workload and costs a megamorphic dispatch (~10 ns) per call, more
 * than a view itself costs; a copy of its own keeps the call monomorphic,
 * so V8 inlines it as it would in a user's loop.
 */
function timingLoop(): Loop {
  return new Function("run", "data", "prepared", "n", "rel", "for (let i = 0; i < n; i++) rel(run(data, prepared));") as Loop;
}

interface Row {
  id: string;
  title: string;
  path: string;
  /** Median ms on one thread (the pool held back), and on POOL threads. */
  ms1: number;
  ms: number;
  numpyMs: number;
  ratio: number;
  gbps: number | null;
  target: number | null;
}
const rowsOut: Row[] = [];
const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
for (const w of workloads) {
  // Both sides build and warm up the workload, each from a collected heap,
  // then take turns of samples, each turn as many back to back as fit in
  // TURN_MS (NumPy first). Long workloads thus alternate sample by sample,
  // so the machine's drift (on this VM bandwidth moves by tens of percent
  // within seconds) hits both sides alike; short ones take all their
  // samples in one turn, so neither side is timed just after waking from
  // waiting on the other.
  await numpySide.prepare(w);
  (globalThis as { gc?: () => void }).gc?.();
  const prepared = w.setup?.(data);
  const batch = w.batch ?? 1;
  // Warm up until the JIT has settled: at least WARMUP calls and 50 ms.
  const warmStart = performance.now();
  for (let i = 0; i < WARMUP || performance.now() - warmStart < 50; i++) {
    const r = w.run(data, prepared);
    if (i < WARMUP) w.check(r, data);
    release(r);
  }
  const loop = timingLoop();
  loop(w.run, data, prepared, WARMUP, release);
  const samples: number[] = [];
  const samples1: number[] = [];
  const numpySamples: number[] = [];
  // One thread and the whole pool alternate sample by sample, like the two sides.
  const timed = (parts: number, into: number[]): void => {
    limitParts(parts);
    const t0 = performance.now();
    loop(w.run, data, prepared, batch, release);
    into.push((performance.now() - t0) / batch);
    limitParts(Infinity);
  };
  if (POOL > 1) timed(1, []);
  while (samples.length < REPS) {
    numpySamples.push(...(await numpySide.samples(REPS - numpySamples.length, TURN_MS)));
    const turn = performance.now();
    do {
      // Each goes first in turn: the first sample after NumPy's turn runs on a cooled core.
      const poolFirst = samples.length % 2 === 0;
      if (poolFirst) timed(POOL, samples);
      if (POOL > 1) timed(1, samples1);
      if (!poolFirst) timed(POOL, samples);
    } while (samples.length < REPS && performance.now() - turn < TURN_MS);
  }
  while (numpySamples.length < REPS) numpySamples.push(...(await numpySide.samples(REPS - numpySamples.length, TURN_MS)));
  await numpySide.done();
  const last = w.run(data, prepared);
  w.check(last, data);
  release(last);
  release(prepared);
  const ms = median(samples);
  const ms1 = POOL > 1 ? median(samples1) : ms;
  const numpyMs = median(numpySamples);
  const bytes = w.bytes?.(data);
  rowsOut.push({
    id: w.id,
    title: w.title,
    path: w.path ?? "",
    ms1,
    ms,
    numpyMs,
    ratio: ms / numpyMs,
    gbps: bytes === undefined ? null : bytes / (ms * 1e6),
    target: w.target ?? null,
  });
}

numpySide.close();

// ---- report ----

function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(4) : ms.toExponential(2);
}
const header = ["id", "workload", "path", "1 thread ms", `${POOL} threads ms`, "NumPy ms", "ratio 1T", `ratio ${POOL}T`, "speed-up", "target", "GB/s"];
const table = rowsOut.map((r) => [
  r.id,
  r.title,
  r.path,
  fmtMs(r.ms1),
  fmtMs(r.ms),
  fmtMs(r.numpyMs),
  `${(r.ms1 / r.numpyMs).toFixed(2)}x`,
  `${r.ratio.toFixed(2)}x`,
  `${(r.ms1 / r.ms).toFixed(2)}x`,
  r.target === null ? "" : `<= ${r.target}x ${r.ratio <= r.target ? "met" : "MISSED"}`,
  r.gbps === null ? "" : r.gbps.toFixed(1),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(line(header));
for (const row of table) console.log(line(row));

const machine = `${platform()} ${arch()}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}, NumPy ${numpyVersion}`;
// npm scripts run from the repository root; the bundle lives in build/run/.
// A subset (--only) never overwrites the report of a whole run.
// --threads-report (npm run bench:threads) keeps its own committed report.
const threadsReport = argv.includes("--threads-report");
const outDir = new URL(
  `bench/results/${quick ? "quick/" : ""}${threadsReport ? "threads/" : only ? "partial/" : ""}`,
  pathToFileURL(`${process.cwd()}/`),
);
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString();
writeFileSync(new URL("latest.json", outDir), JSON.stringify({ date: stamp, quick, machine, threads: POOL, reps: REPS, rows: rowsOut }, null, 2));
const md =
  `# stridewise vs NumPy (${quick ? "quick" : "full"} sizes)\n\n${stamp}; ${machine}; pool of ${POOL} threads; median of ${REPS}, ` +
  `warm-up ${WARMUP} calls and 50 ms; ratio = stridewise / NumPy, same run (below 1 is faster); ` +
  `1 thread and ${POOL} threads alternate sample by sample; speed-up = 1-thread ms / ${POOL}-thread ms.\n\n` +
  `| ${header.join(" | ")} |\n|${header.map((_, i) => (i < 3 ? "---" : "---:")).join("|")}|\n` +
  table.map((r) => `| ${r.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`).join("\n") +
  `\n\n![ratios](latest.svg)\n`;
writeFileSync(new URL("latest.md", outDir), md);
writeFileSync(new URL("latest.svg", outDir), svgChart(rowsOut));
console.log(`\nwrote bench/results/${quick ? "quick/" : ""}${threadsReport ? "threads/" : only ? "partial/" : ""}latest.{json,md,svg}`);

/** Horizontal bars of the ratios on a log scale, with the 1.0 line and targets. */
function svgChart(rs: Row[]): string {
  const W = 760;
  const left = 230;
  const barH = 18;
  const gap = 6;
  const top = 30;
  const H = top + rs.length * (barH + gap) + 30;
  const lo = Math.log10(0.01);
  const hi = Math.log10(100);
  const x = (r: number): number => left + ((Math.log10(Math.min(Math.max(r, 0.01), 100)) - lo) / (hi - lo)) * (W - left - 20);
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  let body = "";
  for (const t of [0.01, 0.1, 1, 10, 100]) {
    body += `<line x1="${x(t)}" y1="${top - 8}" x2="${x(t)}" y2="${H - 24}" stroke="${t === 1 ? "#333" : "#ddd"}"/>`;
    body += `<text x="${x(t)}" y="${H - 8}" font-size="11" text-anchor="middle">${t}x</text>`;
  }
  rs.forEach((r, i) => {
    const y = top + i * (barH + gap);
    const color = r.target !== null && r.ratio > r.target ? "#d9534f" : r.ratio <= 1 ? "#3c8d5a" : "#e8a33d";
    body += `<text x="${left - 6}" y="${y + 13}" font-size="11" text-anchor="end">${esc(`${r.id} ${r.title}`.slice(0, 38))}</text>`;
    body += `<rect x="${x(0.01)}" y="${y}" width="${Math.max(1, x(r.ratio) - x(0.01))}" height="${barH}" fill="${color}"/>`;
    body += `<text x="${x(r.ratio) + 4}" y="${y + 13}" font-size="11">${r.ratio.toFixed(2)}x</text>`;
    if (r.target !== null) body += `<line x1="${x(r.target)}" y1="${y - 2}" x2="${x(r.target)}" y2="${y + barH + 2}" stroke="#000" stroke-dasharray="3,2"/>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">` +
    `<text x="10" y="16" font-size="13">stridewise time / NumPy time (log scale; left of 1x is faster; dashes: target)</text>${body}</svg>\n`
  );
}
