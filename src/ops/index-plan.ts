// Advanced-index planning: what NumPy's prepare_index and mapiter work out
// before any byte moves.
//
// The problem. An index mixing integer arrays, boolean masks, integers,
// slices, newaxis and ellipsis selects, for every position p of the
// broadcast index shape I, one block of the array (the "subspace": the axes
// no array indexes). The result is a copy; its shape and strides follow
// NumPy exactly.
//
// The approach, as NumPy's:
//   - every array becomes an int64 NDArray (JS lists converted once; int64
//     NDArrays used as they are); a k-d boolean mask becomes k coordinate
//     arrays (nonzero) over the k axes it consumes; `true`/`false` become an
//     index [0] / [] over a new length-1 axis;
//   - integers and slices are descriptor arithmetic on the base offset; once
//     any array is present, integers count as advanced for the adjacency
//     rule (a[0, :, [0, 1]] has shape (2, 4));
//   - the arrays broadcast together into I;
//   - the result is laid out in memory as [I, subspace in NumPy's
//     keep-order (axes by decreasing |stride|, stable)], dense, I in C order
//     or, when the subspace holds at most one element, in the iterator's
//     order over the index arrays (see PlanMode); when
//     the advanced components are adjacent, the I axes are then moved to
//     where the first of them stood, otherwise they stay in front.
// Checks happen in NumPy's order: integers and mask shapes while parsing
// (left to right), then broadcasting, then array bounds (in the kernels).

import { DTypeError, IndexError } from "../core/errors.js";
import { DTYPES, type DType } from "../core/dtype.js";
import { array, typedArrayDType } from "./creation.js";
import { emptyArray } from "../core/empty.js";
import { broadcastShapeOf, broadcastStrides, checkIndexedDims, iteratorOrder, keepOrder, MAXDIMS, shapeSize } from "../core/layout.js";
import { NDArray } from "../core/ndarray.js";
import { astype } from "./cast.js";
import { maskBytes, trueCoordinates } from "./compact.js";
import { Slice } from "../views/indexing.js";

export const INVALID_INDEX =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";
const NOT_INTEGER = "arrays used as indices must be of integer (or boolean) type";

/** One integer array of an advanced index, broadcast over the index shape. */
export interface IndexArray {
  /** int64 values. */
  readonly arr: NDArray;
  /** Byte strides of `arr` broadcast to the index shape (in the plan's `indexShape` order). */
  strides: number[];
  /** The axis of the base it indexes (for messages), -1 for a boolean scalar's new axis. */
  readonly axis: number;
  /** Length and byte stride of that axis. */
  readonly len: number;
  readonly stride: number;
}

/** Everything the gather and scatter kernels need, and the result's descriptor. */
export interface AdvancedPlan {
  /** Byte offset into the base's allocation of the first block's origin. */
  offset: number;
  /** The broadcast index shape, its axes in the result's memory order (outer to inner). */
  indexShape: number[];
  /** Number of positions in the index shape. */
  n: number;
  arrays: IndexArray[];
  /** Subspace axes (in result order), their base strides and the result's dense strides. */
  subShape: number[];
  subSrc: number[];
  subDst: number[];
  /** Elements per block. */
  block: number;
  /** The result's shape and strides. */
  shape: number[];
  strides: number[];
  /** Arrays made while planning, disposed by `disposePlan`. */
  temps: NDArray[];
  /**
   * The index axes sit after some subspace axes: NumPy's mapiter then
   * allocates them first and hands back a transposed view (owndata false).
   */
  moved: boolean;
}

/**
 * Whose layout the result takes: `a[idx]` ("get", NumPy's mapiter),
 * `a[idx] = v` ("set": C order over the index, NumPy's write order) or
 * `take` ("take": C order throughout).
 */
export type PlanMode = "get" | "set" | "take";

/** A component after conversion. */
type Part =
  | { kind: "int"; i: number }
  | { kind: "slice"; s: Slice }
  | { kind: "newaxis" }
  | { kind: "ellipsis" }
  | { kind: "array"; a: NDArray }
  | { kind: "mask"; m: NDArray }
  | { kind: "bool"; v: boolean };

