// take, put, compress, nonzero, argwhere, flatnonzero, where, extract,
// place, putmask and countNonzero replayed from NumPy 2.4 (fixtures recorded
// by scripts/fixtures_select.py): negative indices, the three modes, axes,
// empty and 0-d inputs, transposed views, and NumPy's errors.
import { describe } from "vitest";
import { cases, replay, title, type Case } from "./select-fixtures.js";
import { runCases } from "./fixtures.js";

/** Cases where stridewise disagrees with NumPy: test title → the mismatch (none at present). */
const KNOWN: Record<string, string> = {};

const run = (list: Case[]): void => runCases(list, title, replay, KNOWN);

const groups: [string, string][] = [
  ["take", "take gathers along an axis or the flattened array as NumPy does"],
  ["put", "put writes cycled values at flat indices as NumPy does"],
  ["compress", "compress keeps the slices NumPy keeps"],
  ["nonzero", "nonzero, argwhere, flatnonzero, countNonzero and one-argument where find NumPy's nonzero elements"],
  ["where", "three-argument where picks and promotes as NumPy does"],
  ["extract", "extract takes the elements NumPy takes"],
  ["place", "place writes the values in turn as NumPy does"],
  ["putmask", "putmask writes values by position as NumPy does"],
];
for (const [g, text] of groups) describe(text, () => run(cases.filter((c) => c.group === g)));
