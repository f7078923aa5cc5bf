// Shape and stride arithmetic shared by every part of the façade: NumPy's
// contiguity rules, default strides for an order, shape validation, and
// the one home of NumPy's stride-order rules: which axis order a new array
// gets (keep-order, the iterator's order, the multi-sorted order of several
// operands) and the dense strides of that order.

import { AxisError, DTypeError, IndexError, ValueError } from "./errors.js";

/** Memory order of a new array: row-major (C) or column-major (F). */
export type Order = "C" | "F";

/** Number of elements of a shape (1 for the 0-d shape `[]`). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/**
 * Byte strides of a fresh array of `shape` in `order`.
 * @example stridesFor([2, 3], 4, "C") // [12, 4]
 */
export function stridesFor(shape: readonly number[], itemsize: number, order: Order = "C"): number[] {
  const n = shape.length;
  const strides = new Array<number>(n);
  let s = itemsize;
  if (order === "C") {
    for (let i = n - 1; i >= 0; i--) {
      strides[i] = s;
      s *= Math.max(shape[i]!, 1);
    }
  } else {
    for (let i = 0; i < n; i++) {
      strides[i] = s;
      s *= Math.max(shape[i]!, 1);
    }
  }
  return strides;
}

/**
 * NumPy's contiguity rule for `order`: walking the axes from the fastest
 * (last for C, first for F), each stride equals the bytes of everything
 * faster. Axes of length 1 are ignored, and an empty array is contiguous
 * whatever its strides.
 */
function isContiguous(shape: readonly number[], strides: readonly number[], itemsize: number, order: Order): boolean {
  const n = shape.length;
  let sd = itemsize;
  let ok = true;
  for (let k = 0; k < n; k++) {
    const i = order === "C" ? n - 1 - k : k;
    const dim = shape[i]!;
    if (dim === 0) return true;
    if (dim !== 1) {
      if (strides[i] !== sd) ok = false;
      sd *= dim;
    }
  }
  return ok;
}

/** NumPy's C-contiguity rule (see `isContiguous`). */
export function isCContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return isContiguous(shape, strides, itemsize, "C");
}

/** NumPy's F-contiguity rule (see `isContiguous`). */
export function isFContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return isContiguous(shape, strides, itemsize, "F");
}

/** NumPy's limit on dimensions. */
export const MAXDIMS = 64;

const TOO_BIG = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";

/**
 * NumPy's size limit (PyArray_NewFromDescr): the product of the nonzero
 * lengths times the item size must fit an intp (2**63 - 1 bytes), so that a
 * shape whose product overflows is refused even when another axis is 0.
 * ValueError "array is too big; …" otherwise.
 * @example checkSize([0, 2 ** 60, 2 ** 60], 8) // throws: 2**120 * 8 does not fit
 */
export function checkSize(shape: readonly number[], itemsize: number): void {
  let n = itemsize;
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 0) n *= shape[i]!;
  if (n < 2 ** 62) return;
  // Near the limit a float product may round: decide exactly.
  let b = BigInt(itemsize);
  for (const d of shape) if (d !== 0) b *= BigInt(d);
  if (b > 2n ** 63n - 1n) throw new ValueError(TOO_BIG);
}

/**
 * Validates a shape argument (a number or a list of numbers) and returns it
 * as a fresh array. Negative sizes raise ValueError and non-integers the
 * TypeError (DTypeError) that NumPy raises; more than 64 dimensions,
 * a length that does not fit an intp ("Maximum allowed dimension
 * exceeded") and a size NumPy cannot address (`checkSize`, at `itemsize`,
 * default 1) raise NumPy's ValueErrors.
 * @example checkShape(3) // [3]; checkShape([2, -1]) throws "negative dimensions are not allowed"
 */
