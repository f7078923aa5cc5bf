// The fuzzer's documented deviations: each a precise predicate over one
// mismatch, matching a deviation written in README.md, "Where stridewise
// differs from NumPy". Anything else the fuzzer finds is a bug.

import type { Enc, Mismatch } from "./replay.js";

export interface Deviation {
  /** The README bullet it implements. */
  readme: string;
  matches(m: Mismatch): boolean;
}

export const DOCUMENTED_DEVIATIONS: readonly Deviation[] = [
  {
    // an integer on every axis: NumPy's scalar is a copy, stridewise's 0-d array a view
    readme: "**Integer indexing on every axis gives a 0-d view**",
    matches: (m) =>
      m.op === "get" && m.kind === "scalar-as-0d-view" && (m.recorded.idx as object[]).every((it) => "i" in it),
  },
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
  {
    // NumPy hands back the input itself (squeeze with nothing to squeeze,
    // broadcast_arrays of an input already of the broadcast shape); stridewise
    // a new view of it with the same descriptor, so only identity and owndata differ.
    readme: "`squeeze`, `expandDims`, `atleast1d/2d/3d` return a new view",
    matches: (m) => {
      const item = /^\[(\d)\]\.(same|flags\.owndata)$/.exec(m.kind);
      const rec = m.op === "squeeze" && (m.kind === "same" || m.kind === "flags.owndata") ? m.recorded.out : m.op === "broadcast_arrays" && item ? m.recorded.out.list?.[Number(item[1])] : undefined;
      if (rec === undefined || rec.same !== true) return false;
      return m.kind.endsWith("same") ? m.actual === false : m.expected === rec.own && m.actual === false;
    },
  },
  {
    // float -> uint32 of NaN, infinities and out-of-range values: NumPy's
    // contiguous SIMD loop gives the x86 "integer indefinite" 2^31 where its
    // scalar loop (which stridewise follows) gives the low 32 bits of the
    // int64 conversion (0 for NaN and infinities); astype and set both cast.
    readme: "**Float to integer casts** of NaN, infinity and out-of-range values",
    matches: (m) => {
      if (m.cast === undefined || m.cast.to !== "uint32" || !m.cast.from.startsWith("float")) return false;
      if (m.op === "astype" && m.kind === "values") {
        const e = m.expected as Enc[];
        const a = m.actual as Enc[];
        return e.length === a.length && a.length === m.input?.length && e.every((x, i) => x === a[i] || outOfUint32(m.input![i]!) || indefinite(x, a[i]!));
      }
      if (m.op === "set" && m.kind === "values") {
        const e = m.expected as { vals: Enc[]; others: Record<string, Enc[]> };
        const a = m.actual as typeof e;
        const same = (p: Enc[], q: Enc[]): boolean => p.length === q.length && p.every((x, i) => x === q[i] || indefinite(x, q[i]!));
        return same(e.vals, a.vals) && Object.keys(e.others).every((id) => same(e.others[id]!, a.others[id]!));
      }
      return false;
    },
  },
  {
    // Which zero a float max/min reduction returns among equal ±0 is NumPy's
    // SIMD blocking along a contiguous axis, and float16's own rule; the
    // axis-0 order of float32/64 is pinned bit for bit by test/reduce-rows.
    readme: "**The sign of a tied zero in float `max`/`min`.**",
    matches: (m) => {
      if (m.op !== "reduce" || m.kind !== "values" || (m.recorded.fn !== "max" && m.recorded.fn !== "min")) return false;
      const e = m.expected as Enc[];
      const a = m.actual as Enc[];
      const zero = (x: Enc): boolean => x === 0 || x === "-0";
      return e.length === a.length && e.every((x, i) => x === a[i] || (zero(x) && zero(a[i]!)));
    },
  },
];

const indefinite = (numpy: Enc, ours: Enc): boolean => numpy === 2 ** 31 && ours === 0;
const outOfUint32 = (x: Enc): boolean => typeof x === "string" ? x === "nan" || x === "inf" || x === "-inf" : typeof x === "number" && (x < -(2 ** 31) || x >= 2 ** 32);

export function deviationOf(m: Mismatch): string | null {
  for (const d of DOCUMENTED_DEVIATIONS) if (d.matches(m)) return d.readme;
  return null;
}
