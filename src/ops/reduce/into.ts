// reduceInto: one reduction (sum, prod, max, min) over any set of axes into
// a fresh array of the loop dtype, with NumPy's results. It runs the
// assembly/reduce/ kernels over the nests src/ops/reduce-order.ts plans:
// the direct nest where that is NumPy's order of operations, else a copy
// of the input in NumPy's iteration order, reduced call by call.
//
// `where=` masks follow NumPy's masked inner loop, which calls the add loop
// once per run of selected elements within each loop call: an element's sum
// is out + S(run1) + S(run2) + … with each S pairwise. Replacing masked
// elements by 0 and summing in one call would associate differently, so
// masked float sums go call by call, run by run. Reductions that do not
// depend on grouping (integers, max/min, any/all, element-wise accumulation)
// replace masked elements by the identity instead (-0.0 for float sums, so
// signed zeros survive).

import { DTYPES, type DType, type Scalar } from "../../core/dtype.js";
import { u8 } from "../../core/memory.js";
import { kernels, scratch } from "../../core/kernels.js";
import { i32 } from "../../core/memory.js";
import { NDArray, makeView } from "../../core/ndarray.js";
import { full } from "../creation.js";
import { fillContiguous } from "../copy.js";
import { emptyArray } from "../../core/empty.js";
import { denseStrides, keepOrder } from "../../core/layout.js";
import { castInto } from "../cast.js";
import { copyFrom } from "../cast.js";
import { maskedCopy } from "../compact.js";
import { numpyPlan, planReduction, reductionLayout, sameNest, type Plan, type UserOut } from "./order.js";
import { emptyStrided } from "./operands.js";
import { DTYPE_CODE, REDUCE_CODE } from "../../generated/codes.js";
import { partsFor } from "../../core/threads/pool.js";
import { runTableParts, splitNest } from "../../core/threads/split.js";

/**
 * @internal The kernel ops of the reductions (bool sums and products run as max and min).
 * @example const op: Op = "sum";
 */
export type Op = "sum" | "prod" | "max" | "min";


/** The kernel dtype of a reduction loop (unsigned sums and products share the signed loops' bits). */
function kernelDType(op: Op, d: DType): DType {
  if (d === "bool") return "uint8";
  if ((op === "sum" || op === "prod") && DTYPES[d].kind === "u") return SIGNED_OF_WIDTH[DTYPES[d].itemsize]!;
  return d;
}

const SIGNED_OF_WIDTH: Partial<Record<number, DType>> = { 1: "int8", 2: "int16", 4: "int32", 8: "int64" };

function identity(op: Op, d: DType): number | bigint | boolean {
  const t = DTYPES[d];
  if (op === "sum") return t.itemsize === 8 && t.kind !== "f" ? 0n : 0;
  if (op === "prod") return t.itemsize === 8 && t.kind !== "f" ? 1n : 1;
  if (d === "bool") return op === "min";
  if (t.kind === "f") return op === "max" ? -Infinity : Infinity;
  return op === "max" ? t.min : t.max;
}

/** An uninitialised array of `a`'s shape in `dtype`, laid out in `a`'s axis order (NumPy's order "K"). */
function emptyLikeK(a: NDArray, dtype: DType): NDArray {
  if (a.isC || a.ndim <= 1) return emptyArray(a.shape, dtype, "C");
  if (a.isF) return emptyArray(a.shape, dtype, "F");
  return emptyArray(a.shape, dtype, denseStrides(a.shape, DTYPES[dtype].itemsize, keepOrder(a.strides)));
}

/** How a reduction starts and which elements it reads (see `reduceInto`). */
interface Start {
  /** The start value of every output element (in the loop dtype); the op's identity when null. */
  init?: Scalar | null;
  /** A bool mask broadcast against the input (NumPy's `where=`); null reads everything. */
  mask?: NDArray | null;
  /**
   * max/min into an `out` of this dtype without `initial`: NumPy copies the
   * first element of each output into out (a cast to out's dtype) and
   * reduces the rest, so that element is read through out's dtype.
   */
  firstVia?: DType | null;
  /** A user `out`: its byte strides over the input's axes (0 on reduced ones) and whether NumPy casts into it. */
  out?: UserOut | null;
  /** NumPy's loop dtype, when it differs from the kernel's (float16 max runs in float32 here, float16 in NumPy). */
  numpyLoop?: DType;
  /** The result's layout (`reductionLayout`: element strides over every axis of the input); computed when absent. */
  layout?: readonly number[];
}

