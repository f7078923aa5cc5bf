// NumPy's order of operations in a reduction, as plans over shapes and
// strides; src/ops/reduce-into.ts runs the kernels over them.
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
// planReduction (planLoops' rules) over (input, output-with-zero-strides)
// produces exactly that nest, and assembly/reduce/ runs both shapes of it
// (the second with SIMD into the output row, so axis 0 is as fast as the
// last axis). That is NumPy's order whenever its iterator needs no buffers,
// which covers every C-contiguous input in its own dtype.
//
// Elsewhere NumPy's buffered iterator decides where its loop calls start
// and end, and a float sum is a sum of per-call pairwise sums: a cast
// (`dtype=`) is summed in 8192-element buffers, a layout no single stride
// walks (negative strides, a broadcast mask) is copied into buffers that
// can span several rows reducing into one element. numpyPlan ports that
// setup (axis order, coalescing, npyiter_find_buffering_setup) and, where
// it differs from the direct nest, orderedReduce (reduce-into.ts) copies
// the input into NumPy's iteration order and runs the kernel once per
// NumPy loop call, so float sums and means stay bit-identical to NumPy's.

import { denseStrides, iteratorOrder } from "../../core/layout.js";
import type { NDArray } from "../../core/ndarray.js";

/**
 * @internal A user `out` as NumPy's iterator sees it.
 * @example const o: UserOut = { strides: [8, 0], cast: false }; // out of shape [n], an (n, m) input reduced over axis 1
 */
export interface UserOut {
  strides: readonly number[];
  cast: boolean;
}

/** NumPy's default buffer size (np.getbufsize()), which decides where its buffered loops split. */
const BUFSIZE = 8192;

/**
 * @internal How NumPy 2.4's nditer runs one reduction (reduction.c's
 * flags: buffered, external loop, grow-inner, strides never negated),
 * ported from nditer_constr.c so that float sums split where NumPy's do:
 *  - axis order: an insertion sort in which an axis moves inward only if
 *    every operand with nonzero strides on both axes agrees (C order wins
 *    conflicts); the result NumPy allocates does not vote, a user out does;
 *  - coalescing of neighbouring axes that every operand walks as one;
 *  - npyiter_find_buffering_setup: the "core" (innermost axes walked in one
 *    stride) and whether the loop is called once per core ("reduce" mode)
 *    or once per buffer of up to 8192 elements. A broadcast mask, a cast or
 *    a layout that needs a copy makes NumPy buffer, and one buffer may span
 *    several rows that reduce into the same element.
 * @example numpyPlan(zeros([4, 3]), [1], null, null, false).core // 3: one call per row
 */
export interface Plan {
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
 * @internal The strides NumPy's iterator orders a reduction's axes by: the
 * input's, and a `where` mask's broadcast over the input's axes; 0 on
 * length-1 axes (the iterator zeroes them, so they never vote).
 * @example iterStrides(zeros([2, 1]), null) // [[8, 0]]
 */
export function iterStrides(a: NDArray, mask: NDArray | null): number[][] {
  const shape = a.shape;
  const ins = a.strides.map((x, i) => (shape[i] === 1 ? 0 : x));
  if (mask === null) return [ins];
  const off = a.ndim - mask.ndim;
  return [ins, shape.map((n, i) => (i < off || n === 1 || mask.shape[i - off] === 1 ? 0 : mask.strides[i - off]!))];
}

/**
 * @internal The layout of the array NumPy allocates for a reduction's
 * result: element strides over the keepdims shape (every axis of `a`, the
 * reduced ones of length 1), dense in the iterator's order of the input and
 * mask (the result itself does not vote). The result without keepdims is
 * this with the reduced axes dropped. A C-ordered nonempty input gives C order.
 * @example reductionLayout(asfortranarray(zeros([2, 3, 4])), [0], null) // [1, 1, 3]
 */
export function reductionLayout(a: NDArray, axes: readonly number[], mask: NDArray | null): number[] {
  const nd = a.ndim;
  const keep = a.shape.map((n, i) => (axes.includes(i) ? 1 : n));
  // An empty input is C-contiguous by its flags whatever its strides, and
  // NumPy's iterator still orders by them (np.moveaxis of an empty array).
  if (mask === null && a.isC && a.size > 0) return denseStrides(keep, 1, keep.map((_, i) => i));
  return denseStrides(keep, 1, iteratorOrder(nd, iterStrides(a, mask)).reverse());
}

/**
 * @internal NumPy's plan (see `Plan`) for reducing `a` over `axes`, with
 * an optional mask, a user out, and whether NumPy casts the input.
 * @example numpyPlan(zeros([4, 3]), [1], null, null, false).reduce // true
 */
export function numpyPlan(a: NDArray, axes: readonly number[], mask: NDArray | null, userOut: UserOut | null, castIn: boolean): Plan {
  const nd = a.ndim;
  const shape = a.shape;
  const outs = userOut ? userOut.strides.map((x, i) => (shape[i] === 1 ? 0 : x)) : shape.map(() => 0);
  const ops = [outs, ...iterStrides(a, mask)];
  const perm = iteratorOrder(nd, ops);
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

/**
 * @internal Whether planReduction's nest is NumPy's: the same axes in the
 * same order, and NumPy's loop called once per innermost row.
 * @example sameNest(numpyPlan(a, [1], null, null, false), a, [8, 0]) // true for a C-contiguous (4, 3) float64 `a`
 */
export function sameNest(plan: Plan, a: NDArray, full: readonly number[]): boolean {
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
 * @internal The reduction's loop nest: planLoops' rules (drop length-1 axes, order
 * outer to inner by the input's stride magnitude, merge axes both operands
 * walk as one) except that no axis is flipped, because NumPy's reduction
 * iterator keeps the logical order and the order of additions decides the
 * float result.
 * @example planReduction([4, 3], [24, 8], [0, 0]) // { shape: [12], strides: [[8], [0]], offsets: [0, 0] }
 */
export function planReduction(shape: readonly number[], ins: readonly number[], outs: readonly number[]): { shape: number[]; strides: number[][]; offsets: number[] } {
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
