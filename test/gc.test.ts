// The FinalizationRegistry safety net, observed under `node --expose-gc`
// in a child process (test/scripts/gc-safety-net.ts).
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { expect, it } from "vitest";

it("frees arrays that were never disposed once nothing can reach them, and not before", async () => {
  const outfile = "build/run/gc-safety-net.mjs";
  await build({ entryPoints: ["test/scripts/gc-safety-net.ts"], bundle: true, format: "esm", platform: "node", target: "node20", outfile, logLevel: "error" });
  const out = JSON.parse(execFileSync(process.execPath, ["--expose-gc", outfile], { encoding: "utf8" }));
  expect(out).toEqual({ leaked: 100, leakedAfterGc: 0, bytesAfterGc: 0, whileView: 1, viewValue: 0, afterView: 0 });
});
