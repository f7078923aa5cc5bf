// W9: np.shares_memory / np.may_share_memory on strided view pairs of E.
// NumPy's figures include making both views (E[:, ::2] is a slice, then the
// call), so W9a–h make both views inside the timed call too, with a small
// makeView-based slicer (the same descriptor arithmetic `get` does);
// W9-pre times the call alone on views made in setup.
//
// Paths: "extents" (disjoint byte ranges, answered in TypeScript),
// "same start" (both views start at one byte), "bounds" (may_share_memory),
// "solver" (the AssemblyScript Diophantine kernel).

import { mayShareMemory, sharesMemory, type NDArray } from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";
import { expect, type Data, type Workload } from "./harness.js";

/**
 * `a[s0, s1]` for a 2-d `a`, each axis `[start, stop, step]` with Python's
 * slice rules (`stop` null = to the end in the step's direction).
 */
function sub2(a: NDArray, r0: number, r1: number | null, rs: number, c0: number, c1: number | null, cs: number): NDArray {
  const sh = a.shape;
  const st = a.strides;
  const nr = span(sh[0]!, r0, r1, rs);
  const nc = span(sh[1]!, c0, c1, cs);
  const start0 = nr === 0 ? 0 : clampStart(sh[0]!, r0, rs);
  const start1 = nc === 0 ? 0 : clampStart(sh[1]!, c0, cs);
  return makeView(a, [nr, nc], [st[0]! * rs, st[1]! * cs], a.offset + start0 * st[0]! + start1 * st[1]!);
}

/** `a[start:stop:step]` for a 1-d `a`. */
function sub1(a: NDArray, start: number, stop: number | null, step: number): NDArray {
  const n = span(a.shape[0]!, start, stop, step);
  const s = a.strides[0]!;
  return makeView(a, [n], [s * step], a.offset + (n === 0 ? 0 : clampStart(a.shape[0]!, start, step)) * s);
}

function clampStart(n: number, start: number, step: number): number {
  if (start < 0) start += n;
  if (step > 0) return start < 0 ? 0 : start > n ? n : start;
  return start < 0 ? -1 : start >= n ? n - 1 : start;
}

function span(n: number, start: number, stop: number | null, step: number): number {
  const s = clampStart(n, start, step);
  let e: number;
  if (stop === null) e = step > 0 ? n : -1;
  else {
    e = stop < 0 ? stop + n : stop;
    e = step > 0 ? (e < 0 ? 0 : e > n ? n : e) : e < -1 ? -1 : e >= n ? n - 1 : e;
  }
  const len = step > 0 ? Math.ceil((e - s) / step) : Math.ceil((s - e) / -step);
  return len > 0 ? len : 0;
}

/** E.T as a view. */
function transposed(a: NDArray): NDArray {
  return makeView(a, [a.shape[1]!, a.shape[0]!], [a.strides[1]!, a.strides[0]!], a.offset);
}

/** E.reshape(-1) for a C-contiguous E. */
function flat(a: NDArray): NDArray {
  return makeView(a, [a.size], [a.strides[a.strides.length - 1]!], a.offset);
}

const BATCH = 2000;

function answers(want: boolean): (r: unknown) => void {
  return (r) => expect(r === want, `expected ${want}, got ${String(r)}`);
}

export const workloads: Workload[] = [
  {
    id: "W9a",
    title: "np.shares_memory(E[:, ::2], E[:, 1::2])",
    numpy: { stmt: "np.shares_memory(E[:, ::2], E[:, 1::2])" },
    run: (d: Data) => sharesMemory(sub2(d.E, 0, null, 1, 0, null, 2), sub2(d.E, 0, null, 1, 1, null, 2)),
    check: answers(false),
    batch: BATCH,
    path: "solver",
    target: 1.0,
  },
  {
    id: "W9b",
    title: "np.shares_memory(E[:, ::2], E[:, 2::2])",
    numpy: { stmt: "np.shares_memory(E[:, ::2], E[:, 2::2])" },
    run: (d: Data) => sharesMemory(sub2(d.E, 0, null, 1, 0, null, 2), sub2(d.E, 0, null, 1, 2, null, 2)),
    check: answers(true),
    batch: BATCH,
    path: "solver",
    target: 1.0,
  },
  {
    id: "W9c",
    title: "np.shares_memory(flat[::6], flat[1::4])",
    numpy: { setup: "flat = E.reshape(-1)", stmt: "np.shares_memory(flat[::6], flat[1::4])" },
    setup: (d: Data) => flat(d.E),
    run: (_d: Data, f) => sharesMemory(sub1(f as NDArray, 0, null, 6), sub1(f as NDArray, 1, null, 4)),
    check: answers(false),
    batch: BATCH,
    path: "solver",
    target: 1.0,
  },
  {
    id: "W9d",
    title: "np.shares_memory(E[:5], E[5:])",
    numpy: { stmt: "np.shares_memory(E[:5], E[5:])" },
    run: (d: Data) => sharesMemory(sub2(d.E, 0, 5, 1, 0, null, 1), sub2(d.E, 5, null, 1, 0, null, 1)),
    check: answers(false),
    batch: BATCH,
    path: "extents",
    target: 1.0,
  },
  {
    id: "W9e",
    title: "np.shares_memory(E, E.T)",
    numpy: { stmt: "np.shares_memory(E, E.T)" },
    run: (d: Data) => sharesMemory(d.E, transposed(d.E)),
    check: answers(true),
    batch: BATCH,
    path: "same start",
    target: 1.0,
  },
  {
    id: "W9f",
    title: "np.may_share_memory(E[:, ::2], E[:, 1::2])",
    numpy: { stmt: "np.may_share_memory(E[:, ::2], E[:, 1::2])" },
    run: (d: Data) => mayShareMemory(sub2(d.E, 0, null, 1, 0, null, 2), sub2(d.E, 0, null, 1, 1, null, 2)),
    check: answers(true),
    batch: BATCH,
    path: "bounds",
    target: 1.0,
  },
  {
    id: "W9g",
    title: "np.shares_memory(E[:, 3::7], E[:, 5::11])",
    numpy: { stmt: "np.shares_memory(E[:, 3::7], E[:, 5::11])" },
    run: (d: Data) => sharesMemory(sub2(d.E, 0, null, 1, 3, null, 7), sub2(d.E, 0, null, 1, 5, null, 11)),
    check: answers(true),
    batch: BATCH,
    path: "solver",
    target: 1.0,
  },
  {
    id: "W9h",
    title: "np.shares_memory(E[::2], E[1::2, ::-1])",
    numpy: { stmt: "np.shares_memory(E[::2], E[1::2, ::-1])" },
    run: (d: Data) => sharesMemory(sub2(d.E, 0, null, 2, 0, null, 1), sub2(d.E, 1, null, 2, -1, null, -1)),
    check: answers(false),
    batch: BATCH,
    path: "solver",
    target: 1.0,
  },
  {
    id: "W9-pre",
    title: "np.shares_memory(a, b), a = E[:, ::2], b = E[:, 1::2] made in setup",
    numpy: { setup: "a = E[:, ::2]; b = E[:, 1::2]", stmt: "np.shares_memory(a, b)" },
    setup: (d: Data) => [sub2(d.E, 0, null, 1, 0, null, 2), sub2(d.E, 0, null, 1, 1, null, 2)],
    run: (_d: Data, p) => sharesMemory((p as NDArray[])[0]!, (p as NDArray[])[1]!),
    check: answers(false),
    batch: BATCH,
    path: "solver",
    target: 1.0,
  },
];
