// Cutting one kernel call into parts. A table-driven kernel (assembly/abi.ts)
// walks a loop nest described by a stride table; restricting one axis to
// [a, b) and moving every operand's base by a * stride gives a smaller
// nest that covers exactly those elements, so each part is the same kernel
// on its own table. The kernel owns the table's counters while it runs, so
// parts never share one: part p's table lives at its own scratch slice.

import { i32 } from "../memory.js";
import { ranges } from "./pool.js";

export { partTable } from "../kernels.js";

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
