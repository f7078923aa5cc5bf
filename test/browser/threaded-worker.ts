// The core fixture checks with every call split across the pool: this
// worker bundles its own copy of the library from src/ (build-web.mjs
// builds it without the bundle-as-external plugin), so that the internal
// hook lowering the split threshold to 0 reaches the copy that runs.
import * as sw from "../../src/index.js";
import { setSplitThreshold, splitCount } from "../../src/core/threads/pool.js";
import { fetchFixtures, runCoreChecks } from "./core-checks.js";

const scope = globalThis as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };

const KERNELS = ["copy_contiguous", "copy_rows", "copy_strided_4", "copy_strided_8", "copy_tiled_4", "cast", "reduce", "gather_rows_i64"];

scope.onmessage = async (e: MessageEvent) => {
  try {
    const { fixturesUrl } = e.data as { fixturesUrl: string };
    await sw.init();
    const t0 = performance.now();
    while (sw.threadCount() < 2 && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 5));
    const fixtures = await fetchFixtures(fixturesUrl);
    setSplitThreshold(0);
    const suites = runCoreChecks(sw, fixtures);
    setSplitThreshold(1 << 20);
    const splits = KERNELS.reduce((n, k) => n + splitCount(k), 0);
    scope.postMessage({ ok: true, suites, threads: sw.threadCount(), splits });
  } catch (err) {
    scope.postMessage({ ok: false, error: `${(err as Error).name}: ${(err as Error).message}` });
  }
};
