// W4a-c, W5a, W5b, W5b-pre: advanced indexing. Gathers take the "rows"
// path of src/ops/gather.ts (one kernel call that checks each int64 index
// and copies its row with memory.copy); masks take "compact" (count, then
// compact: rows for a row mask, SIMD swizzles for E[E > 0]).
// W5c, W5d (not in BENCH.md): masked writes into a copy Y of E, "blend"
// (Y[m] = 0) and "expand" (Y[m] = Z, Z holding one value per true element).
// Both are idempotent, so every timed call does the same work.

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
  {
    id: "W5c",
    title: "Y[m] = 0 (Y = E.copy(), m = E > 0 in setup)",
    numpy: { setup: "Y = E.copy(); m = E > 0", stmt: "Y[m] = 0" },
    setup: (d) => [d.E.copy(), greater(d.E, 0)],
    run: (_d, p) => {
      const [Y, m] = p as NDArray[];
      Y!.set(m!, 0);
      return { Y, m };
    },
    check: (r, d) => expectMaskedWrite(r, d, "W5c", (e) => (e > 0 ? 0 : e)),
    bytes: (d) => d.E.size * (4 + 1 + 4),
    path: "blend",
  },
  {
    id: "W5d",
    title: "Y[m] = Z (Y = E.copy(), m = E > 0, Z = -E[m] in setup)",
    numpy: { setup: "Y = E.copy(); m = E > 0; Z = -E[m]", stmt: "Y[m] = Z" },
    setup: (d) => {
      const m = greater(d.E, 0);
      const z = d.E.get(m);
      const Z = z.neg();
      z.dispose();
      return [d.E.copy(), m, Z];
    },
    run: (_d, p) => {
      const [Y, m, Z] = p as NDArray[];
      Y!.set(m!, Z!);
      return { Y, m };
    },
    check: (r, d) => expectMaskedWrite(r, d, "W5d", (e) => (e > 0 ? -e : e)),
    bytes: (d) => d.E.size * (4 + 1 + 4) + (d.E.size / 2) * 4,
    path: "expand",
  },
];

/** Y (in `r`) equals f(E) at sampled elements, and about half of E was positive. */
function expectMaskedWrite(r: unknown, d: { E: NDArray }, what: string, f: (e: number) => number): void {
  const { Y } = r as { Y: NDArray };
  const [rows, cols] = d.E.shape as [number, number];
  for (const i of [0, 1, rows >> 1, rows - 1]) {
    for (const j of [0, 5, cols - 1]) {
      const e = d.E.item(i, j) as number;
      expect(Object.is(Y.item(i, j), f(e)), `${what}: (${i}, ${j}) = ${String(Y.item(i, j))}, want ${f(e)}`);
    }
  }
}
