// The copy ledger: where did data get copied? Every operation that makes a
// new array out of another array's elements (copy, concatenate, advanced
// indexing, astype, a reshape that cannot be a view, …) reports here, once
// per call, with the bytes it wrote. Views report nothing, so a pipeline that
// must stay zero-copy can assert it.
//
// Cost when nobody tracks: one counter update per copying call (measured in
// test/ledger.test.ts against the copy itself; the copies are O(n), the
// ledger O(1)).

import { StridewiseError } from "./errors.js";

/** Bytes and number of copies made by one kind of operation. */
export interface CopyCount {
  bytes: number;
  count: number;
}

/** One copy, as `trackCopies` lists them. */
export interface CopyRecord {
  /** The operation: "copy", "concatenate", "index", "astype", "reshape", … */
  op: string;
  /** Bytes written into the new array. */
  bytes: number;
}

const totals = new Map<string, CopyCount>();
let trackers: CopyRecord[][] = [];

/** @internal Called by every copying operation, once per call. */
export function recordCopy(op: string, bytes: number): void {
  const t = totals.get(op);
  if (t === undefined) totals.set(op, { bytes, count: 1 });
  else {
    t.bytes += bytes;
    t.count++;
  }
  if (trackers.length !== 0) for (const list of trackers) list.push({ op, bytes });
}

/**
 * Copies per operation since the start or the last `resetCopyStats()`.
 * @example
 * resetCopyStats();
 * E.get(":, :256").copy();
 * copyStats(); // { copy: { bytes: 51463168, count: 1 } }
 */
export function copyStats(): Record<string, CopyCount> {
  const out: Record<string, CopyCount> = {};
  for (const [op, t] of totals) out[op] = { bytes: t.bytes, count: t.count };
  return out;
}

/** Starts `copyStats()` from zero. */
export function resetCopyStats(): void {
  totals.clear();
}

/**
 * Runs `fn` and returns its result with every copy it made, in order.
 * Nested calls each see the copies made inside them.
 * @example
 * const { copies } = trackCopies(() => E.get([0, 1, 2]));
 * copies; // [{ op: "index", bytes: 9216 }]
 */
export function trackCopies<T>(fn: () => T): { result: T; copies: CopyRecord[]; bytes: number } {
  const list: CopyRecord[] = [];
  trackers = [...trackers, list];
  try {
    const result = fn();
    return { result, copies: list, bytes: list.reduce((s, c) => s + c.bytes, 0) };
  } finally {
    trackers = trackers.filter((l) => l !== list);
  }
}

/** Thrown by `assertNoCopy` when `fn` copied data. */
export class CopyError extends StridewiseError {
  override name = "CopyError";
  constructor(readonly copies: CopyRecord[]) {
    super(
      `assertNoCopy: ${copies.length} cop${copies.length === 1 ? "y" : "ies"} made (` +
        copies.map((c) => `${c.op}: ${c.bytes} bytes`).join(", ") +
        ")",
    );
  }
}

/**
 * Runs `fn` and returns its result; throws `CopyError` if it copied any
 * data. For tests and pipelines that must stay zero-copy.
 * @example assertNoCopy(() => E.get("0:3"));      // fine: a view
 * @example assertNoCopy(() => E.get([0, 1, 2]));  // throws: integer indexing copies
 */
export function assertNoCopy<T>(fn: () => T): T {
  const { result, copies } = trackCopies(fn);
  if (copies.length !== 0) throw new CopyError(copies);
  return result;
}