/**
 * @internal Reduces `a` over `axes` with `op` in the loop dtype `loop`,
 * into a fresh array of the reduced shape (axes removed) and dtype `loop`,
 * laid out as NumPy allocates a reduction's result (`start.layout`).
 *
 * Three ways, all with NumPy's results: the direct kernel nest
 * (planReduction) where NumPy's order of operations is the same; for float
 * sums and products whose order differs (a mask, a cast NumPy buffers in
 * 8192-element chunks, layouts it cannot walk in one stride) the
 * input copied into NumPy's iteration order and summed call by call as
 * NumPy's loops are called; for every other masked reduction, masked
 * elements replaced by the identity in such a copy (exact: those ops do
 * not depend on grouping).
 * @example reduceInto("sum", array([[1, 2], [3, 4]], { dtype: "float64" }), [0], "float64").toArray() // [4, 6]
 */
export function reduceInto(op: Op, a: NDArray, axes: readonly number[], loop: DType, start: Start = {}): NDArray {
  const mask = start.mask ?? null;
  const layout = start.layout ?? reductionLayout(a, axes, mask);
  const item = DTYPES[loop].itemsize;
  // The result's byte strides over every input axis, 0 on the reduced ones (the kernels' output operand).
  const full = layout.map((s, i) => (axes.includes(i) ? 0 : s * item));
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const out = emptyStrided(
    kept.map((i) => a.shape[i]!),
    loop,
    kept.map((i) => full[i]!),
  );
  try {
    // Dense from offset 0 in any axis order, so filled as one block.
    fillContiguous(out, start.init ?? identity(op, loop));
    if (a.size === 0) return out;
    const fn: ReduceKernel = { op: REDUCE_CODE[op], dtype: DTYPE_CODE[kernelDType(op, loop)] };
    const grouped = (op === "sum" || op === "prod") && DTYPES[loop].kind === "f";
    // C-contiguous input in the loop dtype: NumPy walks it in C order without buffers, one loop call per row of the nest.
    if (mask === null && (!grouped || (a.dtype === loop && a.isC && !start.out?.cast))) {
      directReduce(fn, out, full, a, loop, start.firstVia ?? null, axes);
      return out;
    }
    const plan = numpyPlan(a, axes, mask, start.out ?? null, (start.numpyLoop ?? loop) !== a.dtype);
    if (mask === null && a.dtype === loop && sameNest(plan, a, full)) {
      directReduce(fn, out, full, a, loop, null, axes);
      return out;
    }
    orderedReduce(fn, op, out, full, a, loop, mask, plan, grouped);
    return out;
  } catch (e) {
    out.dispose();
    throw e;
  }
}

/** The kernel of a reduction: its codes for assembly/reduce (reduce(op, dtype, o, a, t, k)). */
interface ReduceKernel {
  op: number;
  dtype: number;
}

/** One kernel call over the nest planReduction finds (a cast or first-element copy first when needed). */
function directReduce(fn: ReduceKernel, out: NDArray, full: readonly number[], a: NDArray, loop: DType, firstVia: DType | null, axes: readonly number[]): void {
  let src = a;
  let temp: NDArray | null = null;
  try {
    if (a.dtype !== loop || firstVia) {
      temp = emptyLikeK(a, loop);
      castInto(temp, a);
      src = temp;
      if (firstVia) throughFirst(a, temp, axes, firstVia);
    }
    runNest(fn, out.address("reduce"), src, planReduction(a.shape, src.strides, full));
  } finally {
    temp?.dispose();
  }
}

function runNest(fn: ReduceKernel, outAddr: number, src: NDArray, p: { shape: number[]; strides: number[][]; offsets: number[] }): void {
  let ps = p.shape;
  let st = p.strides;
  if (ps.length === 0) {
    ps = [1];
    st = [[0], [0]];
  }
  const k = ps.length;
  const o = outAddr + p.offsets[1]!;
  const a = src.address("reduce") + p.offsets[0]!;
  // Parts only over kept axes (out stride != 0): each part owns its output
  // elements and runs them exactly as one call would, so every thread
  // count gives the same bits (no pairwise block is ever cut).
  const parts = partsFor(src.nbytes);
  const split = parts > 1 ? splitNest(ps, [st[1]!, st[0]!], parts, (j) => st[1]![j] !== 0) : null;
  if (split !== null) {
    runTableParts("reduce", split, [st[1]!, st[0]!], (q, t) => [fn.op, fn.dtype, o + q.offsets[0]!, a + q.offsets[1]!, t, k]);
    return;
  }
  const base = scratch() >>> 2;
  // The stride table (assembly/abi.ts): shape, out strides, in strides (the plan's operand 1, then 0).
  for (let q = 0; q < k; q++) {
    i32[base + q] = ps[q]!;
    i32[base + k + q] = st[1]![q]! | 0;
    i32[base + 2 * k + q] = st[0]![q]! | 0;
  }
  kernels().reduce(fn.op, fn.dtype, o, a, scratch(), k);
}

