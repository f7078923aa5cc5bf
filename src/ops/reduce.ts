// Reductions: sum, prod, mean, var, std, min, max, any, all over any set of
// axes; argmin/argmax over one axis; cumsum/cumprod along one axis.
//
// The problem: NumPy's float results depend on the order of additions, so
// to agree with NumPy we must add in NumPy's order, not just "accurately".
// NumPy's reduction iterator walks the input in memory order (axes sorted
// by stride), gives the output zero strides on the reduced axes, and calls
// the add loop on the innermost axis:
//   - innermost axis reduced (axis=-1 of a C array, axis=None of a
//     contiguous one): out += pairwise_sum(row), blocks of 8 accumulators,
//     128-element leaves;
//   - innermost axis kept (axis=0 of a C array): out_row += in_row, row
//     after row, in order.
// planLoops over (input, output-with-zero-strides) produces exactly that
// nest, and assembly/reduce.ts runs both shapes of it (the second with SIMD
// into the output row, so axis 0 is as fast as the last axis). That is
// NumPy's order whenever its iterator needs no buffers, which covers every
// C-contiguous input in its own dtype.
//
// Elsewhere NumPy's buffered iterator decides where its loop calls start
// and end, and a float sum is a sum of per-call pairwise sums: a cast
// (`dtype=`) is summed in 8192-element buffers, a layout no single stride
// walks (negative strides, a broadcast mask) is copied into buffers that
// can span several rows reducing into one element. numpyPlan ports that
// setup (axis order, coalescing, npyiter_find_buffering_setup) and, where
// it differs from the direct nest, orderedReduce copies the input into
// NumPy's iteration order and runs the kernel once per NumPy loop call, so
// float sums and means stay bit-identical to NumPy's.
//
// Accumulator dtypes are NumPy's: bool and signed integers sum in int64,
// unsigned in uint64, float16 in float32 (stored back as float16; NumPy
// rounds to float16 after every inner loop, so an axis-0 float16 sum can
// differ from NumPy's in the last float16 bit — ours is the more exact),
// mean of integers in float64.
//
// `where=` masks follow NumPy's masked inner loop, which calls the add loop
// once per run of selected elements within each loop call: an element's sum
// is out + S(run1) + S(run2) + … with each S pairwise. Replacing masked
// elements by 0 and summing in one call would associate differently, so
// masked float sums go call by call, run by run. Reductions that do not
// depend on grouping (integers, max/min, any/all, element-wise accumulation)
// replace masked elements by the identity instead (-0.0 for float sums, so
// signed zeros survive).
//
// `out=` follows ufunc.reduce, not the element-wise ufuncs: the loop dtype
// is promoted with out's dtype (sum(int8, out=int8) wraps in int8), the
// result is cast into out unsafely (NumPy reductions never raise a casting
// error), and the start value of each output element passes through out's
// dtype first (initial, or the first element for max/min).

import { AxisError, DTypeError, ValueError, formatShape } from "../errors.js";
import { DTYPES, checkDType, type DType, type Scalar } from "../dtype.js";
import { kernels, onHeapGrow, scratch, u8 } from "../heap.js";
import { stridesFor } from "../layout.js";
import { NDArray, makeView } from "../ndarray.js";
import { array, asarray, emptyArray, full, type ArrayLike } from "../creation.js";
import { broadcastTo } from "../broadcast.js";
import { canCast, castingError, dtypeRepr, promoteTypes, resultType } from "../casting.js";
import { moveaxis } from "../manipulation.js";
import { castInto } from "./astype.js";
import { copyFrom } from "./copy.js";
import { maskedCopy } from "./mask.js";
import { divide, maximum, sqrt, subtract, square } from "./math.js";

/**
 * Options of the reductions. `initial` is taken by sum, prod, max and min;
 * `out` by sum, prod, max, min and mean; `where` by all of those and any,
 * all, var and std (each function's signature says which).
 * @example sum(a, { axis: 0, where: greater(a, 0), initial: 1 })
 */
export interface ReduceOptions {
  /** An axis, a list of axes, or null/undefined for all of them. */
  axis?: number | readonly number[] | null | undefined;
  /** Keep reduced axes as length 1 (so the result broadcasts against the input). */
  keepdims?: boolean | undefined;
  /** Accumulator and result dtype (NumPy's `dtype=`). */
  dtype?: DType | undefined;
  /**
   * NumPy's `where=`: a bool array (or nested booleans) broadcast against
   * the input; only elements where it is true take part. `true` is no mask,
   * `false` masks everything. Where nothing is selected sum and prod give
   * their identity (or `initial`), mean/var/std NaN; max and min need
   * `initial` whenever a mask is given, as in NumPy.
   */
  where?: ArrayLike | undefined;
  /**
   * NumPy's `initial=` (sum, prod, max, min): every output element starts
   * from it, so max/min of an empty selection is `initial` instead of an
   * error. A weak scalar: it never changes the result dtype and is stored
   * into it as NumPy stores a Python scalar (2.5 truncates into an integer
   * dtype; 300 into int8 raises OverflowError). null is none.
   */
  initial?: Scalar | null | undefined;
  /**
   * NumPy's `out=` (sum, prod, max, min, mean): the array to write and
   * return. Its shape must be the result's (keepdims included); its dtype
   * joins the loop dtype's promotion and the result is cast into it
   * unsafely, as NumPy's reductions do.
   */
  out?: NDArray | undefined;
}

/** Options of `var` and `std` (`where`, no `initial` or `out`). */
export interface VarOptions extends Omit<ReduceOptions, "initial" | "out"> {
  /** Delta degrees of freedom: the divisor is N - ddof. */
  ddof?: number | undefined;
}

