// Where stridewise deliberately differs from NumPy 2.4, pinned. NumPy does
// not buffer some overlapping assignments, so its answer depends on its
// loop order (with a = np.arange(50.), m = (8 <= i < 29):
// `a[m] = a[4:45:2]` reads elements it has already overwritten, and so does
// `a[0:20:2] = a[0:10]`, 1-d views whose strides have the same sign but
// different sizes). stridewise always gives the as-if-copied answer: the
// value is read in full before anything is written. Each case here is
// checked against a plain-TypeScript reference that copies first
// (README, "Where stridewise differs from NumPy").

import { describe, expect, it } from "vitest";
import { arange, copyto, greater, less, logicalAnd, logicalNot, array, type NDArray } from "../src/index.js";

const N = 50;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Python's slice over 0..n-1 as index positions. */
function positions(n: number, start: number, stop: number, step = 1): number[] {
  const out: number[] = [];
  if (step > 0) for (let i = start; i < Math.min(stop, n); i += step) out.push(i);
  else for (let i = Math.min(start, n - 1); i > stop; i += step) out.push(i);
  return out;
}

/** The as-if-copied reference: every value read before any write. */
function assignRef(values: number[], dst: number[], src: number[]): number[] {
  const snapshot = values.slice();
  const out = values.slice();
  dst.forEach((d, k) => (out[d] = snapshot[src[k]!]!));
  return out;
}

function withA(fn: (a: NDArray) => void): number[] {
  const a = arange(N, { dtype: "float64" });
  try {
    fn(a);
    return a.toArray() as number[];
  } finally {
    a.dispose();
  }
}

describe("overlapping assignments give the as-if-copied answer (NumPy's depends on its loop order)", () => {
  it("a[m] = a[4:45:2] with m true on 8 <= i < 29", () => {
    const got = withA((a) => {
      const m = logicalAnd(logicalNot(less(a, 8)), less(a, 29));
      const v = a.get("4:45:2");
      a.set(m, v);
      m.dispose();
      v.dispose();
    });
    expect(got).toEqual(assignRef(range(N), positions(N, 8, 29), positions(N, 4, 45, 2)));
  });

  it("a[m] = a[0:25] with m true on the even positions", () => {
    const mask = array(range(N).map((i) => i % 2 === 0));
    const got = withA((a) => {
      const v = a.get("0:25");
      a.set(mask, v);
      v.dispose();
    });
    mask.dispose();
    expect(got).toEqual(assignRef(range(N), positions(N, 0, N, 2), positions(N, 0, 25)));
  });

  it("a[0:20:2] = a[0:10]: 1-d views, strides of one sign and different sizes", () => {
    const got = withA((a) => {
      const v = a.get("0:10");
      a.set("0:20:2", v);
      v.dispose();
    });
    expect(got).toEqual(assignRef(range(N), positions(N, 0, 20, 2), positions(N, 0, 10)));
  });

  it("copyto(a[0:30:3], a[0:10]) and copyto(a[10:0:-1], a[20:0:-2])", () => {
    let ref = range(N);
    const got = withA((a) => {
      const d1 = a.get("0:30:3");
      const s1 = a.get("0:10");
      copyto(d1, s1);
      ref = assignRef(ref, positions(N, 0, 30, 3), positions(N, 0, 10));
      const d2 = a.get("10:0:-1");
      const s2 = a.get("20:0:-2");
      copyto(d2, s2);
      ref = assignRef(ref, positions(N, 10, 0, -1), positions(N, 20, 0, -2));
      for (const t of [d1, s1, d2, s2]) t.dispose();
    });
    expect(got).toEqual(ref);
  });

  it("a[[2, 4, 6, 8]] = a[0:8:2] through the integer-array scatter", () => {
    const got = withA((a) => {
      const v = a.get("0:8:2");
      a.set([2, 4, 6, 8], v);
      v.dispose();
    });
    expect(got).toEqual(assignRef(range(N), [2, 4, 6, 8], [0, 2, 4, 6]));
  });

  it("a[a > 40] = a[0:9] (a mask computed from a, values behind it)", () => {
    const got = withA((a) => {
      const m = greater(a, 40);
      const v = a.get("0:9");
      a.set(m, v);
      m.dispose();
      v.dispose();
    });
    expect(got).toEqual(assignRef(range(N), positions(N, 41, N), positions(N, 0, 9)));
  });
});
