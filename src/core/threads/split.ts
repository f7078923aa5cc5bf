// Cutting one kernel call into parts. A table-driven kernel (assembly/abi.ts)
// walks a loop nest described by a stride table; restricting one axis to
// [a, b) and moving every operand's base by a * stride gives a smaller
// nest that covers exactly those elements, so each part is the same kernel
// on its own table. The kernel owns the table's counters while it runs, so
// parts never share one: part p's table lives at its own scratch slice.

import { i32 } from "../memory.js";
import { partsFor, ranges, runParts } from "./pool.js";
import { partTable, scratch } from "../kernels.js";

export { partTable };

/** @internal Writes a stride table (shape row, then one row per operand, counters left to the kernel) at `addr`. */
export function writeTableAt(addr: number, shape: readonly number[], rows: readonly (readonly number[])[]): void {
  const k = shape.length;
  const b = addr >>> 2;
  for (let j = 0; j < k; j++) {
    i32[b + j] = shape[j]!;
    for (let r = 0; r < rows.length; r++) i32[b + (r + 1) * k + j] = rows[r]![j]! | 0;
  }
}

/** One part of a split nest: its shape and each operand's byte offset from the whole nest's base. */
export interface TablePart {
  shape: number[];
  offsets: number[];
}

/**
 * @internal Splits a nest into `parts` along one axis `ok` accepts (the
 * outermost long enough, else the longest), starts aligned to `align(axis)`
 * elements. Null when no axis can be split. Parts keep the nest's order,
 * so the union is exactly the whole nest.
 */
export function splitNest(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  parts: number,
  ok: (axis: number) => boolean = () => true,
  align: (axis: number) => number = () => 1,
): TablePart[] | null {
  let axis = -1;
  for (let j = 0; j < shape.length; j++) {
    if (!ok(j)) continue;
    if (shape[j]! >= 4 * parts * align(j)) {
      axis = j;
      break;
    }
    if (shape[j]! >= parts * align(j) && (axis < 0 || shape[j]! > shape[axis]!)) axis = j;
  }
  if (axis < 0) return null;
  return ranges(shape[axis]!, parts, align(axis)).map(([a, b]) => {
    const s = shape.slice();
    s[axis] = b - a;
    return { shape: s, offsets: strides.map((row) => a * row[axis]!) };
  });
}

/**
 * @internal Runs kernel `name` once per part of a split nest: part i's
 * stride table (`rows`, as `splitNest` was given them) is written at its
 * own slot and `args(part, table)` builds its arguments. Returns each
 * part's result.
 * @example runTableParts("cast", split, rows, (p, t) => [to, from, d + p.offsets[0]!, s + p.offsets[1]!, t, k])
 */
export function runTableParts(
  name: string,
  split: readonly TablePart[],
  rows: readonly (readonly number[])[],
  args: (part: TablePart, table: number) => (number | bigint)[],
): number[] {
  return runParts(name, split.map((p, i) => {
    writeTableAt(partTable(i), p.shape, rows);
    return args(p, partTable(i));
  }));
}

/**
 * @internal Runs a table-driven kernel `name(...lead, ...addrs, t, k)`
 * (the one ABI, assembly/abi.ts) whose stride table of k axes has just been
 * written to the scratch area, in parts when its traffic (`bytes`) is above
 * the threads' threshold: ranges of one axis, each part with its own
 * table. For kernels whose every output element depends only on its own
 * inputs (element-wise), so the cut cannot change a bit. Returns the
 * largest status a part returned, or null when the call stays on this
 * thread (the caller then makes the one call itself, at no extra cost).
 * @example splitTableCall("unary", [op, dtype], k, [dst, src], 2 * n * 4) ?? kernels().unary(op, dtype, dst, src, scratch(), k)
 */
export function splitTableCall(name: string, lead: readonly number[], k: number, addrs: readonly number[], bytes: number): number | null {
  const parts = partsFor(bytes);
  if (parts <= 1) return null;
  const base = scratch() >>> 2;
  const shape = Array.from(i32.subarray(base, base + k));
  const strides = addrs.map((_, r) => Array.from(i32.subarray(base + (r + 1) * k, base + (r + 2) * k)));
  const split = splitNest(shape, strides, parts);
  if (split === null) return null;
  const status = runTableParts(name, split, strides, (q, t) => [...lead, ...addrs.map((a, j) => a + q.offsets[j]!), t, k]);
  return Math.max(0, ...status);
}