/** Options of argmin/argmax and cumsum/cumprod: one axis or all (flattened). */
export interface AxisOptions {
  axis?: number | null | undefined;
  keepdims?: boolean | undefined;
}

type Op = "sum" | "prod" | "max" | "min";

let i32 = new Int32Array(0);
onHeapGrow((buf) => {
  i32 = new Int32Array(buf, 0, buf.byteLength >>> 2);
});

function kernel<K>(name: string): K {
  const f = (kernels() as unknown as Record<string, K>)[name];
  if (f === undefined) throw new Error(`stridewise: missing kernel ${name}`);
  return f;
}

/** Normalised, sorted reduced axes; NumPy's AxisError and duplicate messages. */
export function reducedAxes(ndim: number, axis: number | readonly number[] | null | undefined): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  // NumPy lets a plain 0 or -1 name the (absent) axis of a 0-d array.
  if (ndim === 0 && (axis === 0 || axis === -1)) return [];
  const list = typeof axis === "number" ? [axis] : Array.from(axis);
  const seen = new Set<number>();
  for (const ax of list) {
    if (!Number.isInteger(ax) || ax < -ndim || ax >= ndim) throw new AxisError(ax, ndim);
    const a = ax < 0 ? ax + ndim : ax;
    if (seen.has(a)) throw new ValueError("duplicate value in 'axis'");
    seen.add(a);
  }
  return [...seen].sort((x, y) => x - y);
}

/** The kernel dtype of a reduction loop (unsigned sums and products share the signed loops' bits). */
function kernelDType(op: Op, d: DType): string {
  if (d === "bool") return "uint8";
  if ((op === "sum" || op === "prod") && DTYPES[d].kind === "u") return `int${DTYPES[d].itemsize * 8}`;
  return d;
}

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
  const perm = a.shape.map((_, i) => i).sort((x, y) => Math.abs(a.strides[y]!) - Math.abs(a.strides[x]!) || x - y);
  const out = emptyArray(a.shape, dtype);
  const strides = new Array<number>(a.ndim);
  let s = DTYPES[dtype].itemsize;
  for (let k = perm.length - 1; k >= 0; k--) {
    strides[perm[k]!] = s;
    s *= a.shape[perm[k]!]!;
  }
  const r = new NDArray(out._mem, dtype, a.shape, strides, 0, null, true);
  out.dispose();
  return r;
}

/** A user `out` as NumPy's iterator sees it. */
interface UserOut {
  strides: readonly number[];
  cast: boolean;
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
}

/**
 * @internal Reduces `a` over `axes` with `op` in the loop dtype `loop`,
 * into a fresh array of the reduced shape (axes removed) and dtype `loop`.
 *
 * Three ways, all with NumPy's results: the direct kernel nest
 * (planReduction) where NumPy's order of operations is the same; for float
 * sums and products whose order differs (a mask, a cast NumPy buffers in
 * 8192-element chunks, layouts it cannot walk in one stride) the
 * input copied into NumPy's iteration order and summed call by call as
 * NumPy's loops are called; for every other masked reduction, masked
 * elements replaced by the identity in such a copy (exact: those ops do
 * not depend on grouping).
 */
