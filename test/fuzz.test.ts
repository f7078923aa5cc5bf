// Replays the differential fuzzer's committed programs
// (test/fixtures/fuzz_cases.json, scripts/fixtures_fuzz.py): every step's
// layout, values, view-or-copy and errors must be NumPy's, apart from the
// deviations README.md documents (test/fuzz/deviations.ts).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { heapStats } from "../src/index.js";
import { loadFixture } from "./fixtures.js";
import { DOCUMENTED_DEVIATIONS } from "./fuzz/deviations.js";
import { replay, type Mismatch, type Program } from "./fuzz/replay.js";
import { classify, formatClasses } from "./fuzz/report.js";

const fx = loadFixture<{ seed: number; programs: Program[] }>("fuzz_cases");

describe("differential fuzzer against NumPy", () => {
  it(`replays ${fx.programs.length} recorded programs with no undocumented mismatch`, () => {
    const live = heapStats().allocations;
    const all: Mismatch[] = [];
    let skipped = 0;
    fx.programs.forEach((p, i) => {
      const r = replay(p, i);
      skipped += r.skipped;
      all.push(...r.mismatches);
    });
    const open = classify(all).filter((c) => c.deviation === null);
    expect(formatClasses(open)).toBe("");
    expect(skipped).toBe(0);
    // every array a program made is gone again
    expect(heapStats().allocations).toBe(live);
  });

  it("names only deviations written in the README section", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const start = readme.indexOf("### Where NumPy is platform-defined");
    const section = readme.slice(start, readme.indexOf("\n## ", start));
    for (const d of DOCUMENTED_DEVIATIONS) expect(section).toContain(d.readme);
  });
});
