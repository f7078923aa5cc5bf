// The core checks inside a module Web Worker (dist/web/checks-worker.js),
// importing the same browser bundle as the page: proves the bundle needs no
// DOM (no window, no document) and runs under the worker's CSP.
import * as sw from "../../src/index.js";
import { fetchFixtures, runCoreChecks } from "./core-checks.js";
import { threadedDigests } from "./threads-checks.js";

const scope = globalThis as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };

scope.onmessage = async (e: MessageEvent) => {
  try {
    const { fixturesUrl } = e.data as { fixturesUrl: string };
    const t0 = performance.now();
    await sw.init();
    const initMs = performance.now() - t0;
    const fixtures = await fetchFixtures(fixturesUrl);
    const suites = runCoreChecks(sw, fixtures);
    const x = sw.defaultRng(42).standardNormal([4, 8], { dtype: "float32" });
    const seeded = Array.from(x.toTypedArray() as Float32Array);
    x.dispose();
    // In a Worker of a cross-origin-isolated page the pool starts: its
    // workers join a few milliseconds after init.
    const t1 = performance.now();
    while (sw.threadCount() < 2 && performance.now() - t1 < 10_000) await new Promise((r) => setTimeout(r, 5));
    const threads = sw.threadCount();
    const digests = threadedDigests(sw);
    scope.postMessage({ ok: true, suites, initMs, seeded, threads, digests, isWindow: typeof (globalThis as { document?: unknown }).document !== "undefined" });
  } catch (err) {
    scope.postMessage({ ok: false, error: `${(err as Error).name}: ${(err as Error).message}` });
  }
};
