// Gather and scatter: advanced indexing's data movement on the kernels of
// assembly/gather.ts and assembly/compact.ts.
//
// Paths (named in tests and the bench):
//   rows      one int64 index array, each block one contiguous row:
//             gather_rows_i64 reads the indices, checks them and copies
//             each row in one pass (E[ids]: one memory.copy per row)
//   compact   one boolean mask over every axis of a C-contiguous array
//             (E[E > 0]), or over axis 0 of an array of contiguous rows
//             (E[row_mask]): count, then compact; no index arrays at all
//   blocks    anything else: one pass per index array accumulates byte
//             offsets (checked), then gather_blocks moves every block
// Writes always take "blocks": every index is checked before the first
// byte is written, and the value is first broadcast and cast into a dense
// temporary, which also makes a value that overlaps the destination safe.

import { DTypeError, IndexError, ValueError } from "../core/errors.js";
import { DTYPES } from "../core/dtype.js";
import { dv } from "../core/memory.js";
import { kernels, scratch } from "../core/kernels.js";
import { i32 } from "../core/memory.js";
import { planLoops, broadcastStrides, denseStrides, keepOrder, shapeSize } from "../core/layout.js";
import { NDArray, makeView } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "./creation.js";
import { emptyArray, filling } from "../core/empty.js";
import { disposePlan, outOfBounds, planAdvanced, tupleShape, type AdvancedPlan } from "./index-plan.js";
import { compactElements, compactRows, countTrue, expandInto, maskBytes, maskedCopy } from "./compact.js";
import { fill } from "./copy.js";
import { copyFrom, copyFromStrided } from "./cast.js";
import { overlap } from "./overlap.js";
import type { Slice } from "../views/indexing.js";
import { partsFor, ranges, runParts } from "../core/threads/pool.js";
import { partTable, writeTableAt } from "../core/threads/split.js";

const readI64 = (addr: number): bigint => dv.getBigInt64(addr, true);

/** The path the last advanced get took (tests and the bench read it). */
export let lastGatherPath: "rows" | "compact" | "blocks" = "blocks";

type Adjust = (s: Slice, length: number, out: number[]) => void;

/**
 * @internal `E[ids]` for a 1-d int64 NDArray on a C-contiguous base of at
 * least 1 dimension: the row-gather fast path, checked and gathered in one kernel
 * call. Returns null when the case does not apply.
 */
export function gatherRowsFast(a: NDArray, ids: NDArray, mode: "get" | "take" = "get"): NDArray | null {
  if (ids.dtype !== "int64" || ids.shape.length !== 1 || a.shape.length === 0 || !a.isC) return null;
  const n = ids.shape[0]!;
  const shape = a.shape.slice();
  shape[0] = n;
  const src = a.address("get");
  const idx = ids.address("get");
  // a[ids] lays the row out in keep order of a's strides (take: C order):
  // only length-1 axes can differ from C order here, but their strides show.
  const sub = a.strides.slice(1);
  const layout = mode === "get" && shape.some((d, i) => i > 0 && d === 1) ? denseStrides(shape, DTYPES[a.dtype].itemsize, [0, ...keepOrder(sub).map((i) => i + 1)]) : "C";
  const out = emptyArray(shape, a.dtype, layout);
  if (n === 0) return out;
  // Rows of zero bytes still have their indices checked.
  let rowBytes = DTYPES[a.dtype].itemsize;
  for (let ax = 1; ax < shape.length; ax++) rowBytes *= shape[ax]!;
  const len = a.shape[0]!;
  let bad = -1;
  filling(out, (o) => (bad = gatherRows(o._mem.ptr, src, idx, n, len, rowBytes, ids.strides[0]!, a.strides[0]!)));
  if (bad >= 0) {
    out.dispose();
    throw new IndexError(`index ${readI64(idx + bad * ids.strides[0]!)} is out of bounds for axis 0 with size ${len}`);
  }
  lastGatherPath = "rows";
  return out;
}