/** NumPy's spelling of a shape in index messages: (2,) (1,2). */
export function tupleShape(shape: readonly number[]): string {
  return `(${shape.join(",")}${shape.length === 1 ? "," : ""})`;
}

/**
 * An index component that is neither an integer, a slice, newaxis nor
 * ellipsis, as an NDArray: `x` itself for an NDArray, else a new array
 * (`temps` gets it). IndexError for what NumPy refuses.
 */
function toIndexArray(x: unknown, temps: NDArray[]): NDArray {
  if (x instanceof NDArray) return x;
  if (typedArrayDType(x) !== undefined) {
    const a = array(x as never);
    temps.push(a);
    return a;
  }
  if (Array.isArray(x)) {
    let a: NDArray;
    try {
      a = array(x as never);
    } catch (e) {
      if (e instanceof DTypeError) throw new IndexError(INVALID_INDEX);
      throw e;
    }
    temps.push(a);
    if (a.dtype === "float64") {
      // An empty list is an integer index in NumPy; a list of floats is not an index.
      if (a.size === 0) {
        const b = emptyArray(a.shape, "int64");
        temps.push(b);
        return b;
      }
      throw new IndexError(INVALID_INDEX);
    }
    return a;
  }
  throw new IndexError(INVALID_INDEX);
}

const INT_KINDS = new Set(["i", "u"]);

