// W4a-c, W5a, W5b, W5b-pre: advanced indexing. Gathers take the "rows"
// path of src/ops/gather.ts (one kernel call that checks each int64 index
// and copies its row with memory.copy); masks take "compact" (count, then
// compact: rows for a row mask, branchless elements for E[E > 0]).

import { greater, type NDArray } from "../src/index.js";
import { expect, expectShape, type Workload } from "./harness.js";

/** Throws unless row r of `out` equals row ids[r] of `src` at sampled columns. */
function expectRows(r: unknown, src: NDArray, ids: NDArray, what: string): void {
  const out = r as NDArray;
  expectShape(out, [ids.size, src.shape[1]!], what);
  const n = ids.size;
  for (const i of [0, 1, n >> 1, n - 1]) {
    const row = Number(ids.item(i));
    for (const j of [0, 7, src.shape[1]! - 1]) {
      expect(Object.is(out.item(i, j), src.item(row, j)), `${what}: (${i}, ${j})`);
    }
  }
}

function countTrue(m: NDArray): number {
  let c = 0;
  for (const v of m.toTypedArray() as Uint8Array) c += v;
  return c;
}

function expectPositive(r: unknown, d: { E: NDArray }, what: string): void {
  const out = r as NDArray;
  expect(out.ndim === 1, `${what}: 1-d`);
  const n = out.size;
  for (const i of [0, n >> 1, n - 1]) expect((out.item(i) as number) > 0, `${what}: element ${i} > 0`);
  expect(n > d.E.size * 0.45 && n < d.E.size * 0.55, `${what}: about half of E kept (${n})`);
}

export const workloads: Workload[] = [
  {
    id: "W4a",
    title: "E[ids4096]",
    numpy: { stmt: "E[ids4096]" },
    run: (d) => d.E.get(d.ids4096),
    check: (r, d) => expectRows(r, d.E, d.ids4096, "W4a"),
    bytes: (d) => 2 * d.ids4096.size * d.E.shape[1]! * 4,
    path: "rows",
    target: 1.0,
  },
  {
    id: "W4b",
    title: "E[ids32]",
    numpy: { stmt: "E[ids32]" },
    run: (d) => d.E.get(d.ids32),
    check: (r, d) => expectRows(r, d.E, d.ids32, "W4b"),
    bytes: (d) => 2 * 32 * d.E.shape[1]! * 4,
    batch: 200,
    path: "rows",
    target: 2.0,
  },
  {
    id: "W4c",
    title: "D[ids32d]",
    numpy: { stmt: "D[ids32d]" },
    run: (d) => d.D.get(d.ids32d),
    check: (r, d) => expectRows(r, d.D, d.ids32d, "W4c"),
    bytes: (d) => 2 * 32 * d.D.shape[1]! * 8,
    batch: 200,
    path: "rows",
    target: 2.0,
  },
  {
    id: "W5a",
    title: "E[row_mask]",
    numpy: { stmt: "E[row_mask]" },
    run: (d) => d.E.get(d.row_mask),
    check: (r, d) => {
      const out = r as NDArray;
      expectShape(out, [countTrue(d.row_mask), d.E.shape[1]!], "W5a");
    },
    bytes: (d) => 2 * (d.E.size / 2) * 4,
    path: "compact",
    target: 1.0,
  },
  {
    id: "W5b",
    title: "E[E > 0]",
    numpy: { stmt: "E[E > 0]" },
    run: (d) => {
      const m = greater(d.E, 0);
      try {
        return d.E.get(m);
      } finally {
        m.dispose();
      }
    },
    check: (r, d) => expectPositive(r, d, "W5b"),
    bytes: (d) => d.E.size * (4 + 1 + 1) + (d.E.size / 2) * 4,
    path: "compact",
    target: 0.3,
  },
  {
    id: "W5b-pre",
    title: "E[m] (m = E > 0 in setup)",
    numpy: { setup: "m = E > 0", stmt: "E[m]" },
    setup: (d) => greater(d.E, 0),
    run: (d, m) => d.E.get(m as NDArray),
    check: (r, d) => expectPositive(r, d, "W5b-pre"),
    bytes: (d) => d.E.size * (4 + 1) + (d.E.size / 2) * 4,
    path: "compact",
    target: 0.3,
  },
];