export function checkShape(shape: number | readonly number[], itemsize = 1): number[] {
  if (typeof shape === "number" && !Number.isInteger(shape)) {
    throw new DTypeError(`expected a sequence of integers or a single integer, got '${shape}'`);
  }
  const s = typeof shape === "number" ? [shape] : Array.from(shape);
  if (s.length > MAXDIMS) {
    throw new ValueError(`maximum supported dimension for an ndarray is currently ${MAXDIMS}, found ${s.length}`);
  }
  for (const d of s) {
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw new DTypeError(`'${typeof d === "number" ? "float" : typeof d}' object cannot be interpreted as an integer`);
    }
    if (d >= 2 ** 63) throw new ValueError("Maximum allowed dimension exceeded");
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  checkSize(s, itemsize);
  return s;
}

/**
 * NumPy's IndexError for an indexing result of more than 64 dimensions.
 * @example checkIndexedDims(65) // throws "number of dimensions must be within [0, 64], indexing result would have 65"
 */
export function checkIndexedDims(ndim: number): void {
  if (ndim > MAXDIMS) throw new IndexError(`number of dimensions must be within [0, ${MAXDIMS}], indexing result would have ${ndim}`);
}

/**
 * An axis argument as NumPy's `operator.index` takes it: an integer, else
 * NumPy's TypeError naming the Python type a JS value stands for.
 * @example checkIntAxis(1.5) // throws "'float' object cannot be interpreted as an integer"
 */
export function checkIntAxis(axis: unknown): number {
  if (typeof axis === "number" && Number.isInteger(axis)) return axis;
  const kind = typeof axis === "number" ? "float" : typeof axis === "string" ? "str" : typeof axis === "boolean" ? "bool" : typeof axis;
  throw new DTypeError(`'${kind}' object cannot be interpreted as an integer`);
}

/**
 * Normalises an axis argument (negative counts from the end), NumPy's AxisError otherwise.
 * @example normalizeAxis(-1, 3) // 2
 */
export function normalizeAxis(axis: number, ndim: number, prefix?: string): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim, prefix);
  return axis < 0 ? axis + ndim : axis;
}

/**
 * NumPy's broadcasting of several shapes into one, or null when they do not
 * broadcast (callers raise their own NumPy message).
 * @example broadcastShapeOf([[2, 1], [3]]) // [2, 3]
 */
export function broadcastShapeOf(shapes: readonly (readonly number[])[]): number[] | null {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!;
      const o = out[off + i]!;
      if (d === o || d === 1) continue;
      if (o === 1) out[off + i] = d;
      else return null;
    }
  }
  return out;
}

/**
 * Strides that make an array of `shape` and `strides` read as `target`
 * (stride 0 on the broadcast axes), or null when it does not broadcast.
 * @example broadcastStrides([3], [8], [2, 3]) // [0, 8]
 */
export function broadcastStrides(
  shape: readonly number[],
  strides: readonly number[],
  target: readonly number[],
): number[] | null {
  const off = target.length - shape.length;
  if (off < 0) return null;
  const out = new Array<number>(target.length).fill(0);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    if (d === target[off + i]) out[off + i] = d === 1 ? 0 : strides[i]!;
    else if (d === 1) out[off + i] = 0;
    else return null;
  }
  return out;
}

// ---- Axis orders for new arrays ----
// NumPy decides the layout of an array it allocates from its operands'
// strides, with three rules that differ in who votes on an ambiguous pair:
// `keepOrder` (stride magnitude alone), `iteratorOrder` (nditer: a zero
// stride does not vote) and `multiSortedOrder` (a length-1 axis does not
// vote). Each is an insertion sort, so ties keep C order.

/**
 * Axes outer to inner by decreasing |stride|, ties in axis order (a stable
 * sort): the order `copy(a, "K")` keeps.
 * @example keepOrder([8, 16]) // [1, 0]
 */
export function keepOrder(strides: readonly number[]): number[] {
  const perm = strides.map((_, i) => i);
  return perm.sort((x, y) => Math.abs(strides[y]!) - Math.abs(strides[x]!) || x - y);
}

/**
 * NumPy's iterator axis order (npyiter_find_best_axis_ordering), innermost
 * first: an insertion sort in which an axis moves inward only if every
 * operand with nonzero strides on both axes agrees, so C order wins
 * conflicts between operands.
 * @example iteratorOrder(2, [[8, 16]]) // [0, 1]: an F-ordered operand walks axis 0 innermost
 */