/**
 * The row gather, cut into ranges of the index list when large. Returns
 * the first bad position over all parts (-1: none), as one call would.
 */
function gatherRows(d: number, s: number, idx: number, n: number, len: number, rowBytes: number, istride: number, axisStride: number): number {
  const parts = Math.min(partsFor(2 * n * rowBytes), n);
  if (parts <= 1) return kernels().gather_rows_i64(d, s, idx, n, BigInt(len), rowBytes, istride, axisStride);
  const chunks = ranges(n, parts);
  const bad = runParts("gather_rows_i64", chunks.map(([a, b]) => [d + a * rowBytes, s, idx + a * istride, b - a, BigInt(len), rowBytes, istride, axisStride]));
  for (let p = 0; p < chunks.length; p++) if (bad[p]! >= 0) return chunks[p]![0] + bad[p]!;
  return -1;
}

/**
 * gather_blocks over the table blockTable wrote, cut into ranges of block
 * positions when large: blocks are dense in the result, so part [a, b)
 * starts a * blockBytes into it; each part gets its own copy of the table
 * (the kernel keeps its counters there).
 */
function gatherBlocks(dense: number, src: number, off: number, n: number, t: BlockTable): void {
  const { k, rows, rowBytes } = t;
  const parts = Math.min(partsFor(2 * n * rows * rowBytes), n);
  if (parts <= 1) {
    kernels().gather_blocks(dense, src, off, n, rows, rowBytes, scratch(), k);
    return;
  }
  runParts("gather_blocks", ranges(n, parts).map(([a, b], i) => {
    writeTableAt(partTable(i), t.shape, t.strides);
    return [dense + a * rows * rowBytes, src, off + 4 * a, b - a, rows, rowBytes, partTable(i), k];
  }));
}

/**
 * @internal Byte offsets (relative to the plan's origin) of every block,
 * as an int32 array of length n, every index checked. IndexError with
 * NumPy's message for the first index out of bounds (arrays in order).
 */
function blockOffsets(p: AdvancedPlan): NDArray {
  const off = emptyArray([p.n], "int32");
  if (p.n === 0) return off;
  const k = kernels();
  const o = off.address("index");
  const ni = p.indexShape.length;
  let first = true;
  for (const x of p.arrays) {
    const t = scratch();
    const b = t >>> 2;
    for (let j = 0; j < ni; j++) {
      i32[b + j] = p.indexShape[j]!;
      i32[b + ni + j] = x.strides[j]!;
    }
    const bad = k.gather_offsets_i64(o, x.arr.address("index"), p.n, BigInt(x.len), first, x.stride, t, ni);
    if (bad >= 0) {
      off.dispose();
      throw outOfBounds(x, p.indexShape, bad, readI64);
    }
    first = false;
  }
  if (first) off.fill(0);
  return off;
}

/** The outer subspace axes of a block move: their shape, dense and base strides; each block `rows` rows of `rowBytes`. */
interface BlockTable {
  k: number;
  rows: number;
  rowBytes: number;
  shape: number[];
  strides: number[][];
}

/** Writes the block table into scratch and returns it (a split call writes it again per part). */
function blockTable(p: AdvancedPlan, itemsize: number): BlockTable {
  const plan = planLoops(p.subShape, [p.subDst, p.subSrc]);
  const ps = plan.shape;
  const pd = plan.strides[0]!;
  const psrc = plan.strides[1]!;
  let k = ps.length;
  let rowBytes = itemsize;
  if (k > 0 && pd[k - 1] === itemsize && psrc[k - 1] === itemsize) {
    rowBytes = ps[k - 1]! * itemsize;
    k--;
  }
  const shape = ps.slice(0, k);
  const t = { k, rows: shapeSize(shape), rowBytes, shape, strides: [pd.slice(0, k), psrc.slice(0, k)] };
  writeTableAt(scratch(), t.shape, t.strides);
  return t;
}

