// Repeating arrays: tile and repeat. Each result is allocated once and
// filled by the copy kernels (src/ops/copy.ts), one `moveBytes` call (per
// repeated slice for `repeat` with per-element counts); broadcasting is a
// zero source stride, never a loop in JS.

import { DTypeError, ValueError, formatShape } from "../core/errors.js";
import { checkShape, normalizeAxis, stridesFor } from "../core/layout.js";
import { NDArray } from "../core/ndarray.js";
import { type ArrayLike } from "./creation.js";
import { emptyArray, redescribe } from "../core/empty.js";
import { copy, moveBytes } from "./copy.js";
import { withArrays } from "./join.js";

function checkInt(x: unknown, what: string): number {
  if (typeof x !== "number" || !Number.isInteger(x)) throw new DTypeError(`${what}: expected integers, got ${String(x)}`);
  return x;
}

/**
 * Repeats `a` `reps` times along each axis (NumPy's `tile`). When `reps`
 * has more entries than `a` has axes, `a` gains leading length-1 axes;
 * with fewer, `reps` gains leading ones. One kernel call: the source is
 * read with zero strides on the repetition axes.
 * @example tile([1, 2], [2, 2]).toArray() // [[1n, 2n, 1n, 2n], [1n, 2n, 1n, 2n]]
 */
export function tile(a: ArrayLike, reps: number | readonly number[]): NDArray {
  const tup = (typeof reps === "number" ? [reps] : Array.from(reps)).map((r) => checkInt(r, "tile"));
  return withArrays("tile", [a], ([arr]) => {
    const src = arr!;
    const d = tup.length;
    const nd = Math.max(d, src.ndim);
    const itemsize = src.itemsize;
    // Leading length-1 axes get the item size as stride, as np.array(ndmin=) does.
    const shape = [...new Array<number>(nd - src.ndim).fill(1), ...src.shape];
    const sstr = [...new Array<number>(nd - src.ndim).fill(itemsize), ...src.strides];
    const r = [...new Array<number>(nd - d).fill(1), ...tup];
    if (src === a && tup.every((x) => x === 1)) {
      // NumPy copies with order "K" here, so an F input stays F.
      const c = copy(src, "K");
      if (nd === src.ndim) return c;
      return redescribe(c, shape, [...new Array<number>(nd - src.ndim).fill(itemsize), ...c.strides]);
    }
    const outShape = checkShape(shape.map((n, i) => n * r[i]!));
    const out = emptyArray(outShape, src.dtype);
    if (out.size === 0) {
      // NumPy reshapes into the result, which gives C strides even when empty.
      return redescribe(out, outShape, stridesFor(outShape, itemsize, "C"));
    }
    // The result as (r0, n0, r1, n1, …): the source repeats with stride 0 on each r axis.
    const vshape: number[] = [];
    const dstr: number[] = [];
    const vsrc: number[] = [];
    for (let i = 0; i < nd; i++) {
      vshape.push(r[i]!, shape[i]!);
      dstr.push(shape[i]! * out.strides[i]!, out.strides[i]!);
      vsrc.push(0, sstr[i]!);
    }
    moveBytes(out.address("tile"), src.address("tile"), vshape, dstr, vsrc, itemsize);
    return out;
  });
}

/** Options of `repeat`. */
export interface RepeatOptions {
  /** The axis to repeat along; undefined or null flattens the input first (NumPy's default). */
  axis?: number | null;
}

/**
 * Repeats each element of `a` (NumPy's `repeat`): `repeats` is one count
 * for every element, or one count per element along the axis.
 * @example repeat([1, 2], 2).toArray()                         // [1n, 1n, 2n, 2n]
 * @example repeat([[1, 2]], [1, 2], { axis: 1 }).toArray()     // [[1n, 2n, 2n]]
 */
export function repeat(a: ArrayLike, repeats: number | readonly number[] | NDArray, opts?: RepeatOptions): NDArray {
  let counts: number[] | number;
  if (repeats instanceof NDArray) counts = (repeats.toArray() as unknown[]).map((x) => Number(x));
  else if (typeof repeats === "number") counts = repeats;
  else counts = Array.from(repeats);
  if (typeof counts === "number") checkInt(counts, "repeat");
  else counts.forEach((c) => checkInt(c, "repeat"));
  return withArrays("repeat", [a], ([arr]) => {
    const src = arr!;
    const itemsize = src.itemsize;
    let shape: readonly number[];
    let strides: readonly number[];
    let axis: number;
    if (opts?.axis === undefined || opts.axis === null) {
      // Flattened in C order: read through a C copy unless the input is C already.
      if (!src.isC) {
        const c = copy(src, "C");
        try {
          return repeat(c, counts);
        } finally {
          c.dispose();
        }
      }
      shape = [src.size];
      strides = [itemsize];
      axis = 0;
    } else {
      shape = src.shape;
      strides = src.strides;
      axis = normalizeAxis(opts.axis, src.ndim);
    }
    const n = shape[axis]!;
    if (typeof counts !== "number") {
      if (counts.length === 1) counts = counts[0]!;
      else if (counts.length !== n) {
        throw new ValueError(`operands could not be broadcast together with shape ${formatShape([n])} ${formatShape([counts.length])}`);
      } else if (counts.some((c) => c < 0)) {
        throw new ValueError("repeats may not contain negative values.");
      }
    }
    const total = typeof counts === "number" ? n * counts : counts.reduce((x, y) => x + y, 0);
    const outShape = [...shape];
    outShape[axis] = total;
    const out = emptyArray(checkShape(outShape), src.dtype);
    if (out.size === 0) return out;
    const base = out.address("repeat");
    const s = src.address("repeat");
    const ostr = out.strides;
    const pre = shape.slice(0, axis);
    const post = shape.slice(axis + 1);
    if (typeof counts === "number") {
      // The result as (…, n, r, …): stride 0 in the source on the r axis.
      moveBytes(
        base,
        s,
        [...pre, n, counts, ...post],
        [...ostr.slice(0, axis), counts * ostr[axis]!, ostr[axis]!, ...ostr.slice(axis + 1)],
        [...strides.slice(0, axis), strides[axis]!, 0, ...strides.slice(axis + 1)],
        itemsize,
      );
      return out;
    }
    const sstr = [...strides];
    sstr[axis] = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i]!;
      if (c === 0) continue;
      moveBytes(base + at * ostr[axis]!, s + i * strides[axis]!, [...pre, c, ...post], ostr, sstr, itemsize);
      at += c;
    }
    return out;
  });
}

