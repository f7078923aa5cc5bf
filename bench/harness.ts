// The side-by-side benchmark's contract. Each bench/<family>.bench.ts
// exports `workloads: Workload[]`; bench/run.ts times every workload in
// stridewise and, in the same run, in NumPy (a python3 child process given
// the same statements), then prints and saves the ratios.

import type { NDArray } from "../src/index.js";

/** The data sets of ../shared/BENCH.md, built once per run on both sides. */
export interface Data {
  /** 50257 × 768 float32 (quick: 2048 × 768), standard-normal-like values. */
  E: NDArray;
  /** 10000 × 768 float64 (quick: 1000 × 768). */
  X: NDArray;
  /** E.shape float64 (quick: same rows as E). */
  D: NDArray;
  /** 4096 int64 row indices into E (quick: 512). */
  ids4096: NDArray;
  /** 32 int64 row indices into E. */
  ids32: NDArray;
  /** 32 int64 row indices into D. */
  ids32d: NDArray;
  /** bool[E.shape[0]], about half true. */
  row_mask: NDArray;
  /** Half of E's rows each (25000 × 768 float32; quick: 1024 × 768). */
  A: NDArray;
  B: NDArray;
  /** true in quick mode. */
  quick: boolean;
}

/** One timed operation, with its NumPy twin. */
export interface Workload {
  /** BENCH.md id: "W1", "W2a", … */
  id: string;
  /** The NumPy spelling, shown in the table: "E.copy()". */
  title: string;
  /**
   * Python for the NumPy side. `setup` runs once (untimed), `stmt` is timed;
   * names available: np and every field of Data (same shapes and dtypes).
   */
  numpy: { setup?: string; stmt: string };
  /** Untimed preparation on the stridewise side (views made outside the timed call, say). */
  setup?(d: Data): unknown;
  /** The timed call. Returns the result; NDArray results are disposed by the harness after `check`. */
  run(d: Data, prepared: unknown): unknown;
  /**
   * Verifies the last result (shape and sampled values against `d`), so no
   * work can be skipped. Throws on a wrong result.
   */
  check(result: unknown, d: Data): void;
  /** Bytes read plus written by one call, for GB/s. */
  bytes?(d: Data): number;
  /** Calls per timed sample, for sub-millisecond operations (reported per call). */
  batch?: number;
  /** Name of the kernel path taken, shown in the table ("contiguous", "tiled", …). */
  path?: string;
  /** The target ratio (stridewise / NumPy); reported, never enforced. */
  target?: number;
}

/** Throws with `what` unless `ok`. */
export function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench check failed: ${what}`);
}

/** Throws unless two shapes are equal. */
export function expectShape(a: NDArray, shape: readonly number[], what: string): void {
  expect(a.shape.length === shape.length && a.shape.every((n, i) => n === shape[i]), `${what}: shape [${a.shape}] != [${shape}]`);
}