/** The result's descriptor over a fresh allocation (NumPy's strides). */
function resultArray(a: NDArray, p: AdvancedPlan): NDArray {
  return emptyArray(p.shape, a.dtype, p.strides);
}

/** Address of the dense memory block of a result made by `resultArray`. */
function denseAddress(r: NDArray): number {
  return r._mem.ptr;
}

/**
 * NumPy's boolean fast path: `a[mask]` with one mask over every axis of a
 * C-contiguous array, or a 1-d mask over the rows of an array whose rows
 * are C-contiguous. Null when it does not apply.
 */
function compactFast(a: NDArray, m: NDArray): NDArray | null {
  if (m.dtype !== "bool" || m.ndim === 0 || m.ndim > a.ndim) return null;
  for (let i = 0; i < m.ndim; i++) if (m.shape[i] !== a.shape[i]) return null;
  let out: NDArray | null = null;
  if (m.ndim === a.ndim && a.isC) {
    const { mask, owned } = maskBytes(m);
    try {
      out = compactElements(a, mask);
    } finally {
      if (owned) mask.dispose();
    }
  } else if (m.ndim === 1 && a.ndim > 1) {
    // Rows must be C-contiguous, and NumPy's keep-order layout of them
    // must be C order (stride magnitudes never grow inwards).
    const itemsize = DTYPES[a.dtype].itemsize;
    let expect = itemsize;
    for (let ax = a.ndim - 1; ax >= 1; ax--) {
      if (a.shape[ax] !== 1 && a.strides[ax] !== expect) return null;
      if (ax + 1 < a.ndim && Math.abs(a.strides[ax]!) < Math.abs(a.strides[ax + 1]!)) return null;
      expect *= a.shape[ax]!;
    }
    a.address("get");
    const { mask, owned } = maskBytes(m);
    try {
      out = compactRows(a, mask);
    } finally {
      if (owned) mask.dispose();
    }
  }
  if (out !== null) lastGatherPath = "compact";
  return out;
}

/**
 * @internal `a[comps]` for an index with array or boolean components: a
 * new array with NumPy's shape and strides. Throws NumPy's IndexError for
 * every kind of bad index.
 */
export function gatherIndex(a: NDArray, comps: readonly unknown[], adjust: Adjust, mode: "get" | "take" = "get"): NDArray {
  if (comps.length === 1) {
    const c = comps[0];
    if (c instanceof NDArray && (mode === "get" || c.dtype !== "bool")) {
      const r = c.dtype === "bool" ? compactFast(a, c) : gatherRowsFast(a, c, mode);
      if (r !== null) return r;
    }
  }
  a.address("get");
  const p = planAdvanced(a, comps, adjust, mode);
  try {
    const itemsize = DTYPES[a.dtype].itemsize;
    const off = blockOffsets(p);
    try {
      const out = resultArray(a, p);
      if (p.n > 0 && p.block > 0) {
        const t = blockTable(p, itemsize);
        filling(out, (o) => gatherBlocks(denseAddress(o), a._mem.ptr + p.offset, off.address("get"), p.n, t));
      }
      lastGatherPath = "blocks";
      if (!p.moved || mode !== "get") return out;
      const view = makeView(out, out.shape, out.strides, out.offset);
      out.dispose();
      return view;
    } finally {
      off.dispose();
    }
  } finally {
    disposePlan(p);
  }
}

