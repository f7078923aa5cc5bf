// Every tutorial example prints exactly what its NumPy twin prints: the
// TypeScript port (examples/seed/) and the Python program it ports
// (examples/numpy/) run side by side; only timings are masked.
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { SECTIONS } from "../examples/seed/run.js";

const bundle = "build/run/examples-seed.mjs";

beforeAll(async () => {
  await build({
    entryPoints: ["examples/seed/run.ts"],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile: bundle,
    logLevel: "error",
  });
});

/** Timings differ from run to run: numbers followed by "s" or "x" become "#". */
function masked(text: string): string[] {
  return text
    .trimEnd()
    .split("\n")
    .map((l) => l.replace(/\d+(\.\d+)?(?=s$|x$)/, "#"));
}

describe("the tutorial's examples", () => {
  for (const [stem, title] of SECTIONS) {
    it(`${stem} (${title}) prints what NumPy prints`, () => {
      const ts = execFileSync(process.execPath, [bundle, stem], { encoding: "utf8", maxBuffer: 16 << 20 });
      const numpy = execFileSync("python3", [`examples/numpy/${stem}.py`], { encoding: "utf8", maxBuffer: 16 << 20 });
      expect(masked(ts)).toEqual(masked(numpy));
      expect(ts.trim().length).toBeGreaterThan(0);
    });
  }
});
