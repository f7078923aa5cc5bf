// Comparisons and logical ops replayed from NumPy 2.4 (fixtures recorded by
// scripts/fixtures_select.py): every dtype against itself over all pairs of
// its interesting values, mixed dtypes, NEP 50 weak scalars on either side
// (out of range, fractional, nan, inf), lengths around the SIMD width,
// broadcasting, empty and 0-d operands, transposed views and errors.
import { describe } from "vitest";
import { cases, replay, title, type Case } from "./select-fixtures.js";
import { runCases } from "./fixtures.js";

const COMPARE = new Set(["greater", "greaterEqual", "less", "lessEqual", "equal", "notEqual"]);
const LOGICAL = new Set(["logicalAnd", "logicalOr", "logicalXor", "logicalNot"]);

/** Cases where stridewise disagrees with NumPy: test title → the mismatch (none at present). */
const KNOWN: Record<string, string> = {};

const run = (list: Case[]): void => runCases(list, title, replay, KNOWN);

const groups: [string, string][] = [
  ["pairs", "comparing each dtype with itself over every pair of its values matches NumPy"],
  ["mixed", "comparing mixed dtypes over every pair of values matches NumPy"],
  ["scalar", "comparing with a weak JS scalar on the right follows NEP 50 as NumPy does"],
  ["scalar-left", "comparing with a weak JS scalar on the left follows NEP 50 as NumPy does"],
  ["simd", "comparing 63, 64 and 65 elements around the SIMD width matches NumPy"],
  ["broadcast", "comparing broadcast, empty, 0-d, transposed and list operands matches NumPy"],
];
for (const [g, text] of groups) {
  describe(text, () => run(cases.filter((c) => c.group === g && COMPARE.has(c.fn))));
}
describe("logical ops on truth values match NumPy", () => run(cases.filter((c) => LOGICAL.has(c.fn))));