/** A dense temporary laid out like the plan's result, holding `value` broadcast and cast. */
function valuesFor(a: NDArray, p: AdvancedPlan, value: ArrayLike): NDArray {
  const tmp = resultArray(a, p);
  try {
    if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      fill(tmp, value);
      return tmp;
    }
    const src = asarray(value);
    try {
      let shape = src.shape;
      let strides = src.strides;
      let lead = 0;
      while (shape.length - lead > p.shape.length && shape[lead] === 1) lead++;
      if (lead > 0) {
        shape = shape.slice(lead);
        strides = strides.slice(lead);
      }
      // NumPy's mapiter reshapes a value with extra axes to its trailing ones,
      // which an empty value survives whenever those hold no element either.
      if (src.size === 0 && shape.length > p.shape.length && shapeSize(shape.slice(shape.length - p.shape.length)) === 0) {
        lead = shape.length - p.shape.length;
        shape = shape.slice(lead);
        strides = strides.slice(lead);
      }
      const bs = shape.length > p.shape.length ? null : broadcastStrides(shape, strides, p.shape);
      if (bs === null) {
        throw new ValueError(
          `shape mismatch: value array of shape ${tupleShape(src.shape)} could not be broadcast to indexing result of shape ${tupleShape(p.shape)}`,
        );
      }
      copyFromStrided(tmp, src, bs);
    } finally {
      if (src !== value) src.dispose();
    }
    return tmp;
  } catch (e) {
    tmp.dispose();
    throw e;
  }
}

/**
 * NumPy's boolean assignment fast path, `a[mask] = v` with one mask of
 * a's full shape: v must hold 1 or nnz values. Null when not applicable.
 */
function assignMask(a: NDArray, m: NDArray, value: ArrayLike): boolean {
  if (m.dtype !== "bool" || m.ndim !== a.ndim || m.ndim === 0) return false;
  for (let i = 0; i < m.ndim; i++) {
    if (m.shape[i] !== a.shape[i]) {
      throw new IndexError(
        `boolean index did not match indexed array along axis ${i}; size of axis is ${a.shape[i]} but size of corresponding boolean axis is ${m.shape[i]}`,
      );
    }
  }
  const { mask, owned } = maskBytes(m);
  try {
    const nnz = countTrue(mask);
    // NumPy takes this path for every layout; the kernels here want a C-order `a`,
    // so other layouts are checked by its rules and then scattered generally
    if (!a.isC) {
      if (!(typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")) {
        const v = asarray(value);
        try {
          checkMaskValue(v, nnz);
        } finally {
          if (v !== value) v.dispose();
        }
      }
      return false;
    }
    if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      const one = emptyArray([1], a.dtype);
      try {
        one.fill(value);
        maskedCopyAll(a, mask, one);
      } finally {
        one.dispose();
      }
      return true;
    }
    const v = asarray(value);
    try {
      const size = v.size;
      checkMaskValue(v, nnz);
      // Values already in a's dtype, contiguous and apart from `a` are read in place.
      if (v.dtype === a.dtype && v.isC && overlap(a, v) === "no") {
        if (size === 1 && nnz !== 1) maskedCopyAll(a, mask, v);
        else expandInto(a, mask, v);
        return true;
      }
      const vals = emptyArray([size], a.dtype);
      try {
        const flat = makeView(v, [size], [size === 1 ? 0 : v.strides.find((_, i) => v.shape[i] !== 1) ?? 0], v.offset, v.dtype, false);
        try {
          copyFrom(vals, flat);
        } finally {
          flat.dispose();
        }
        if (size === 1 && nnz !== 1) maskedCopyAll(a, mask, vals);
        else expandInto(a, mask, vals);
      } finally {
        vals.dispose();
      }
    } finally {
      if (v !== value) v.dispose();
    }
    return true;
  } finally {
    if (owned) mask.dispose();
  }
}

function isBoolList(x: unknown): boolean {
  if (!Array.isArray(x)) return false;
  let y: unknown = x;
  while (Array.isArray(y) && y.length > 0) y = y[0];
  return typeof y === "boolean";
}

/** A boolean scalar indexing a 0-d array is NumPy's full-shape mask (a 0-d one), with its value checks. */
function assignScalarMask(a: NDArray, flag: boolean, value: ArrayLike): void {
  const v = typeof value === "object" ? asarray(value) : asarray(value, { dtype: a.dtype });
  try {
    checkMaskValue(v, flag ? 1 : 0);
    if (flag) copyFromStrided(a, v, []);
  } finally {
    if (v !== value) v.dispose();
  }
}

