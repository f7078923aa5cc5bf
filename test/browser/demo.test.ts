// The browser demo and the browser bundle in real headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core; .ci/run installs it). The page
// is served on 127.0.0.1 with the demo's strict CSP (no 'unsafe-eval') and
// COOP/COEP. Every answer the page gives is recomputed here in Node with the
// library from src/: token ids, gathered rows (same seed, same E), views
// versus copies. The core fixture checks run in the page, in a Web Worker
// and in Node, and must agree. Timings are printed; a screenshot is kept in
// test/artifacts/.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { encode } from "gpt-tokenizer/encoding/gpt2";
import * as sw from "../../src/index.js";
import { defaultRng, sharesMemory, toNpy, toSafetensors, type NDArray } from "../../src/index.js";
import { buildWeb } from "../../scripts/build-web.mjs";
import { CSP, serveDemo } from "../../scripts/serve-demo.mjs";
import { loadFixture } from "../fixtures.js";
import { FLOAT16_SAMPLE, runCoreChecks, type SuiteResult } from "./core-checks.js";
import { threadedDigests } from "./threads-checks.js";
import type { DemoState } from "../../examples/web/app.js";
import type { ChecksReport } from "./page-checks.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const SENTENCE = "The quick brown fox jumps over the lazy dog.";

let browser: Browser;
let page: Page;
let server: { url: string; close(): Promise<void> };
const problems: string[] = [];

function demo(p: Page): Promise<DemoState> {
  return p.evaluate(() => (globalThis as unknown as { __demo: DemoState }).__demo);
}

/** Waits until the page has rendered after `seq` and is idle. */
async function settled(p: Page, seq: number, extra: string = "true"): Promise<DemoState> {
  await p.waitForFunction(
    ([s, cond]) => {
      const d = (globalThis as unknown as { __demo?: DemoState }).__demo;
      return d !== undefined && d.seq > (s as number) && !d.busy && (cond === "true" || d.text === cond);
    },
    [seq, extra] as const,
    { timeout: 30_000 },
  );
  return demo(p);
}