export function iteratorOrder(nd: number, ops: readonly (readonly number[])[]): number[] {
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

/**
 * NumPy's PyArray_CreateMultiSortedStridePerm, outer to inner: the axis
 * order that follows the operands' strides where they agree; a pair
 * involving a length-1 axis of an operand does not vote, and C order wins
 * every tie or conflict.
 * @example multiSortedOrder([[2, 3]], [[8, 16]]) // [1, 0]
 */
export function multiSortedOrder(shapes: readonly (readonly number[])[], strides: readonly (readonly number[])[]): number[] {
  const ndim = shapes[0]?.length ?? 0;
  const perm = Array.from({ length: ndim }, (_, i) => i);
  for (let i0 = 1; i0 < ndim; i0++) {
    let ipos = i0;
    const ax0 = perm[i0]!;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambig = true;
      let shouldSwap = false;
      const ax1 = perm[i1]!;
      for (let k = 0; k < shapes.length; k++) {
        const sh = shapes[k]!;
        const st = strides[k]!;
        if (sh[ax0] !== 1 && sh[ax1] !== 1) {
          if (Math.abs(st[ax0]!) <= Math.abs(st[ax1]!)) shouldSwap = false;
          else if (ambig) shouldSwap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldSwap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let i = i0; i > ipos; i--) perm[i] = perm[i - 1]!;
      perm[ipos] = ax0;
    }
  }
  return perm;
}

/**
 * The axis order, outer to inner, in which NumPy's iterator allocates an
 * operand in keep order (order="K": ufunc and comparison outputs, `where`):
 * its iterator order over the array operands' strides, each broadcast to
 * the result's shape (zero strides and scalars do not vote, so C wins ties
 * and conflicts). `denseStrides(shape, itemsize, perm)` lays it out.
 * @example allocationOrder(2, [[8, 32]]) // [1, 0]: an F operand gives an F result
 */
export function allocationOrder(nd: number, ops: readonly (readonly number[])[]): number[] {
  return iteratorOrder(nd, ops).reverse();
}

/**
 * The keep-order axis order of a result of `shape` over `arrays` (each
 * broadcast to it), or null for C order, answered at once when every array
 * is C-contiguous (the common case, which small calls must not pay more for).
 * Lay it out with `orderedLayout`.
 * @example keepOrderPerm([2, 3], [a.T]) // [1, 0] for a C-contiguous 3 x 2 `a`
 */
export function keepOrderPerm(
  shape: readonly number[],
  arrays: readonly { shape: readonly number[]; strides: readonly number[]; isC: boolean }[],
): number[] | null {
  if (arrays.every((a) => a.isC)) return null;
  const perm = allocationOrder(shape.length, arrays.map((a) => broadcastStrides(a.shape, a.strides, shape)!));
  return perm.every((ax, i) => ax === i) ? null : perm;
}

/**
 * The axis order of a new ufunc result, as NumPy allocates it. Its trivial
 * loop (try_trivial_single_output_loop) takes a call whose operands of one
 * or more axes are already in the loop's dtype, all of the result's very
 * shape and all F- but not C-contiguous, and allocates the result in F
 * order, length-1 axes included (so an F (3, 4, 1) int32 compared with
 * itself gives bool strides (1, 3, 12)); any other call gets the
 * iterator's keep order, `keepOrderPerm`. `loop` is the dtype NumPy's loop
 * reads (after promotion), whatever the kernel computes in.
 * @example ufuncOrderPerm([3, 4, 1], [f, f], "int32") // [2, 1, 0] for an F-contiguous int32 f
 */
export function ufuncOrderPerm(
  shape: readonly number[],
  arrays: readonly { shape: readonly number[]; strides: readonly number[]; isC: boolean; isF: boolean; dtype: string }[],
  loop: string,
): number[] | null {
  // No allocation on the way: a C operand (the common small call) fails at once.
  const trivialF =
    shape.length >= 2 &&
    arrays.some((a) => a.shape.length > 0) &&
    arrays.every((a) => a.shape.length === 0 || (a.dtype === loop && a.isF && !a.isC && a.shape.length === shape.length && a.shape.every((n, i) => n === shape[i])));
  return trivialF ? shape.map((_, i) => shape.length - 1 - i) : keepOrderPerm(shape, arrays);
}

/** `emptyArray`'s layout argument for axis order `perm` (null: C). */
export function orderedLayout(shape: readonly number[], itemsize: number, perm: readonly number[] | null): "C" | number[] {
  return perm === null ? "C" : denseStrides(shape, itemsize, perm);
}

/**
 * Byte strides of a dense array of `shape` whose axes, outer to inner, are
 * `perm`; all zero when the array is empty, as every new empty array in
 * NumPy 2 (a length-1 axis takes the running stride like any other).
 * @example denseStrides([2, 3], 8, [1, 0]) // [8, 16]
 */
export function denseStrides(shape: readonly number[], itemsize: number, perm: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(0);
  if (shape.includes(0)) return out;
  let s = itemsize;
  for (let k = perm.length - 1; k >= 0; k--) {
    const ax = perm[k]!;
    out[ax] = s;
    s *= shape[ax]!;
  }
  return out;
}

/**
 * A loop nest over several operands that share one shape: what every
 * data-moving kernel is handed. Axes of length 1 are dropped; axes are
 * ordered outer to inner by the first operand's stride magnitude (the
 * destination, so writes stream); an axis on which every operand steps
 * backwards is flipped (the base moves to its last element) so memory is
 * walked forwards; neighbouring axes that every operand can walk as one are
 * merged. A contiguous copy ends as one axis; a row copy as two.
 */
export interface LoopPlan {
  /** Lengths, outer to inner; `[]` for a single element. */
  readonly shape: number[];
  /** strides[k] are operand k's byte strides, aligned with `shape`. */
  readonly strides: number[][];
  /** Byte offsets to add to each operand's base address (from flipped axes). */
  readonly offsets: number[];
}

/**
 * Builds the `LoopPlan` for operands of `shape` with the given strides.
 * An empty shape (some length 0) plans as `{ shape: [0] }`.
 * @example planLoops([2, 3], [[24, 8], [24, 8]]).shape // [6]
 */
export function planLoops(shape: readonly number[], stridesList: readonly (readonly number[])[]): LoopPlan {
  const k = stridesList.length;
  const offsets = new Array<number>(k).fill(0);
  const axes: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 0) return { shape: [0], strides: stridesList.map(() => [0]), offsets };
    if (shape[i] !== 1) axes.push(i);
  }
  // Flip axes on which every operand steps backwards (or stands still).
  const flipped = new Set<number>();
  for (const ax of axes) {
    let allNeg = true;
    let anyNeg = false;
    for (const s of stridesList) {
      if (s[ax]! > 0) allNeg = false;
      if (s[ax]! < 0) anyNeg = true;
    }
    if (allNeg && anyNeg) {
      flipped.add(ax);
      for (let j = 0; j < k; j++) offsets[j]! += (shape[ax]! - 1) * stridesList[j]![ax]!;
    }
  }
  const stride = (j: number, ax: number): number => (flipped.has(ax) ? -stridesList[j]![ax]! : stridesList[j]![ax]!);
  // Outer to inner by the first operand's stride magnitude; ties keep the
  // array's own axis order, then the next operand decides. A stable sort.
  axes.sort((a, b) => {
    for (let j = 0; j < k; j++) {
      const d = Math.abs(stride(j, b)) - Math.abs(stride(j, a));
      if (d !== 0) return d;
    }
    return a - b;
  });
  const outShape: number[] = [];
  const outStrides: number[][] = stridesList.map(() => []);
  for (const ax of axes) {
    const n = shape[ax]!;
    const last = outShape.length - 1;
    let merge = last >= 0;
    for (let j = 0; j < k && merge; j++) {
      merge = outStrides[j]![last]! === stride(j, ax) * n;
    }
    if (merge) {
      outShape[last]! *= n;
      for (let j = 0; j < k; j++) outStrides[j]![last] = stride(j, ax);
    } else {
      outShape.push(n);
      for (let j = 0; j < k; j++) outStrides[j]!.push(stride(j, ax));
    }
  }
  return { shape: outShape, strides: outStrides, offsets };
}