function classify(comps: readonly unknown[], temps: NDArray[]): Part[] {
  const parts: Part[] = [];
  let ellipses = 0;
  for (const c of comps) {
    if (typeof c === "number") {
      if (!Number.isInteger(c)) throw new IndexError(INVALID_INDEX);
      parts.push({ kind: "int", i: c });
    } else if (c === null) parts.push({ kind: "newaxis" });
    else if (c === "...") {
      if (++ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
      parts.push({ kind: "ellipsis" });
    } else if (typeof c === "boolean") parts.push({ kind: "bool", v: c });
    else if (c instanceof Slice) parts.push({ kind: "slice", s: c });
    else {
      const a = toIndexArray(c, temps);
      if (a.dtype === "bool") {
        if (a.ndim === 0) parts.push({ kind: "bool", v: a.item() as boolean });
        else parts.push({ kind: "mask", m: a });
      } else if (INT_KINDS.has(DTYPES[a.dtype].kind)) {
        // A 0-d integer array is an integer, as in NumPy (it is not listed in broadcast errors).
        if (a.ndim === 0) parts.push({ kind: "int", i: Number(a.item()) });
        else parts.push({ kind: "array", a });
      }
      else throw new IndexError(NOT_INTEGER);
    }
  }
  return parts;
}

/** `a` as an int64 array (itself when it is one). */
function asInt64(a: NDArray, temps: NDArray[]): NDArray {
  if (a.dtype === "int64") return a;
  const b = astype(a, "int64" as DType);
  temps.push(b);
  return b;
}

const adjusted = [0, 0, 0];

/**
 * Plans `a[comps]` for an index with at least one array or boolean
 * component. `adjust` is indexing.ts's slice.indices. Throws NumPy's
 * IndexError for bad components, out-of-bounds integers, mask shapes that
 * do not match and index arrays that do not broadcast; `beforeBroadcast`
 * runs between the first three checks and the last, and gives the value
 * array of a write (null for a scalar).
 */
export function planAdvanced(
  a: NDArray,
  comps: readonly unknown[],
  adjust: (s: Slice, length: number, out: number[]) => void,
  mode: PlanMode = "get",
  beforeBroadcast?: () => NDArray | null,
): AdvancedPlan {
  const temps: NDArray[] = [];
  try {
    return plan(a, comps, adjust, temps, mode, beforeBroadcast);
  } catch (e) {
    for (const t of temps) t.dispose();
    throw e;
  }
}

function plan(
  a: NDArray,
  comps: readonly unknown[],
  adjust: (s: Slice, length: number, out: number[]) => void,
  temps: NDArray[],
  mode: PlanMode,
  beforeBroadcast?: () => NDArray | null,
): AdvancedPlan {
  const parts = classify(comps, temps);
  const ndim = a.ndim;
  let consumed = 0;
  for (const p of parts) {
    if (p.kind === "int" || p.kind === "slice" || p.kind === "array") consumed++;
    else if (p.kind === "mask") consumed += p.m.ndim;
  }
  if (consumed > ndim) {
    throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed`);
  }
  const shape = a.shape;
  const strides = a.strides;
  let offset = a.offset;
  const arrays: IndexArray[] = [];
  const subShape: number[] = [];
  const subSrc: number[] = [];
  // Adjacency: where the first advanced component's axes go in the result
  // (counted in subspace axes before it), and whether another kind of
  // component comes between two advanced ones.
  let insertAt = -1;
  let closed = false;
  let adjacent = true;
  let ax = 0;
  const advanced = (): void => {
    if (insertAt < 0) insertAt = subShape.length;
    else if (closed) adjacent = false;
  };
  const basic = (): void => {
    if (insertAt >= 0) closed = true;
  };
  let intError: IndexError | null = null;
  for (const p of parts) {
    switch (p.kind) {
      case "int": {
        const size = shape[ax]!;
        const j = p.i < 0 ? p.i + size : p.i;
        // NumPy checks integers once every component is parsed (masks' shapes first)
        if (j < 0 || j >= size) intError ??= new IndexError(`index ${p.i} is out of bounds for axis ${ax} with size ${size}`);
        offset += j * strides[ax]!;
        ax++;
        advanced();
        break;
      }
      case "slice": {
        adjust(p.s, shape[ax]!, adjusted);
        subShape.push(adjusted[2]!);
        subSrc.push(adjusted[1]! * strides[ax]! + 0);
        offset += adjusted[0]! * strides[ax]!;
        ax++;
        basic();
        break;
      }
      case "newaxis":
        subShape.push(1);
        subSrc.push(0);
        basic();
        break;
      case "ellipsis":
        for (const end = ax + ndim - consumed; ax < end; ax++) {
          subShape.push(shape[ax]!);
          subSrc.push(strides[ax]!);
        }
        basic();
        break;
      case "array": {
        const arr = asInt64(p.a, temps);
        arrays.push({ arr, strides: [], axis: ax, len: shape[ax]!, stride: strides[ax]! });
        ax++;
        advanced();
        break;
      }
      case "mask": {
        const m = p.m;
        for (let i = 0; i < m.ndim; i++) {
          // NumPy lets an empty mask axis stand for any length (legacy).
          if (m.shape[i] !== shape[ax + i] && m.shape[i] !== 0) {
            throw new IndexError(
              `boolean index did not match indexed array along axis ${ax + i}; size of axis is ${shape[ax + i]} but size of corresponding boolean axis is ${m.shape[i]}`,
            );
          }
        }
        const { mask, owned } = maskBytes(m);
        if (owned) temps.push(mask);
        const coords = trueCoordinates(mask);
        for (let i = 0; i < coords.length; i++) {
          temps.push(coords[i]!);
          arrays.push({ arr: coords[i]!, strides: [], axis: ax + i, len: shape[ax + i]!, stride: strides[ax + i]! });
        }
        ax += m.ndim;
        advanced();
        break;
      }
      case "bool": {
        // A new length-1 axis indexed by [0] (true) or [] (false).
        const b = emptyArray([p.v ? 1 : 0], "int64");
        temps.push(b);
        if (p.v) b.fill(0);
        arrays.push({ arr: b, strides: [], axis: -1, len: 1, stride: 0 });
        advanced();
        break;
      }
    }
  }
  if (intError !== null) throw intError;
  for (; ax < ndim; ax++) {
    subShape.push(shape[ax]!);
    subSrc.push(strides[ax]!);
  }
  // NumPy's mapiter keeps one operand slot free for the subspace.
  if (subShape.length === 0 && arrays.length > MAXDIMS - 1) {
    throw new IndexError(
      `when no subspace is given, the number of index arrays cannot be above ${MAXDIMS - 1}, but ${arrays.length} index arrays found`,
    );
  }
  // NumPy converts an assignment's value (prepare_index is done) before its
  // mapiter broadcasts the index arrays.
  const value = beforeBroadcast?.() ?? null;
  // Broadcast the index arrays.
  const indexShape = broadcastShapeOf(arrays.map((x) => x.arr.shape));
  if (indexShape === null) {
    throw new IndexError(
      `shape mismatch: indexing arrays could not be broadcast together with shapes ${arrays.map((x) => tupleShape(x.arr.shape)).join(" ")} `,
    );
  }
  for (const x of arrays) x.strides = broadcastStrides(x.arr.shape, x.arr.strides, indexShape)!;
  let n = 1;
  for (const d of indexShape) n *= d;
  // Memory order (layout.ts's rules): the subspace innermost, in keep-order
  // of its strides; the index axes outside it, in the order NumPy's mapiter
  // allocates them: its iterator's order over the index arrays when no
  // subspace (or one of a single element) is left, as the iterator then
  // allocates the result itself, C order otherwise; writes walk that same
  // order (the last write wins for repeated indices); take is C order
  // throughout (PyArray_TakeFrom allocates a C array).
  const itemsize = DTYPES[a.dtype].itemsize;
  const ns = subShape.length;
  const block = shapeSize(subShape);
  const subPerm = mode === "take" ? subShape.map((_, i) => i) : keepOrder(subSrc);
  const subDst = new Array<number>(ns);
  let st = itemsize;
  for (let k = ns - 1; k >= 0; k--) {
    const i = subPerm[k]!;
    subDst[i] = st;
    st *= subShape[i]!;
  }
  const ni = indexShape.length;
  const at = adjacent ? insertAt : 0;
  // A write walks the same iterator, with the value's strides voting too: its
  // order decides which of repeated indices is written last.
  const voters = arrays.map((x) => x.strides);
  if (mode === "set" && value !== null) voters.push(valueStrides(value, at, ni, ns + ni));
  const iperm = mode !== "take" && block <= 1 ? iteratorOrder(ni, voters).reverse() : indexShape.map((_, i) => i);
  const idxDst = new Array<number>(ni);
  for (let k = ni - 1; k >= 0; k--) {
    const i = iperm[k]!;
    idxDst[i] = st;
    st *= indexShape[i]!;
  }
  // The kernels walk index positions in C order of `iterShape` and write
  // block p at p * block: the index axes permuted into memory order.
  const iterShape = iperm.map((i) => indexShape[i]!);
  for (const x of arrays) x.strides = iperm.map((i) => x.strides[i]!);
  const outShape = [...subShape.slice(0, at), ...indexShape, ...subShape.slice(at)];
  checkIndexedDims(outShape.length);
  let outStrides = [...subDst.slice(0, at), ...idxDst, ...subDst.slice(at)];
  if (n * block === 0) outStrides = outShape.map(() => 0);
  return { offset, indexShape: iterShape, n, arrays, subShape, subSrc, subDst, block, shape: outShape, strides: outStrides, temps, moved: at > 0 && ni > 0 };
}

/** The value's byte strides over the index axes of a result of `outNdim` axes (0 where it broadcasts). */
function valueStrides(v: NDArray, at: number, ni: number, outNdim: number): number[] {
  const lead = outNdim - v.ndim;
  return Array.from({ length: ni }, (_, j) => {
    const d = at + j - lead;
    return d >= 0 && d < v.ndim && v.shape[d] !== 1 ? v.strides[d]! : 0;
  });
}

/** Frees what planning made. */
export function disposePlan(p: AdvancedPlan): void {
  for (const t of p.temps) t.dispose();
}

/**
 * NumPy's message for index `p` (C order over the index shape) of array `x`
 * being out of bounds.
 */
export function outOfBounds(x: IndexArray, indexShape: readonly number[], p: number, read: (addr: number) => bigint): IndexError {
  let addr = x.arr.address("index");
  for (let k = indexShape.length - 1; k >= 0; k--) {
    const len = indexShape[k]!;
    addr += (p % len) * x.strides[k]!;
    p = Math.floor(p / len);
  }
  const v = read(addr);
  const axis = x.axis < 0 ? 0 : x.axis;
  return new IndexError(`index ${v} is out of bounds for axis ${axis} with size ${x.len}`);
}