function reduceInto(op: Op, a: NDArray, axes: readonly number[], loop: DType, start: Start = {}): NDArray {
  const outShape = a.shape.filter((_, i) => !axes.includes(i));
  const out = emptyArray(outShape, loop);
  try {
    out.fill((start.init ?? identity(op, loop)) as never);
    if (a.size === 0) return out;
    const ostr = stridesFor(outShape, DTYPES[loop].itemsize, "C");
    const full: number[] = [];
    for (let i = 0, j = 0; i < a.ndim; i++) full.push(axes.includes(i) ? 0 : ostr[j++]!);
    const fn = kernel<ReduceKernel>(`${op}_reduce_${kernelDType(op, loop)}`);
    const mask = start.mask ?? null;
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

type ReduceKernel = (o: number, a: number, t: number, k: number) => void;

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
  const base = scratch() >>> 2;
  for (let q = 0; q < k; q++) {
    i32[base + q] = ps[q]!;
    i32[base + k + q] = st[0]![q]! | 0;
    i32[base + 2 * k + q] = st[1]![q]! | 0;
  }
  fn(outAddr + p.offsets[1]!, src.address("reduce") + p.offsets[0]!, scratch(), k);
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

/** NumPy's default buffer size (np.getbufsize()), which decides where its buffered loops split. */
const BUFSIZE = 8192;

/**
 * How NumPy 2.4's nditer runs one reduction (reduction.c's flags: buffered,
 * external loop, grow-inner, strides never negated), ported from
 * nditer_constr.c so that float sums split where NumPy's do:
 *  - axis order: an insertion sort in which an axis moves inward only if
 *    every operand with nonzero strides on both axes agrees (C order wins
 *    conflicts); the result NumPy allocates does not vote, a user out does;
 *  - coalescing of neighbouring axes that every operand walks as one;
 *  - npyiter_find_buffering_setup: the "core" (innermost axes walked in one
 *    stride) and whether the loop is called once per core ("reduce" mode)
 *    or once per buffer of up to 8192 elements. A broadcast mask, a cast or
 *    a layout that needs a copy makes NumPy buffer, and one buffer may span
 *    several rows that reduce into the same element.
 */
interface Plan {
  /** Every axis, innermost first, in NumPy's order. */
  perm: number[];
  /** Coalesced axes, innermost first: length and byte strides of [out, input, mask]. */
  dims: { n: number; s: number[] }[];
  /** Calls are cores of this many elements in reduce mode… */
  core: number;
  reduce: boolean;
  /** …else chunks of `bufsize` elements within blocks of `block`. */
  bufsize: number;
  block: number;
}

/**
 * NumPy's iterator axis order (npyiter_find_best_axis_ordering), innermost
 * first: a stable insertion sort in which an axis moves inward only if
 * every operand with nonzero strides on both axes agrees, so C order wins
 * conflicts between operands.
 */
function numpyOrder(nd: number, ops: readonly (readonly number[])[]): number[] {
  const perm: number[] = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  for (let i0 = 1; i0 < nd; i0++) {
    const ax0 = perm[i0]!;
    let ipos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const ax1 = perm[i1]!;
      let ambig = true;
      let swap = false;
      for (const s of ops) {
        if (s[ax0] !== 0 && s[ax1] !== 0) {
          if (Math.abs(s[ax1]!) <= Math.abs(s[ax0]!)) swap = false;
          else if (ambig) swap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (swap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      perm.splice(i0, 1);
      perm.splice(ipos, 0, ax0);
    }
  }
  return perm;
}

/** Strides NumPy's iterator gives an array it allocates over `shape` in axis order `perm` (innermost first); length-1 axes 0. */
function stridesInOrder(shape: readonly number[], perm: readonly number[], itemsize: number): number[] {
  const st = shape.map(() => 0);
  let s = itemsize;
  for (const ax of perm) {
    if (shape[ax] !== 1) st[ax] = s;
    s *= shape[ax]!;
  }
  return st;
}

function numpyPlan(a: NDArray, axes: readonly number[], mask: NDArray | null, userOut: UserOut | null, castIn: boolean): Plan {
  const nd = a.ndim;
  const shape = a.shape;
  const z = (s: readonly number[]): number[] => s.map((x, i) => (shape[i] === 1 ? 0 : x));
  const ins = z(a.strides);
  const off = mask === null ? 0 : nd - mask.ndim;
  const ms = mask === null ? null : shape.map((n, i) => (i < off || n === 1 || mask.shape[i - off] === 1 ? 0 : mask.strides[i - off]!));
  const outs = userOut ? z(userOut.strides) : shape.map(() => 0);
  const ops = ms === null ? [outs, ins] : [outs, ins, ms];
  const perm = numpyOrder(nd, ops);
  if (!userOut) {
    // NumPy allocates the result in its iteration order.
    let st = 1;
    for (const ax of perm) {
      if (axes.includes(ax)) continue;
      outs[ax] = shape[ax] === 1 ? 0 : st;
      st *= shape[ax]!;
    }
  }
  const dims: { n: number; s: number[] }[] = [];
  for (const ax of perm) {
    const n = shape[ax]!;
    const s = ops.map((o) => o[ax]!);
    const last = dims[dims.length - 1];
    if (last !== undefined && s.every((b, q) => (last.n === 1 && last.s[q] === 0) || (n === 1 && b === 0) || last.s[q]! * last.n === b)) {
      last.s = last.s.map((x, q) => (x === 0 ? s[q]! : x));
      last.n *= n;
    } else dims.push({ n, s });
  }
  if (dims.length === 0) dims.push({ n: 1, s: ops.map(() => 0) });
  // npyiter_find_buffering_setup.
  const cast = ops.map((_, q) => (q === 0 ? (userOut?.cast ?? false) : q === 1 ? castIn : false));
  const reduceOp = ops.map((_, q) => q === 0 && axes.length > 0);
  let cost = 1 + cast.filter(Boolean).length;
  const single = ops.map(() => 1);
  const reduceOuter = ops.map(() => 0);
  let outerReduce = 0;
  let size = dims[0]!.n;
  let bestDim = 0;
  let bestCost = cost;
  let bestSize = size;
  let bestCore = 1;
  for (let idim = 1; idim < dims.length; idim++) {
    if (outerReduce !== 0) break;
    if (size >= BUFSIZE && cost > 1) break;
    const prev = dims[idim - 1]!;
    const cur = dims[idim]!;
    for (let q = 0; q < ops.length; q++) {
      if (single[q] === idim) {
        if (prev.s[q]! * prev.n === cur.s[q]) {
          single[q]!++;
          continue;
        }
        if (!cast[q]) cost++;
      }
      if (reduceOp[q] && (cur.s[q] === 0 || prev.s[q] === 0)) {
        reduceOuter[q] = idim;
        outerReduce = idim;
      }
    }
    const core = size;
    size *= cur.n;
    if (size === 0) break;
    const buf = size > BUFSIZE && cost > 1 ? BUFSIZE : size;
    if (cost * bestSize <= bestCost * buf) {
      bestCost = cost;
      bestCore = core;
      bestSize = size;
      bestDim = idim;
    }
  }
  const reduce = outerReduce !== 0 && bestDim === outerReduce;
  let buffered = false;
  for (let q = 0; q < ops.length; q++) {
    let isReduce = false;
    if (reduce) {
      if (reduceOuter[q] === bestDim) isReduce = true;
      else if (single[q] === bestDim && !cast[q]) isReduce = true;
      else if (dims[outerReduce]!.s[q] === 0 && single[q]! <= bestDim) isReduce = true;
    }
    if (cast[q] || single[q]! + (isReduce ? 1 : 0) <= bestDim) buffered = true;
  }
  const block = bestSize;
  // A buffered core always fits in the buffer (the search stops growing it past 8192), so this is never 0.
  const bufsize = buffered && BUFSIZE < bestSize ? Math.max(bestCore, bestCore * Math.floor(BUFSIZE / bestCore)) : bestSize;
  return { perm, dims, core: bestCore, reduce, bufsize, block };
}

/** Whether planReduction's nest is NumPy's: the same axes in the same order, and NumPy's loop called once per innermost row. */
function sameNest(plan: Plan, a: NDArray, full: readonly number[]): boolean {
  const p = planReduction(a.shape, a.strides, full);
  const d = plan.dims;
  if (p.shape.length === 0) return d.length === 1 && d[0]!.n === 1;
  if (p.shape.length !== d.length) return false;
  for (let q = 0; q < d.length; q++) {
    const r = d.length - 1 - q;
    if (p.shape[r] !== d[q]!.n || p.strides[0]![r] !== d[q]!.s[1] || (p.strides[1]![r] === 0) !== (d[q]!.s[0] === 0)) return false;
  }
  if (d[0]!.s[0] !== 0) return true; // element-wise accumulation: only the order counts
  return plan.reduce ? plan.core === d[0]!.n : plan.block === d[0]!.n && plan.bufsize >= d[0]!.n;
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
      i32[base + 1] = item;
      i32[base + 2] = 0;
      fn(o, tb + from * item, table, 1);
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

/**
 * The reduction's loop nest: planLoops' rules (drop length-1 axes, order
 * outer to inner by the input's stride magnitude, merge axes both operands
 * walk as one) except that no axis is flipped, because NumPy's reduction
 * iterator keeps the logical order and the order of additions decides the
 * float result.
 */
function planReduction(shape: readonly number[], ins: readonly number[], outs: readonly number[]): { shape: number[]; strides: number[][]; offsets: number[] } {
  const axes: number[] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) axes.push(i);
  axes.sort((x, y) => Math.abs(ins[y]!) - Math.abs(ins[x]!) || Math.abs(outs[y]!) - Math.abs(outs[x]!) || x - y);
  const ps: number[] = [];
  const is: number[] = [];
  const os: number[] = [];
  for (const ax of axes) {
    const n = shape[ax]!;
    const last = ps.length - 1;
    if (last >= 0 && is[last] === ins[ax]! * n && os[last] === outs[ax]! * n) {
      ps[last]! *= n;
      is[last] = ins[ax]!;
      os[last] = outs[ax]!;
    } else {
      ps.push(n);
      is.push(ins[ax]!);
      os.push(outs[ax]!);
    }
  }
  return { shape: ps, strides: [is, os], offsets: [0, 0] };
}

/** Finishes a reduction: casts to the result dtype and restores reduced axes for keepdims. */
function finish(r: NDArray, result: DType, a: NDArray, axes: readonly number[], keepdims: boolean): NDArray {
  let out = r;
  if (r.dtype !== result) {
    out = emptyArray(r.shape, result);
    castInto(out, r);
    r.dispose();
  }
  if (!keepdims) return out;
  const shape = a.shape.map((n, i) => (axes.includes(i) ? 1 : n));
  const v = makeView(out, shape, stridesFor(shape, out.itemsize, "C"), out.offset);
  out.dispose();
  return v;
}

/**
 * Finishes into `out` when given: the result (`r`, reduced shape, loop
 * dtype) is rounded to the reduction's dtype as NumPy's loop would, then
 * cast into out unsafely. `r` is disposed either way.
 */
function finishInto(r: NDArray, result: DType, a: NDArray, axes: readonly number[], keepdims: boolean, out: NDArray | undefined): NDArray {
  if (out === undefined) return finish(r, result, a, axes, keepdims);
  let v = r;
  let dst = out;
  try {
    if (r.dtype !== result) {
      v = emptyArray(r.shape, result);
      castInto(v, r);
    }
    if (keepdims) {
      const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
      dst = makeView(out, r.shape, kept.map((i) => out.strides[i]!), out.offset);
    }
    castInto(dst, v);
    return out;
  } finally {
    if (dst !== out) dst.dispose();
    if (v !== r) v.dispose();
    r.dispose();
  }
}

/** NumPy's default accumulator dtype of sum, prod, cumsum and cumprod. */
function sumDType(d: DType): DType {
  const t = DTYPES[d];
  if (d === "bool" || (t.kind === "i" && t.itemsize < 8)) return "int64";
  if (t.kind === "u" && t.itemsize < 8) return "uint64";
  return d;
}

function loopOf(op: Op, d: DType): DType {
  if (d === "float16" && (op === "sum" || op === "prod")) return "float16";
  if (d === "float16" || d === "bfloat16") return "float32";
  if (d === "bool" && (op === "sum" || op === "prod")) return "bool";
  return d;
}

function withInput<T>(x: ArrayLike, f: (a: NDArray) => T): T {
  const a = asarray(x);
  try {
    return f(a);
  } finally {
    if (a !== x) a.dispose();
  }
}

/** NumPy's ufunc behind each reduction, as its messages name it. */
const UFUNC: Readonly<Record<"sum" | "prod" | "max" | "min", string>> = { sum: "add", prod: "multiply", max: "maximum", min: "minimum" };

/** A user `out`: alive and writeable (NumPy checks this before anything else). */
function checkedOut(out: NDArray | undefined, fn: string): NDArray | undefined {
  if (out === undefined) return undefined;
  out.address(fn);
  if (!out.flags.writeable) throw new ValueError("output array is read-only");
  return out;
}

/**
 * Runs `f` with the `where=` mask as a bool array (null for none or
 * `true`). NumPy casts the mask to bool under 'safe', so only bool arrays
 * pass (TypeError otherwise), before the axes are even looked at.
 */
function withWhere<T>(where: ArrayLike | undefined, f: (mask: NDArray | null) => T): T {
  if (where === undefined || where === true) return f(null);
  const m = asarray(where);
  try {
    if (m.dtype !== "bool") {
      // NumPy words a 0-d mask as a scalar.
      if (m.ndim === 0) throw new DTypeError(`Cannot cast scalar from ${dtypeRepr(m.dtype)} to dtype('bool') according to the rule 'safe'`);
      throw castingError(m.dtype, "bool", "safe");
    }
    return f(m);
  } finally {
    if (m !== where) m.dispose();
  }
}

/** NumPy's convert_shape_to_string: negative entries are newaxis, leading ones are dropped. */
function shapeText(dims: readonly number[], ending: string): string {
  let i = 0;
  while (i < dims.length && dims[i]! < 0) i++;
  if (i === dims.length) return `()${ending}`;
  const parts = dims.slice(i).map((n) => (n < 0 ? "newaxis" : String(n)));
  return `(${parts.join(",")}${dims.length === 1 ? ",)" : ")"}${ending}`;
}

/**
 * The operand checks of NumPy's reduction iterator over (out, input,
 * where), in its order and words: out's rank; one broadcast pass (out's
 * axes mapped onto the input's, reduced ones as newaxis unless keepdims);
 * then, innermost axis first, out's length-1 axes that would need a
 * reduction, keepdims axes that are not length 1, and input axes the
 * others would stretch (a reduction never broadcasts its input).
 */
function checkOperands(ufunc: string, a: NDArray, axes: readonly number[], keepdims: boolean, out: NDArray | undefined, mask: NDArray | null): void {
  const nd = a.ndim;
  if (out !== undefined) {
    const want = keepdims ? nd : nd - axes.length;
    if (out.ndim !== want) {
      throw new ValueError(
        `output parameter for reduction operation ${ufunc} has the wrong number of dimensions: Found ${out.ndim} but expected ${want}` +
          (keepdims ? " (must match the operand's when keepdims=True)" : ""),
      );
    }
  }
  if (out === undefined && mask === null) return;
  const outAxis: number[] = [];
  for (let i = 0, j = 0; i < nd; i++) outAxis.push(keepdims ? i : axes.includes(i) ? -1 : j++);
  const bshape = new Array<number>(nd).fill(1);
  const broadcastError = (): ValueError => {
    let text = "";
    if (out !== undefined) text += shapeText(out.shape, "->") + shapeText(outAxis.map((k) => (k < 0 ? -1 : out.shape[k]!)), " ");
    text += shapeText(a.shape, " ");
    if (mask !== null) text += shapeText(mask.shape, " ");
    return new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${text}`);
  };
  const merge = (i: number, n: number): void => {
    if (bshape[i] === 1) bshape[i] = n;
    else if (n !== 1 && n !== bshape[i]) throw broadcastError();
  };
  if (out !== undefined) for (let i = 0; i < nd; i++) if (outAxis[i]! >= 0) merge(i, out.shape[outAxis[i]!]!);
  for (let i = 0; i < nd; i++) merge(i, a.shape[i]!);
  if (mask !== null) {
    if (mask.ndim > nd) throw new ValueError("input operand has more dimensions than allowed by the axis remapping");
    for (let k = 0; k < mask.ndim; k++) merge(nd - mask.ndim + k, mask.shape[k]!);
  }
  for (let i = nd - 1; i >= 0; i--) {
    if (out !== undefined && outAxis[i]! >= 0) {
      const n = out.shape[outAxis[i]!]!;
      if (axes.includes(i)) {
        if (n !== 1) throw new ValueError(`operand was set up as a reduction along axis ${i}, but the length of the axis is ${n} (it has to be 1)`);
      } else if (n === 1 && bshape[i] !== 1) {
        throw new ValueError(
          `output operand requires a reduction along dimension ${outAxis[i]}, but the reduction is not enabled. ` +
            "The dimension size of 1 does not match the expected output shape.",
        );
      }
    }
    if (a.shape[i] === 1 && bshape[i] !== 1) {
      throw new ValueError(`non-broadcastable operand with shape ${formatShape(a.shape)} doesn't match the broadcast shape ${formatShape(bshape)}`);
    }
  }
}

/** A user out as NumPy's iterator sees it: byte strides over the input's axes (0 on reduced ones) and whether it casts. */
function outInfo(out: NDArray | undefined, a: NDArray, axes: readonly number[], keepdims: boolean, result: DType): UserOut | null {
  if (out === undefined) return null;
  const v: number[] = [];
  for (let i = 0, j = 0; i < a.ndim; i++) {
    if (keepdims) v.push(axes.includes(i) ? 0 : out.strides[i]!);
    else v.push(axes.includes(i) ? 0 : out.strides[j++]!);
  }
  return { strides: v, cast: out.dtype !== result };
}

/**
 * `initial` as NumPy starts the reduction with it: stored into the
 * reduction dtype `d` as a Python scalar (OverflowError and ValueError as
 * `toStored`), then assigned to out (a cast to out's dtype) and read back.
 */
function startValue(v: Scalar, d: DType, out: NDArray | undefined): Scalar {
  const s = full([], v, { dtype: d });
  try {
    if (out === undefined || out.dtype === d) return s.item();
    const o = s.astype(out.dtype);
    const back = o.astype(d);
    o.dispose();
    const x = back.item();
    back.dispose();
    return x;
  } finally {
    s.dispose();
  }
}

function sumLike(op: "sum" | "prod", x: ArrayLike, opts?: ReduceOptions): NDArray {
  const out = checkedOut(opts?.out, op);
  return withInput(x, (a) =>
    withWhere(opts?.where, (mask) => {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const keepdims = opts?.keepdims ?? false;
      checkOperands(UFUNC[op], a, axes, keepdims, out, mask);
      // With out and no dtype=, NumPy promotes the input with out's dtype (no int64 widening).
      const result =
        opts?.dtype !== undefined ? checkDType(opts.dtype) : out !== undefined ? promoteTypes(out.dtype, a.dtype) : sumDType(a.dtype);
      // Summing bools as bool is logical or (NumPy's add on bool), a product logical and.
      const loop = loopOf(op, result);
      const kop: Op = loop === "bool" ? (op === "sum" ? "max" : "min") : op;
      const init = opts?.initial === undefined || opts.initial === null ? null : startValue(opts.initial, result, out);
      const r = reduceInto(kop, a, axes, loop, { init, mask, out: outInfo(out, a, axes, keepdims, result), numpyLoop: result });
      return finishInto(r, result, a, axes, keepdims, out);
    }),
  );
}

/**
 * Sum over `axis` (all axes by default) with NumPy's pairwise summation for
 * floats and NumPy's accumulators (int64 for bool and signed, uint64 for
 * unsigned integers). `initial` starts every sum, `where` selects the
 * elements, `out` receives the result (and is returned).
 * @example sum(array([[1, 2], [3, 4]]), { axis: 0 }).toArray() // [4n, 6n]
 * @example sum(array([1, 2, 3]), { where: [true, false, true], initial: 10 }).item() // 14n
 */
export function sum(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return sumLike("sum", x, opts);
}

/**
 * Product over `axis`, sequential as NumPy's, with sum's accumulator
 * dtypes and options (`initial`, `where`, `out`).
 * @example prod(array([2, 3])).item() // 6n
 * @example prod(array([2, 3]), { initial: 2 }).item() // 12n
 */
export function prod(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return sumLike("prod", x, opts);
}

function count(a: NDArray, axes: readonly number[]): number {
  let n = 1;
  for (const ax of axes) n *= a.shape[ax]!;
  return n;
}

/**
 * Divides `r` by the count in place, as NumPy's `true_divide(ret, rcount,
 * out=ret, casting='unsafe')`: the count is a strong intp there, so the
 * quotient is computed in float64 and cast back (float16 inf / n stays inf).
 * A count array (from `where=`) of r's size divides element by element.
 */
function divideInPlace(r: NDArray, n: number | NDArray): NDArray {
  let c: NDArray;
  if (typeof n === "number") {
    if (r.dtype === "float64") {
      divide(r, n, { out: r });
      return r;
    }
    // A fractional ddof makes NumPy's count a float64.
    c = array(n, { dtype: Number.isInteger(n) ? "int64" : "float64" });
  } else c = n.reshape(r.shape);
  try {
    if (r.dtype === "float64") divide(r, c, { out: r });
    else {
      const q = divide(r, c);
      try {
        castInto(r, q);
      } finally {
        q.dispose();
      }
    }
    return r;
  } finally {
    if (c !== n) c.dispose();
  }
}

/**
 * The number of elements each output reduces, as NumPy's
 * `_count_reduce_items`: a number without a mask, else an int64 array
 * (the mask broadcast to the input first, with NumPy's broadcast_to
 * errors, then summed over the axes).
 */
function countOf(a: NDArray, axis: ReduceOptions["axis"], where: ArrayLike | undefined, keepdims: boolean): number | NDArray {
  if (where === undefined || where === true) {
    // NumPy normalises each axis here (normalize_axis_index), which a 0-d array fails; the ufunc path lets 0 and -1 through.
    if (a.ndim === 0 && axis !== null && axis !== undefined) {
      const list = typeof axis === "number" ? [axis] : axis;
      if (list.length > 0) throw new AxisError(list[0]!, 0);
    }
    return count(a, reducedAxes(a.ndim, axis));
  }
  const w = asarray(where);
  try {
    const b = broadcastTo(w, a.shape);
    try {
      return sum(b, { axis, keepdims, dtype: "int64" });
    } finally {
      b.dispose();
    }
  } finally {
    if (w !== where) w.dispose();
  }
}

function disposeCount(c: number | NDArray): void {
  if (typeof c !== "number") c.dispose();
}

/**
 * Arithmetic mean over `axis`: integers and bools in float64, float16 in
 * float32 (result float16), others in their own dtype, as NumPy's `mean`.
 * With `where`, each output divides by its own count of selected elements;
 * the mean of nothing is NaN (NumPy also warns). With `out`, the sum is
 * cast into out and divided there, as NumPy does.
 * @example mean(array([1, 2, 3, 4])).item() // 2.5
 * @example mean(array([[1, 2], [3, 5]]), { axis: 1, where: [[true, true], [false, true]] }).toArray() // [1.5, 5]
 */
export function mean(x: ArrayLike, opts?: Omit<ReduceOptions, "initial">): NDArray {
  return withInput(x, (a) => {
    const n = countOf(a, opts?.axis, opts?.where, opts?.keepdims ?? false);
    try {
      let dtype = opts?.dtype;
      let f16: DType | null = null;
      if (dtype === undefined) {
        const k = DTYPES[a.dtype].kind;
        if (k === "b" || k === "i" || k === "u") dtype = "float64";
        else if (a.dtype === "float16" || a.dtype === "bfloat16") {
          dtype = "float32";
          f16 = a.dtype;
        } else dtype = a.dtype;
      }
      const out = opts?.out;
      const s = sum(a, { axis: opts?.axis, keepdims: opts?.keepdims, dtype, where: opts?.where, out });
      try {
        divideInPlace(s, n);
      } catch (e) {
        if (s !== out) s.dispose();
        throw e;
      }
      if (f16 === null || out !== undefined) return s;
      const r = s.astype(f16);
      s.dispose();
      return r;
    } finally {
      disposeCount(n);
    }
  });
}

/**
 * An uninitialised array for `_var`'s `arr - arrmean`, laid out as NumPy's
 * ufunc allocates it: in its iterator's order over arr and arrmean, where
 * arrmean is laid out in the order of the sum that made it. The next sum's
 * float result depends on that layout (it decides how NumPy's loop walks
 * and splits the rows).
 */
function deviationsArray(a: NDArray, axes: readonly number[], where: ArrayLike | undefined, d: DType): NDArray {
  const nd = a.ndim;
  const z = (s: readonly number[]): number[] => s.map((x, i) => (a.shape[i] === 1 ? 0 : x));
  const ops: number[][] = [z(a.strides)];
  if (where !== undefined && where !== true) {
    const w = asarray(where);
    const off = nd - w.ndim;
    ops.push(a.shape.map((n, i) => (i < off || n === 1 || w.shape[i - off] === 1 ? 0 : w.strides[i - off]!)));
    if (w !== where) w.dispose();
  }
  const meanShape = a.shape.map((n, i) => (axes.includes(i) ? 1 : n));
  const meanStrides = stridesInOrder(meanShape, numpyOrder(nd, ops), 1);
  const strides = stridesInOrder(a.shape, numpyOrder(nd, [z(a.strides), meanStrides]), DTYPES[d].itemsize);
  const block = emptyArray([a.size], d);
  const r = new NDArray(block._mem, d, a.shape, strides, 0, null, true);
  block.dispose();
  return r;
}

/**
 * Variance over `axis` with divisor N - ddof, computed as NumPy's `_var`:
 * mean (kept dims), deviations, squares, their sum, divided. With `where`,
 * N is each output's count of selected elements (NaN where N - ddof <= 0).
 * @example variance(array([1, 2, 3, 4])).item() // 1.25
 * @example variance(array([1, 2, 3, 10]), { where: [true, true, true, false] }).item() // 0.6666666666666666
 */
export function variance(x: ArrayLike, opts?: VarOptions): NDArray {
  return withInput(x, (a) => {
    const where = opts?.where;
    const keepdims = opts?.keepdims ?? false;
    const n = countOf(a, opts?.axis, where, true);
    try {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const ddof = opts?.ddof ?? 0;
      let dtype = opts?.dtype;
      const k = DTYPES[a.dtype].kind;
      if (dtype === undefined && (k === "b" || k === "i" || k === "u")) dtype = "float64";
      const m = sum(a, { axis: axes, keepdims: true, dtype, where });
      let dev: NDArray;
      try {
        divideInPlace(m, n);
        dev = deviationsArray(a, axes, where, resultType(a, m));
        try {
          subtract(a, m, { out: dev });
        } catch (e) {
          dev.dispose();
          throw e;
        }
      } finally {
        m.dispose();
      }
      let r: NDArray;
      try {
        square(dev, { out: dev });
        r = sum(dev, { axis: axes, keepdims, dtype, where });
      } finally {
        dev.dispose();
      }
      try {
        if (typeof n === "number") return divideInPlace(r, Math.max(n - ddof, 0));
        // NumPy's maximum(rcount - ddof, 0): int64, or float64 for a fractional ddof.
        const less = subtract(n, ddof);
        try {
          maximum(less, 0, { out: less });
          return divideInPlace(r, less);
        } finally {
          less.dispose();
        }
      } catch (e) {
        r.dispose();
        throw e;
      }
    } finally {
      disposeCount(n);
    }
  });
}

/**
 * Standard deviation: the square root of `variance` (same options, `where` included).
 * @example std(array([1, 2, 3, 4])).item() // 1.118033988749895
 * @example std(array([1, 3, 100]), { where: [true, true, false] }).item() // 1
 */
export function std(x: ArrayLike, opts?: VarOptions): NDArray {
  const v = variance(x, opts);
  if (DTYPES[v.dtype].kind === "f") return sqrt(v, { out: v });
  const r = sqrt(v);
  v.dispose();
  return r;
}

function minMax(op: "max" | "min", x: ArrayLike, opts?: ReduceOptions): NDArray {
  const out = checkedOut(opts?.out, op);
  return withInput(x, (a) =>
    withWhere(opts?.where, (mask) => {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const keepdims = opts?.keepdims ?? false;
      const ufunc = UFUNC[op];
      checkOperands(ufunc, a, axes, keepdims, out, mask);
      const initial = opts?.initial ?? null;
      if (mask !== null && initial === null) {
        throw new ValueError(`reduction operation '${ufunc}' does not have an identity, so to use a where mask one has to specify 'initial'`);
      }
      const result = out !== undefined ? promoteTypes(out.dtype, a.dtype) : a.dtype;
      let init: Scalar | null = null;
      let firstVia: DType | null = null;
      if (initial !== null) init = startValue(initial, result, out);
      else {
        if (count(a, axes) === 0) throw new ValueError(`zero-size array to reduction operation ${ufunc} which has no identity`);
        // Only an out that cannot hold every input value changes what the first element is.
        if (out !== undefined && !canCast(a.dtype, out.dtype, "safe")) firstVia = out.dtype;
      }
      const loop = loopOf(op, result);
      const r = reduceInto(op, a, axes, loop, { init, mask, firstVia, out: outInfo(out, a, axes, keepdims, result), numpyLoop: result });
      return finishInto(r, result, a, axes, keepdims, out);
    }),
  );
}

/**
 * Largest element over `axis`; NaN propagates. Without `initial`, an empty
 * reduction raises NumPy's ValueError and so does any `where` mask;
 * `initial` is a floor every output starts from. `out` as in `sum`.
 * @example max(array([[1, 5], [7, 2]]), { axis: 1 }).toArray() // [5n, 7n]
 * @example max(zeros([0, 2]), { axis: 0, initial: -1 }).toArray() // [-1, -1]
 */
export function max(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return minMax("max", x, opts);
}
/**
 * Smallest element over `axis` (see `max`; `initial` is a ceiling).
 * @example min(array([4, 9, 1]), { where: [true, true, false], initial: 100 }).item() // 4n
 */
export function min(x: ArrayLike, opts?: ReduceOptions): NDArray {
  return minMax("min", x, opts);
}

function anyAll(op: "max" | "min", x: ArrayLike, opts?: Omit<ReduceOptions, "dtype" | "initial" | "out">): NDArray {
  return withInput(x, (a) =>
    withWhere(opts?.where, (mask) => {
      const axes = reducedAxes(a.ndim, opts?.axis);
      const keepdims = opts?.keepdims ?? false;
      checkOperands(op === "max" ? "logical_or" : "logical_and", a, axes, keepdims, undefined, mask);
      return finish(reduceInto(op, a, axes, "bool", { mask }), "bool", a, axes, keepdims);
    }),
  );
}

/**
 * True where any element over `axis` is nonzero (NaN counts as nonzero);
 * false for empty or where `where` selects nothing.
 * @example any(array([0, 0, 3]), { where: [true, true, false] }).item() // false
 */
export function any(x: ArrayLike, opts?: Omit<ReduceOptions, "dtype" | "initial" | "out">): NDArray {
  return anyAll("max", x, opts);
}
/**
 * True where every element over `axis` is nonzero; true for empty or where
 * `where` selects nothing.
 * @example all(array([1, 0, 3]), { where: [true, false, true] }).item() // true
 */
export function all(x: ArrayLike, opts?: Omit<ReduceOptions, "dtype" | "initial" | "out">): NDArray {
  return anyAll("min", x, opts);
}

/** The dtype the arg and accumulate kernels read for `d` (half types compare and add in float32, bool as uint8). */
function rowDType(d: DType): DType {
  if (d === "float16" || d === "bfloat16") return "float32";
  if (d === "bool") return "uint8";
  return d;
}

/** `a` with `axis` moved last, copied C-contiguous in dtype `d` (or flattened for axis null). */
function rowsOf(a: NDArray, axis: number | null, d: DType): NDArray {
  const v = axis === null ? a.reshape([-1]) : moveaxis(a, axis, -1);
  try {
    const t = emptyArray(v.shape, d);
    if (d === v.dtype) copyFrom(t, v);
    else if (v.dtype === "bool" && d === "uint8") copyFrom(t.view("bool"), v);
    else castInto(t, v);
    return t;
  } finally {
    if (v !== a) v.dispose();
  }
}

function argReduce(op: "argmax" | "argmin", x: ArrayLike, opts?: AxisOptions): NDArray {
  return withInput(x, (a) => {
    const axis = opts?.axis === null || opts?.axis === undefined || a.ndim === 0 ? null : reducedAxes(a.ndim, opts.axis)[0]!;
    if (a.ndim === 0 && opts?.axis !== null && opts?.axis !== undefined) reducedAxes(0, opts.axis);
    const n = axis === null ? a.size : a.shape[axis]!;
    if (n === 0) throw new ValueError(`attempt to get ${op} of an empty sequence`);
    const d = rowDType(a.dtype);
    const rows = rowsOf(a, axis, d);
    try {
      const outShape = axis === null ? [] : a.shape.filter((_, i) => i !== axis);
      const out = emptyArray(outShape, "int64");
      if (out.size > 0) {
        kernel<(o: number, a: number, rows: number, n: number) => void>(`${op}_${d}`)(out.address(op), rows.address(op), out.size, n);
      }
      if (!opts?.keepdims) return out;
      const shape = axis === null ? a.shape.map(() => 1) : a.shape.map((s, i) => (i === axis ? 1 : s));
      const v = makeView(out, shape, stridesFor(shape, 8, "C"), 0);
      out.dispose();
      return v;
    } finally {
      rows.dispose();
    }
  });
}

/** Index of the first maximum along `axis` (of the flattened array by default); a NaN wins. @example argmax(array([1, 9, 9])).item() // 1n */
export function argmax(x: ArrayLike, opts?: AxisOptions): NDArray {
  return argReduce("argmax", x, opts);
}
/** Index of the first minimum (see `argmax`). */
export function argmin(x: ArrayLike, opts?: AxisOptions): NDArray {
  return argReduce("argmin", x, opts);
}

function accumulate(op: "cumsum" | "cumprod", x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return withInput(x, (a) => {
    const axis = opts?.axis === null || opts?.axis === undefined || a.ndim === 0 ? null : reducedAxes(a.ndim, opts.axis)[0]!;
    if (a.ndim === 0 && opts?.axis !== null && opts?.axis !== undefined) reducedAxes(0, opts.axis);
    const result = opts?.dtype !== undefined ? checkDType(opts.dtype) : sumDType(a.dtype);
    const rk = DTYPES[result].kind;
    const loop: DType = rk === "f" ? (result === "float64" || result === "float16" ? result : "float32") : "int64";
    const shape = axis === null ? [a.size] : a.shape;
    const rows = rowsOf(a, axis, loop);
    try {
      const n = rows.shape.length === 0 ? 1 : rows.shape[rows.ndim - 1]!;
      if (rows.size > 0) {
        kernel<(o: number, a: number, rows: number, n: number) => void>(`${op}_${loop}`)(
          rows.address(op),
          rows.address(op),
          rows.size / n,
          n,
        );
      }
      const out = emptyArray(shape, result);
      const back = axis === null ? rows : moveaxis(rows, -1, axis);
      try {
        if (result === "bool") castInto(out, back);
        else if (back.dtype === result) copyFrom(out, back);
        else castInto(out, back);
      } finally {
        if (back !== rows) back.dispose();
      }
      return out;
    } finally {
      rows.dispose();
    }
  });
}

/**
 * Running sum along `axis` (of the flattened array by default), with sum's
 * accumulator dtypes; sequential, as NumPy's. float16 accumulates in float32.
 * @example cumsum(array([1, 2, 3])).toArray() // [1n, 3n, 6n]
 */
export function cumsum(x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return accumulate("cumsum", x, opts);
}
/** Running product along `axis` (see `cumsum`). */
export function cumprod(x: ArrayLike, opts?: { axis?: number | null | undefined; dtype?: DType | undefined }): NDArray {
  return accumulate("cumprod", x, opts);
}

// Re-exported for NDArray's methods: `var` is a reserved word in JS.
export { variance as var_ };
