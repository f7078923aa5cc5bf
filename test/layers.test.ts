// The architecture as a test: src/ has no import circle and no import from
// a lower layer to a higher one (scripts/check-layers.mjs says which is
// which), and no source file outside the generated tables is over 500 lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without declarations
import { checkLayers, importGraph } from "../scripts/check-layers.mjs";

const ROOT = path.join(import.meta.dirname, "..");

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== "generated" && e !== "tables") sources(p, out);
    } else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

describe("layers", () => {
  it("src/ has no import circle and no upward import", () => {
    const graph = importGraph() as Map<string, string[]>;
    expect(graph.size).toBeGreaterThan(40);
    expect(checkLayers(graph)).toEqual([]);
  });

  it("finds a circle and an upward import when there is one", () => {
    const graph = new Map<string, string[]>([
      ["core/a.ts", ["core/b.ts"]],
      ["core/b.ts", ["core/a.ts", "ops/c.ts"]],
      ["ops/c.ts", []],
    ]);
    expect(checkLayers(graph)).toEqual([
      "core/b.ts imports ops/c.ts, a higher layer",
      "import circle: core/a.ts -> core/b.ts -> core/a.ts",
    ]);
  });

  it("keeps every source file of src/ and assembly/ under 500 lines", () => {
    const long = [...sources(path.join(ROOT, "src")), ...sources(path.join(ROOT, "assembly"))]
      .map((f) => [path.relative(ROOT, f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, n]) => n > 500);
    expect(long).toEqual([]);
  });
});
