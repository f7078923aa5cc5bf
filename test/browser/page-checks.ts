// The core checks in a page (dist/web/checks.html, served with the demo's
// CSP) and, through the same bundle, in a module Web Worker. Results land in
// `globalThis.__checks` for the Chromium test and in the page for people.
import * as sw from "../../src/index.js";
import { fetchFixtures, FLOAT16_SAMPLE, runCoreChecks, type SuiteResult } from "./core-checks.js";
import { threadedDigests } from "./threads-checks.js";

interface WorkerReport {
  ok: boolean;
  error?: string;
  suites?: SuiteResult[];
  initMs?: number;
  seeded?: number[];
  isWindow?: boolean;
  /** threadCount() in the worker, and the digests of threadedDigests there. */
  threads?: number;
  digests?: Record<string, string>;
}

export interface ChecksReport {
  done: boolean;
  error?: string;
  page?: SuiteResult[];
  worker?: WorkerReport;
  crossOriginIsolated?: boolean;
  float16?: Float16Report;
  /** threadCount() on the page's main thread (1: the documented behaviour) and the same digests computed there. */
  threads?: number;
  digests?: Record<string, string>;
  /** The core checks again, in a worker whose library copy splits every call (threaded-worker.ts). */
  split?: WorkerReport & { splits?: number };
  cspViolations: string[];
}

/** What the page's own Float16Array (where it has one) does with stridewise. */
export interface Float16Report {
  native: boolean;
  dtype?: string;
  backIsFloat16Array?: boolean;
  bits?: number[];
  back?: number[];
}

function float16Interop(): Float16Report {
  const F16 = (globalThis as { Float16Array?: new (v: number[]) => ArrayLike<number> }).Float16Array;
  if (F16 === undefined) return { native: false };
  const a = sw.array(new F16(FLOAT16_SAMPLE) as never);
  const bits = a.view("uint16");
  const back = a.toTypedArray() as ArrayLike<number>;
  const r = {
    native: true,
    dtype: a.dtype,
    backIsFloat16Array: back instanceof F16,
    bits: Array.from(bits.toTypedArray() as Uint16Array),
    back: Array.from(back),
  };
  bits.dispose();
  a.dispose();
  return r;
}

const report: ChecksReport = { done: false, cspViolations: [] };
(globalThis as { __checks?: ChecksReport }).__checks = report;
document.addEventListener("securitypolicyviolation", (e) => report.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));

/** Runs one of the check workers (`checks-worker.js`, `threaded-worker.js`) on the fixtures and returns its report. */
function runWorker<R extends WorkerReport>(script: string, fixturesUrl: string): Promise<R> {
  return new Promise((resolve) => {
    const w = new Worker(new URL(script, import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent) => {
      resolve(e.data as R);
      w.terminate();
    };
    w.onerror = (e: ErrorEvent) => resolve({ ok: false, error: `worker error: ${e.message}` } as R);
    w.postMessage({ fixturesUrl });
  });
}

function show(): void {
  const out = document.getElementById("out")!;
  const lines: string[] = [];
  if (report.error) lines.push(`error: ${report.error}`);
  for (const [where, suites] of [["page", report.page], ["worker", report.worker?.suites]] as const) {
    for (const s of suites ?? []) {
      lines.push(`${where.padEnd(6)} ${s.failures.length === 0 ? "ok  " : "FAIL"} ${s.suite}: ${s.cases} cases, digest ${s.digest}, ${s.ms.toFixed(0)} ms`);
      for (const f of s.failures.slice(0, 5)) lines.push(`         ${f}`);
    }
  }
  if (report.worker && !report.worker.ok) lines.push(`worker: ${report.worker.error}`);
  out.textContent = lines.join("\n");
}

try {
  const fixturesUrl = new URL("/fixtures/", location.href).href;
  const workerDone = runWorker<WorkerReport>("./checks-worker.js", fixturesUrl);
  await sw.init();
  report.crossOriginIsolated = globalThis.crossOriginIsolated;
  report.float16 = float16Interop();
  report.page = runCoreChecks(sw, await fetchFixtures(fixturesUrl));
  report.threads = sw.threadCount();
  report.digests = threadedDigests(sw);
  report.worker = await workerDone;
  report.split = await runWorker<WorkerReport & { splits?: number }>("./threaded-worker.js", fixturesUrl);
} catch (err) {
  report.error = `${(err as Error).name}: ${(err as Error).message}`;
}
report.done = true;
show();