/** The rows `ids` of `E`, gathered in Node one row view at a time. */
function rowsInNode(E: NDArray, ids: number[]): number[] {
  const out: number[] = [];
  for (const i of ids) {
    const r = E.get(i);
    out.push(...(r.toTypedArray() as Float32Array));
    r.dispose();
  }
  return out;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. The browser test needs it: ` +
        `run \`apt-get update && apt-get install -y chromium\` (Debian/Ubuntu, as root; .ci/run does this), ` +
        `or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  await buildWeb({ quiet: true });
  server = await serveDemo({ mounts: { "/fixtures/": FIXTURES } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the browser demo in headless Chromium", () => {
  let E: NDArray;

  it("opens under the strict CSP, becomes interactive, and reports how fast (target 2 s; measured, never asserted)", async () => {
    // Best of up to three page loads: the machine's two cores are shared,
    // and one load can lose a core to other work for a second.
    const runs: { readyAt: number; wall: number; phases: Record<string, number> }[] = [];
    let d: DemoState;
    do {
      const t0 = performance.now();
      const res = await page.goto(server.url);
      expect(res?.headers()["content-security-policy"]).toBe(CSP);
      await page.waitForFunction(() => (globalThis as unknown as { __demo?: DemoState }).__demo?.ready === true, null, { timeout: 30_000 });
      const wall = performance.now() - t0;
      d = await demo(page);
      runs.push({ readyAt: d.readyAt, wall, phases: d.phases });
    } while (runs.length < 3 && Math.min(...runs.map((r) => r.readyAt)) >= 2000);
    const best = runs.reduce((a, b) => (b.readyAt < a.readyAt ? b : a));
    const phases = (r: (typeof runs)[number]): string => Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ");
    console.log(
      `[browser] time to interactive: ${best.readyAt.toFixed(0)} ms after navigation start, ${best.wall.toFixed(0)} ms from page.goto ` +
        `(best of ${runs.length}: ${runs.map((r) => r.readyAt.toFixed(0)).join(", ")} ms)\n` +
        runs.map((r, i) => `[browser]   load ${i + 1} phases (ms since navigation start): ${phases(r)}`).join("\n"),
    );
    expect(CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    expect(d.error).toBe("");
    expect(d.cspViolations).toEqual([]);
    expect(d.crossOriginIsolated).toBe(true);
    // The main thread of a page stays single-threaded, and the page says so.
    expect(d.threads).toBe(1);
    expect(await page.textContent("#heap")).toContain("1 (main thread; in a Worker: all cores)");
    expect(d.eShape).toEqual([50257, 768]);
    expect(await page.isEnabled("#text")).toBe(true);
  });

  it("tokenises a typed sentence as GPT-2 does (the tokenizer in Node)", async () => {
    const before = (await demo(page)).seq;
    await page.fill("#text", "");
    await page.click("#text");
    const t0 = performance.now();
    await page.keyboard.type(SENTENCE);
    const d = await settled(page, before, SENTENCE);
    console.log(`[browser] typed ${SENTENCE.length} characters in ${(performance.now() - t0).toFixed(0)} ms; one update (tokenise, gather, views, render) ${d.updateMs.toFixed(1)} ms`);
    expect(d.ids).toEqual(encode(SENTENCE));
    expect(d.ids.slice(0, 3)).toEqual([464, 2068, 7586]);
    const chips = await page.locator("#tokens .tok .id").allTextContents();
    expect(chips.map(Number)).toEqual(d.ids);
  });

  it("gathers the same rows as Node from the same seeded E, and answers views vs copies as Node does", async () => {
    // Wait for the copy timing row that fills in after the page is interactive.
    await page.waitForFunction(() => (globalThis as unknown as { __demo: DemoState }).__demo.arrays.some((r) => r.expr.endsWith(".copy()")));
    const d = await demo(page);
    E = defaultRng(42).standardNormal([50257, 768], { dtype: "float32" });
    expect(d.gathered.length).toBe(d.ids.length * 768);
    expect(d.gathered).toEqual(rowsInNode(E, d.ids));

    // The same operations in Node: shapes, kinds and shares-memory answers.
    const G = sw.stack(d.ids.map((i) => E.get(i)));
    const row = E.get(d.ids[0]!);
    const head = E.get(":, :256");
    const dense = head.copy();
    const node = [
      { shape: G.shape, kind: "copy", sharesWithE: sharesMemory(E, G) },
      { shape: row.shape, kind: "view", sharesWithE: sharesMemory(E, row) },
      { shape: head.shape, kind: "view", sharesWithE: sharesMemory(E, head) },
      { shape: dense.shape, kind: "copy", sharesWithE: sharesMemory(E, dense) },
    ];
    expect(d.arrays.map(({ shape, kind, sharesWithE }) => ({ shape, kind, sharesWithE }))).toEqual(node);
    expect(d.arrays.map((r) => r.expr)).toEqual(["E.get(ids)", `E.get(${d.ids[0]})`, 'E.get(":, :256")', 'E.get(":, :256").copy()']);
    // The copy ledger: views copy nothing; the tutorial's copy writes 50257 x 256 float32.
    expect(d.arrays[1]!.ledgerBytes).toBe(0);
    expect(d.arrays[2]!.ledgerBytes).toBe(0);
    expect(d.arrays[3]!.ledgerBytes).toBe(50257 * 256 * 4);
    // The gather is a copy of exactly its rows.
    expect(d.arrays[0]!.ledgerBytes).toBe(d.ids.length * 768 * 4);
    for (const a of [G, row, head, dense]) a.dispose();

    // Cosine similarity, recomputed from the Node rows.
    const v = rowsInNode(E, d.ids.slice(0, 2));
    const dot = (a: number, b: number): number => v.slice(a * 768, a * 768 + 768).reduce((s, x, k) => s + x * v[b * 768 + k]!, 0);
    expect(d.cosine[0]![1]).toBeCloseTo(dot(0, 1) / Math.sqrt(dot(0, 0) * dot(1, 1)), 10);
    expect(d.cosine[0]![0]).toBeCloseTo(1, 10);

    const timings = d.arrays.map((r) => `${r.expr} ${r.kind === "view" ? `${(r.ms * 1e6).toFixed(0)} ns/call` : `${r.ms.toFixed(2)} ms first, ${r.steadyMs.toFixed(3)} ms steady`}`);
    console.log(`[browser] gather path: ${d.gatherPath}\n[browser] ${timings.join("\n[browser] ")}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}demo.png`, fullPage: true });
  });

  it("gathers 64 token rows and reports the time (target under 1 ms; measured, never asserted)", async () => {
    const text = Array(64).fill("the").join(" ");
    const before = (await demo(page)).seq;
    await page.fill("#text", text);
    const d = await settled(page, before, text);
    expect(d.ids.length).toBe(64);
    expect(d.gathered).toEqual(rowsInNode(E, d.ids));
    const g = d.arrays[0]!;
    expect(g.shape).toEqual([64, 768]);
    console.log(`[browser] 64-row gather: ${(g.steadyMs * 1e3).toFixed(1)} µs steady (median of 20), ${(g.ms * 1e3).toFixed(1)} µs first`);
  });

  it("loads a small .npy through the file input and gathers from it", async () => {
    const small = defaultRng(7).standardNormal([50257, 8], { dtype: "float32" });
    const before = (await demo(page)).seq;
    await page.setInputFiles("#file", { name: "small.npy", mimeType: "application/octet-stream", buffer: Buffer.from(toNpy(small)) });
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { __demo: DemoState }).__demo;
      return d.source === "small.npy" && !d.busy;
    });
    let d = await demo(page);
    expect(d.error).toBe("");
    expect(d.eShape).toEqual([50257, 8]);
    const seq = d.seq;
    await page.fill("#text", "Hello world");
    d = await settled(page, Math.max(seq, before), "Hello world");
    expect(d.ids).toEqual([15496, 995]);
    const want: number[] = [];
    for (const i of d.ids) want.push(...(small.get(i).toTypedArray() as Float32Array));
    expect(d.gathered).toEqual(want);
    expect(await page.textContent("#source")).toContain("small.npy");
    small.dispose();
  });

  it("takes wte.weight from a safetensors file dropped on the page", async () => {
    const wte = defaultRng(11).standardNormal([16000, 4], { dtype: "float32" });
    const wpe = defaultRng(12).standardNormal([8, 4], { dtype: "float32" });
    const bytes = toSafetensors({ "wpe.weight": wpe, "wte.weight": wte }, { metadata: { format: "pt" } });
    await page.evaluate((b64) => {
      const bin = atob(b64);
      const buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([buf], "model.safetensors"));
      document.getElementById("drop")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, Buffer.from(bytes).toString("base64"));
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { __demo: DemoState }).__demo;
      return d.source === "model.safetensors" && !d.busy && d.text === "Hello world";
    });
    const d = await demo(page);
    expect(d.error).toBe("");
    expect(d.eShape).toEqual([16000, 4]);
    expect(d.ids).toEqual([15496, 995]);
    const want: number[] = [];
    for (const i of d.ids) want.push(...(wte.get(i).toTypedArray() as Float32Array));
    expect(d.gathered).toEqual(want);
    // The embedding was copied out of the file's one allocation and the rest freed.
    expect(d.heap!.bytesInUse).toBe(wte.nbytes + d.gathered.length * 4);
    wte.dispose();
    wpe.dispose();
  });

  it("frees everything", async () => {
    await page.click("#free");
    const d = await demo(page);
    expect(d.heap!.bytesInUse).toBe(0);
    expect(d.heap!.allocations).toBe(0);
    expect(await page.isDisabled("#text")).toBe(true);
    E.dispose();
  });

  it("runs the core fixture checks in the page and in a Web Worker, agreeing with Node", async () => {
    const t0 = performance.now();
    await page.goto(`${server.url}checks.html`);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    await page.waitForFunction(() => (globalThis as unknown as { __checks?: ChecksReport }).__checks?.done === true, null, { timeout: 60_000 });
    const r = await page.evaluate(() => (globalThis as unknown as { __checks: ChecksReport }).__checks);
    expect(r.error).toBeUndefined();
    expect((r.page ?? []).map((s) => s.failures.slice(0, 3))).toEqual([[], [], []]);
    expect(r.cspViolations).toEqual([]);
    expect(r.worker?.error).toBeUndefined();
    expect(r.worker?.ok).toBe(true);
    expect(r.worker?.isWindow).toBe(false);
    const fixtures = { views: loadFixture("views"), astype: loadFixture("astype"), overlap: loadFixture("overlap") };
    const node = runCoreChecks(sw, fixtures);
    const summary = (s: SuiteResult[] | undefined) => (s ?? []).map(({ suite, cases, failures, digest }) => ({ suite, cases, failures, digest }));
    expect(summary(node).map((s) => s.failures.slice(0, 3))).toEqual([[], [], []]);
    expect(summary(r.page)).toEqual(summary(node));
    // Chromium has Float16Array: array() infers float16 from it and toTypedArray() gives one back,
    // with the bits stridewise's (NumPy-checked) float16 rounding gives the same values.
    expect(r.float16?.native).toBe(true);
    expect(r.float16?.dtype).toBe("float16");
    expect(r.float16?.backIsFloat16Array).toBe(true);
    const want = sw.array(FLOAT16_SAMPLE, { dtype: "float16" });
    const wantBits = want.view("uint16");
    expect(r.float16?.bits).toEqual(Array.from(wantBits.toTypedArray() as Uint16Array));
    expect(r.float16?.back).toEqual(want.toArray());
    wantBits.dispose();
    want.dispose();
    expect(summary(r.worker?.suites)).toEqual(summary(node));
    // Threads: the page's main thread stays single-threaded (documented);
    // the Worker runs a pool, and its threaded results equal the page's.
    expect(r.threads).toBe(1);
    expect(r.worker!.threads).toBeGreaterThan(1);
    expect(r.worker!.digests).toEqual(r.digests);
    expect(threadedDigests(sw)).toEqual(r.digests);
    expect(Object.keys(r.digests ?? {}).length).toBe(7);
    // The fixture checks with every call split across the pool agree too.
    expect(r.split?.error).toBeUndefined();
    expect(r.split?.threads).toBeGreaterThan(1);
    expect(r.split?.splits).toBeGreaterThan(100);
    expect(summary(r.split?.suites)).toEqual(summary(node));
    const seeded = defaultRng(42).standardNormal([4, 8], { dtype: "float32" });
    expect(r.worker!.seeded).toEqual(Array.from(seeded.toTypedArray() as Float32Array));
    seeded.dispose();
    console.log(
      `[browser] core checks: ${node.map((s) => `${s.suite} ${s.cases} cases`).join(", ")}; ` +
        `page ${r.page!.reduce((t, s) => t + s.ms, 0).toFixed(0)} ms, worker ${r.worker!.suites!.reduce((t, s) => t + s.ms, 0).toFixed(0)} ms, ` +
        `whole step ${(performance.now() - t0).toFixed(0)} ms`,
    );
  });

  it("logged no console errors, page errors or CSP violations", () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}problems.txt`, problems.join("\n"));
    expect(problems).toEqual([]);
  });
});
