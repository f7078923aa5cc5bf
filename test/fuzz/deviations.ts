// The fuzzer's documented deviations: each a precise predicate over one
// mismatch, matching a deviation written in README.md, "Where stridewise
// differs from NumPy". Anything else the fuzzer finds is a bug.

import type { Mismatch } from "./replay.js";

export interface Deviation {
  /** The README bullet it implements. */
  readme: string;
  matches(m: Mismatch): boolean;
}

export const DOCUMENTED_DEVIATIONS: readonly Deviation[] = [
  {
    // NumPy 2.4 writes some overlapping assignments without buffering; the
    // generator records the as-if-copied answer beside NumPy's, and the replay
    // names the step "values-as-if-copied" only when stridewise gave exactly it.
    readme: "Overlapping assignments are always as if copied.",
    matches: (m) => m.op === "set" && m.kind === "values-as-if-copied",
  },
  {
    readme: "`broadcastArrays` results are read-only",
    matches: (m) =>
      m.op === "broadcast_arrays" && /^\[\d\]\.flags\.writeable$/.test(m.kind) && m.expected === true && m.actual === false,
  },
];

export function deviationOf(m: Mismatch): string | null {
  for (const d of DOCUMENTED_DEVIATIONS) if (d.matches(m)) return d.readme;
  return null;
}
