// W1–W3, W7: copies between layouts and joins, each one kernel call per
// input (src/ops/copy.ts names the path). Views are made in setup with
// makeView (the descriptor arithmetic `get` does), so the timed call is the
// copy itself; NumPy's statements slice inside the timed call, which costs
// it a fraction of a microsecond against milliseconds of copying.

import { ascontiguousarray, concatenate, hstack, type NDArray } from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";
import { expect, expectShape, type Workload } from "./harness.js";

/** `a[:, c0:c1]` of a 2-d array, as a view. */
function cols(a: NDArray, c0: number, c1: number): NDArray {
  return makeView(a, [a.shape[0]!, c1 - c0], a.strides, a.offset + c0 * a.strides[1]!);
}

/** `a.T` of a 2-d array, as a view. */
function transposed(a: NDArray): NDArray {
  return makeView(a, [a.shape[1]!, a.shape[0]!], [a.strides[1]!, a.strides[0]!], a.offset);
}

/** Rows to sample in a check: first, last, and a few in between. */
function sampleRows(n: number): number[] {
  return [0, 1, n >> 2, n >> 1, n - 2, n - 1].filter((i) => i >= 0 && i < n);
}

/** Throws unless r[i, j] === src[i, j + c0] on sampled rows and columns. */
function expectSameBlock(r: NDArray, src: NDArray, c0: number, what: string): void {
  const m = r.shape[1]!;
  for (const i of sampleRows(r.shape[0]!)) {
    for (const j of [0, 1, m >> 1, m - 1]) {
      expect(Object.is(r.item(i, j), src.item(i, j + c0)), `${what}: value at (${i}, ${j})`);
    }
  }
}

export const workloads: Workload[] = [
  {
    id: "W1",
    title: "E.copy()",
    numpy: { stmt: "E.copy()" },
    run: (d) => d.E.copy(),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, d.E.shape, "W1");
      expect(a.flags.cContiguous && a.base === null, "W1: a C-contiguous owner");
      expectSameBlock(a, d.E, 0, "W1");
    },
    bytes: (d) => 2 * d.E.nbytes,
    path: "contiguous",
    target: 0.8,
  },
  {
    id: "W2a",
    title: "E[:, :256].copy()",
    numpy: { stmt: "E[:, :256].copy()" },
    setup: (d) => cols(d.E, 0, 256),
    run: (_d, v) => (v as NDArray).copy(),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, [d.E.shape[0]!, 256], "W2a");
      expectSameBlock(a, d.E, 0, "W2a");
    },
    bytes: (d) => 2 * d.E.shape[0]! * 256 * 4,
    path: "rows",
    target: 0.9,
  },
  {
    id: "W2b",
    title: "X[:, :256].copy()",
    numpy: { stmt: "X[:, :256].copy()" },
    setup: (d) => cols(d.X, 0, 256),
    run: (_d, v) => (v as NDArray).copy(),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, [d.X.shape[0]!, 256], "W2b");
      expectSameBlock(a, d.X, 0, "W2b");
    },
    bytes: (d) => 2 * d.X.shape[0]! * 256 * 8,
    path: "rows",
    target: 1.0,
  },
  {
    id: "W3",
    title: "np.ascontiguousarray(E.T)",
    numpy: { stmt: "np.ascontiguousarray(E.T)" },
    setup: (d) => transposed(d.E),
    run: (_d, t) => ascontiguousarray(t as NDArray),
    check: (r, d) => {
      const a = r as NDArray;
      const n = d.E.shape[0]!;
      expectShape(a, [768, n], "W3");
      expect(a.flags.cContiguous, "W3: C-contiguous");
      for (const i of [0, 1, 5, 383, 766, 767]) {
        for (const j of sampleRows(n)) expect(Object.is(a.item(i, j), d.E.item(j, i)), `W3: value at (${i}, ${j})`);
      }
    },
    bytes: (d) => 2 * d.E.nbytes,
    path: "tiled",
    target: 0.25,
  },
  {
    id: "W7a",
    title: "np.concatenate([A, B])",
    numpy: { stmt: "np.concatenate([A, B])" },
    run: (d) => concatenate([d.A, d.B]),
    check: (r, d) => {
      const a = r as NDArray;
      const na = d.A.shape[0]!;
      expectShape(a, [na + d.B.shape[0]!, 768], "W7a");
      for (const i of sampleRows(na)) {
        for (const j of [0, 383, 767]) {
          expect(Object.is(a.item(i, j), d.A.item(i, j)), `W7a: A value at (${i}, ${j})`);
          expect(Object.is(a.item(na + i, j), d.B.item(i, j)), `W7a: B value at (${i}, ${j})`);
        }
      }
    },
    bytes: (d) => 2 * (d.A.nbytes + d.B.nbytes),
    path: "contiguous",
    target: 0.8,
  },
  {
    id: "W7b",
    title: "np.hstack([L, R]) (L, R = E[:, :384], E[:, 384:] copies)",
    numpy: { setup: "L = E[:, :384].copy(); R = E[:, 384:].copy()", stmt: "np.hstack([L, R])" },
    setup: (d) => {
      const lv = cols(d.E, 0, 384);
      const rv = cols(d.E, 384, 768);
      const L = lv.copy();
      const R = rv.copy();
      lv.dispose();
      rv.dispose();
      return [L, R];
    },
    run: (_d, p) => hstack(p as NDArray[]),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, d.E.shape, "W7b");
      expectSameBlock(a, d.E, 0, "W7b");
    },
    bytes: (d) => 2 * d.E.nbytes,
    path: "rows",
    target: 0.8,
  },
];
