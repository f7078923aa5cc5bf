// A Node process that used the pool exits as soon as its own work is done:
// the workers wait in Atomics.wait and are unref'd, so they hold nothing open.
import { execFileSync, spawn } from "node:child_process";
import { build } from "esbuild";
import { beforeAll, expect, it } from "vitest";

const bundle = "build/run/threads-exit.mjs";
const one = "build/run/threads-one.mjs";

beforeAll(async () => {
  for (const [entry, outfile] of [["test/scripts/threads-exit.ts", bundle], ["test/scripts/threads-one.ts", one]] as const) {
    await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", target: "node20", outfile, logLevel: "error" });
  }
});

it("init({ threads: 1 }) keeps a plain heap and no workers, whatever setThreads asks later", () => {
  const out = execFileSync(process.execPath, [one], { encoding: "utf8" });
  expect(JSON.parse(out)).toEqual({ shared: false, threads: 1, shape: [1024, 2048] });
});

it("a child process that used the pool exits within 1 s of finishing", async () => {
  const child = spawn(process.execPath, [bundle], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  let printedAt = 0;
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (printedAt === 0 && out.includes("\n")) printedAt = Date.now();
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const exitedAt = Date.now();
  expect(code).toBe(0);
  const r = JSON.parse(out) as { threads: number; shape: number[] };
  expect(r.threads).toBe(2);
  expect(r.shape).toEqual([1024, 2048]);
  expect(exitedAt - printedAt).toBeLessThan(1000);
});