/** NumPy's checks on the value of `a[mask] = v`, in its order. */
function checkMaskValue(v: NDArray, nnz: number): void {
  if (v.ndim > 1) {
    throw new DTypeError(`NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${v.ndim} dimensions`);
  }
  if (v.size !== 1 && v.size !== nnz) {
    throw new ValueError(
      `NumPy boolean array indexing assignment cannot assign ${v.size} input values to the ${nnz} output values where the mask is true`,
    );
  }
}

function maskedCopyAll(a: NDArray, mask: NDArray, one: NDArray): void {
  maskedCopy(a, mask, one);
}

/**
 * The value array itself when the scatter can read it in place: already in
 * the indexing result's shape, strides (the dense block order the kernel
 * reads, usually C) and `a`'s dtype, and not overlapping `a` (a write could
 * change it mid-scatter).
 * Null when it must be broadcast, cast or staged in a temporary first.
 */
function directValues(a: NDArray, p: AdvancedPlan, value: ArrayLike): NDArray | null {
  if (!(value instanceof NDArray) || value.dtype !== a.dtype || value.shape.length !== p.shape.length) return null;
  for (let i = 0; i < p.shape.length; i++) if (value.shape[i] !== p.shape[i] || value.strides[i] !== p.strides[i]) return null;
  return overlap(a, value) === "no" ? value : null;
}

/**
 * @internal `a[comps] = value` for an index with array or boolean
 * components. Repeated indices: the last write wins, as NumPy. Nothing is
 * written unless every index is valid and the value broadcasts.
 */
export function scatterIndex(a: NDArray, comps: readonly unknown[], value: ArrayLike, adjust: Adjust): void {
  a.checkWriteable();
  a.address("set");
  if (comps.length === 1 && comps[0] instanceof NDArray && assignMask(a, comps[0], value)) return;
  if (comps.length === 1 && isBoolList(comps[0])) {
    // NumPy makes a list of booleans an array first: a full-shape one is its mask fast path too
    const m = asarray(comps[0] as ArrayLike);
    try {
      if (m.dtype === "bool" && assignMask(a, m, value)) return;
    } finally {
      m.dispose();
    }
  }
  if (comps.length === 1 && a.ndim === 0 && (typeof comps[0] === "boolean" || (comps[0] instanceof NDArray && comps[0].dtype === "bool" && comps[0].ndim === 0))) {
    assignScalarMask(a, comps[0] === true || (comps[0] instanceof NDArray && comps[0].item() === true), value);
    return;
  }
  // NumPy converts the value (a scalar's range errors too) before its mapiter broadcasts the index arrays
  const conv: { arr: NDArray | null } = { arr: null };
  const convert = (): NDArray | null => {
    if (!(typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")) return (conv.arr = asarray(value));
    const one = emptyArray([1], a.dtype);
    try {
      fill(one, value);
    } finally {
      one.dispose();
    }
    return null;
  };
  try {
    scatterPlanned(a, planAdvanced(a, comps, adjust, "set", convert), conv.arr ?? value);
  } finally {
    if (conv.arr !== null && conv.arr !== value) conv.arr.dispose();
  }
}

function scatterPlanned(a: NDArray, p: AdvancedPlan, value: ArrayLike): void {
  try {
    // and broadcasts it before it checks the index arrays' bounds
    const direct = directValues(a, p, value);
    const vals = direct ?? valuesFor(a, p, value);
    try {
      const off = blockOffsets(p);
      try {
        if (p.n > 0 && p.block > 0) {
          const { k, rows, rowBytes } = blockTable(p, DTYPES[a.dtype].itemsize);
          kernels().scatter_blocks(a._mem.ptr + p.offset, vals.address("set"), off.address("set"), p.n, rows, rowBytes, scratch(), k);
        }
      } finally {
        off.dispose();
      }
    } finally {
      if (direct === null) vals.dispose();
    }
  } finally {
    disposePlan(p);
  }
}

void shapeSize;