/** Overwrites the first element of each output in `t` (a copy of `a` in the loop dtype) with its value cast to `via` and back. */
function throughFirst(a: NDArray, t: NDArray, axes: readonly number[], via: DType): void {
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const shape = kept.map((i) => a.shape[i]!);
  const from = makeView(a, shape, kept.map((i) => a.strides[i]!), a.offset);
  const to = makeView(t, shape, kept.map((i) => t.strides[i]!), t.offset);
  const mid = emptyArray(shape, via);
  try {
    castInto(mid, from);
    castInto(to, mid);
  } finally {
    from.dispose();
    to.dispose();
    mid.dispose();
  }
}

/**
 * The reduction over a copy of the input in NumPy's iteration order (cast
 * to the loop dtype on the way, as NumPy's buffers are). Float sums and
 * products into one element per loop call are computed call by call, one
 * kernel call per run of selected elements (NumPy's masked loop); other
 * reductions replace masked elements by the identity and run as one nest.
 */
function orderedReduce(
  fn: ReduceKernel,
  op: Op,
  out: NDArray,
  full: readonly number[],
  a: NDArray,
  loop: DType,
  mask: NDArray | null,
  plan: Plan,
  grouped: boolean,
): void {
  const outer = [...plan.perm].reverse();
  const pshape = outer.map((ax) => a.shape[ax]!);
  const temps: NDArray[] = [];
  try {
    // The input in iteration order (C order of `pshape`), a copy unless it already is one.
    const av = makeView(a, pshape, outer.map((ax) => a.strides[ax]!), a.offset, a.dtype, false);
    temps.push(av);
    let t: NDArray = av;
    const callWise = grouped && plan.dims[0]!.s[0] === 0;
    if (a.dtype !== loop || !av.isC || (mask !== null && !callWise)) {
      t = emptyArray(pshape, loop);
      temps.push(t);
      castInto(t, av);
    }
    let m: NDArray | null = null;
    if (mask !== null) {
      const off = a.ndim - mask.ndim;
      const bs = a.shape.map((n, i) => (i < off || mask.shape[i - off] === 1 ? 0 : mask.strides[i - off]!));
      const mv = makeView(mask, pshape, outer.map((ax) => bs[ax]!), mask.offset, "bool", false);
      temps.push(mv);
      m = emptyArray(pshape, "bool");
      temps.push(m);
      copyFrom(m, mv);
    }
    const pfull = outer.map((ax) => full[ax]!);
    if (!callWise) {
      if (m !== null) {
        // Masked-out elements become the identity (-0.0 for float sums: x + -0.0 is x, signed zeros included).
        const mb = m.address("reduce");
        for (let i = 0; i < m.size; i++) u8[mb + i] = u8[mb + i]! ^ 1;
        const id = full0(op === "sum" && DTYPES[loop].kind === "f" ? -0 : identity(op, loop), loop);
        temps.push(id);
        maskedCopy(t, m, id);
      }
      runNest(fn, out.address("reduce"), t, planReduction(pshape, t.strides, pfull));
      return;
    }
    // Call by call: the output element of a call is that of its first element.
    const item = DTYPES[loop].itemsize;
    const n = t.size;
    const tb = t.address("reduce");
    const ob = out.address("reduce");
    const mb = m === null ? -1 : m.address("reduce");
    const table = scratch();
    const base = table >>> 2;
    const sizes = [...pshape].reverse();
    const ostr = [...pfull].reverse();
    const run = (from: number, to: number, o: number): void => {
      i32[base] = to - from;
      i32[base + 1] = 0;
      i32[base + 2] = item;
      kernels().reduce(fn.op, fn.dtype, o, tb + from * item, table, 1);
    };
    const call = (from: number, to: number): void => {
      let o = ob;
      let rest = from;
      for (let q = 0; q < sizes.length; q++) {
        const len = sizes[q]!;
        o += (rest % len) * ostr[q]!;
        rest = Math.floor(rest / len);
      }
      if (mb < 0) {
        run(from, to, o);
        return;
      }
      let j = from;
      while (j < to) {
        while (j < to && u8[mb + j] === 0) j++;
        const s = j;
        while (j < to && u8[mb + j] !== 0) j++;
        if (j > s) run(s, j, o);
      }
    };
    if (plan.reduce) {
      for (let k = 0; k < n; k += plan.core) call(k, Math.min(k + plan.core, n));
    } else {
      for (let b = 0; b < n; b += plan.block) {
        const end = Math.min(b + plan.block, n);
        for (let k = b; k < end; k += plan.bufsize) call(k, Math.min(k + plan.bufsize, end));
      }
    }
  } finally {
    for (const x of temps.reverse()) x.dispose();
  }
}

/** A one-element array holding `v` in `d`, for maskedCopy. */
function full0(v: number | bigint | boolean, d: DType): NDArray {
  return full([1], v, { dtype: d });
}
