// The compile-time checks of test/types/ (the dtype in NDArray's type, the
// call forms): `tsc --strict --noEmit -p test/types` must succeed, which
// also requires every `@ts-expect-error` line there to be an error.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");

describe("types", () => {
  it("test/types/ type-checks under --strict, with every @ts-expect-error line an error", () => {
    const run = () =>
      execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "test/types/tsconfig.json"], { cwd: root, encoding: "utf8" });
    expect(run).not.toThrow();
  });
});
