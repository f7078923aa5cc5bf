// The differential fuzzer (issue 18): `npm run fuzz -- --seed S --count N`
// runs scripts/fuzz_numpy.py for the programs and NumPy's answers, replays
// each through stridewise, and prints the mismatch classes. Exits 1 when any
// mismatch is not a documented deviation (test/fuzz/deviations.ts).

import { execFileSync } from "node:child_process";
import { init } from "../src/index.js";
import { replay, type Mismatch, type Program } from "../test/fuzz/replay.js";
import { classify, formatClasses } from "../test/fuzz/report.js";

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
};
const seed = arg("seed", "1");
const count = arg("count", "1000");

await init();
const json = execFileSync("python3", ["scripts/fuzz_numpy.py", "--seed", seed, "--count", count], { maxBuffer: 1 << 30, encoding: "utf8" });
const { programs } = JSON.parse(json) as { programs: Program[] };
let steps = 0;
let skipped = 0;
const all: Mismatch[] = [];
programs.forEach((p, i) => {
  const r = replay(p, i);
  steps += r.steps;
  skipped += r.skipped;
  all.push(...r.mismatches);
});
const classes = classify(all);
console.log(formatClasses(classes));
const open = classes.filter((c) => c.deviation === null);
const documented = classes.filter((c) => c.deviation !== null).reduce((s, c) => s + c.count, 0);
const undocumented = open.reduce((s, c) => s + c.count, 0);
console.log(
  `\nseed ${seed}: ${programs.length} programs, ${steps} steps (${skipped} skipped after a failed input); ` +
    `${all.length} mismatches: ${undocumented} undocumented in ${open.length} classes, ${documented} documented`,
);
process.exit(undocumented > 0 ? 1 : 0);
