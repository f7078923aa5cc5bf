// The shape of test/fixtures/views.json (scripts/fixtures_views.py), shared
// by the Node replay (test/views.test.ts) and the in-browser checks
// (test/browser/core-checks.ts). Types only.
import type { DType } from "../src/index.js";

/** What NumPy reported after one view operation. */
export interface Step {
  shape: number[];
  strides: number[];
  offset: number;
  shared: boolean;
  flags: { c: boolean; f: boolean; w: boolean; own: boolean };
  same?: boolean;
  error?: { type: string; message: string };
}

/** One view operation and its arguments. */
export interface Op {
  op: string;
  [k: string]: any;
}

/** A root array and a chain of view operations with NumPy's answers. */
export interface ViewCase {
  root: { shape: number[]; dtype: DType; order: "C" | "F"; strides: number[] };
  ops: Op[];
  steps: Step[];
  values?: string[];
  write?: { values: string[]; root: string[] };
}
