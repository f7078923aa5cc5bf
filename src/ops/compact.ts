// Boolean masks on the compact kernels (assembly/compact.ts): counting,
// nonzero positions, compaction and masked writes. Every function takes a
// bool (or any) array, makes it contiguous 0/1 bytes once, and calls one
// kernel per step; "count, then compact" sizes every output exactly.

import { DTYPES } from "../core/dtype.js";
import { dv } from "../core/memory.js";
import { kernels } from "../core/kernels.js";
import { shapeSize } from "../core/layout.js";
import type { NDArray } from "../core/ndarray.js";
import { emptyArray, filling } from "../core/empty.js";
import { copyFrom } from "./cast.js";
import { castInto } from "./cast.js";
import { partsFor, ranges, runParts } from "../core/threads/pool.js";

/**
 * @internal `m` as contiguous bool bytes: `m` itself when it already is a
 * C-contiguous bool array, else a new one (`owned` says which; the caller
 * disposes an owned one). Non-bool arrays become `m != 0`.
 */
export function maskBytes(m: NDArray): { mask: NDArray; owned: boolean } {
  if (m.dtype === "bool" && m.isC) return { mask: m, owned: false };
  const out = emptyArray(m.shape, "bool");
  if (m.dtype === "bool") copyFrom(out, m);
  else castInto(out, m); // NumPy's bool cast: nonzero -> true
  return { mask: out, owned: true };
}

/** @internal Number of true bytes in a contiguous bool array. */
export function countTrue(mask: NDArray): number {
  return kernels().count_nonzero_u8(mask.address("countNonzero"), mask.size) >>> 0;
}

/**
 * @internal The coordinates of the true elements of a contiguous bool
 * array, one int64 array of length nnz per axis (NumPy's nonzero), C order.
 * A 0-d mask has none: the caller handles it.
 */
export function trueCoordinates(mask: NDArray): NDArray[] {
  const k = kernels();
  const n = mask.size;
  const nnz = countTrue(mask);
  const flat = emptyArray([nnz], "int64");
  if (nnz > 0) k.nonzero_flat_u8(flat.address("nonzero"), mask.address("nonzero"), n);
  const nd = mask.ndim;
  if (nd === 1) return [flat];
  const out: NDArray[] = [];
  try {
    let div = shapeSize(mask.shape);
    for (let ax = 0; ax < nd; ax++) {
      const len = mask.shape[ax]!;
      div = len === 0 ? 0 : div / len;
      const c = emptyArray([nnz], "int64");
      out.push(c);
      if (nnz > 0) k.unravel_i64(c.address("nonzero"), flat.address("nonzero"), nnz, BigInt(div), BigInt(len));
    }
  } finally {
    flat.dispose();
  }
  return out;
}

/** @internal The flat C-order positions of the true bytes of a contiguous bool array (int64, length nnz). */
export function truePositions(mask: NDArray): NDArray {
  const nnz = countTrue(mask);
  const flat = emptyArray([nnz], "int64");
  if (nnz > 0) kernels().nonzero_flat_u8(flat.address("nonzero"), mask.address("nonzero"), mask.size);
  return flat;
}

/**
 * @internal Elements of the C-contiguous `src` where the contiguous mask
 * (same size) is true, as a new 1-d array: count, then one compaction pass.
 */
export function compactElements(src: NDArray, mask: NDArray): NDArray {
  const w0 = DTYPES[src.dtype].itemsize;
  const parts = partsFor(mask.size * (1 + 2 * w0));
  if (parts > 1) return compactElementsParts(src, mask, parts);
  const nnz = countTrue(mask);
  const out = emptyArray([nnz], src.dtype);
  if (nnz === 0) return out;
  const k = kernels();
  const d = out.address("compress");
  const s = src.address("compress");
  const m = mask.address("compress");
  const n = mask.size;
  const w = DTYPES[src.dtype].itemsize;
  if (w === 4) k.compact_4(d, s, m, n, nnz);
  else if (w === 8) k.compact_8(d, s, m, n, nnz);
  else if (w === 2) k.compact_2(d, s, m, n, nnz);
  else k.compact_1(d, s, m, n, nnz);
  return out;
}

/**
 * The parallel compaction: the mask is cut into chunks (whole 16-byte
 * blocks), each chunk counted, the counts summed into output offsets, and
 * each chunk compacted to its own offset. Chunks keep their order, so the
 * result is the serial one byte for byte; each chunk's count is its own
 * output capacity, so no vector store crosses into a neighbour's range.
 */
function compactElementsParts(src: NDArray, mask: NDArray, parts: number): NDArray {
  const m = mask.address("compress");
  const chunks = ranges(mask.size, parts, 16);
  const counts = runParts("count_nonzero_u8", chunks.map(([a, b]) => [m + a, b - a])).map((c) => c >>> 0);
  const nnz = counts.reduce((a, b) => a + b, 0);
  const out = emptyArray([nnz], src.dtype);
  if (nnz === 0) return out;
  const d = out.address("compress");
  const s = src.address("compress");
  const w = DTYPES[src.dtype].itemsize;
  const args: number[][] = [];
  let at = 0;
  chunks.forEach(([a, b], i) => {
    if (counts[i]! > 0) args.push([d + at * w, s + a * w, m + a, b - a, counts[i]!]);
    at += counts[i]!;
  });
  return filling(out, () => runParts(`compact_${w}`, args));
}

/**
 * @internal Rows of `src` along axis 0 where the 1-d contiguous mask is
 * true; every row (the other axes) must be C-contiguous. A new array of
 * shape [nnz, ...rest].
 */
export function compactRows(src: NDArray, mask: NDArray): NDArray {
  const nnz = countTrue(mask);
  const out = emptyArray([nnz, ...src.shape.slice(1)], src.dtype);
  const rowBytes = shapeSize(src.shape.slice(1)) * DTYPES[src.dtype].itemsize;
  if (nnz === 0 || rowBytes === 0) return out;
  const d = out.address("compress");
  const s = src.address("compress");
  const m = mask.address("compress");
  const stride = src.strides[0]!;
  const parts = partsFor(2 * nnz * rowBytes);
  if (parts === 1) {
    kernels().compact_rows(d, s, m, mask.size, rowBytes, stride);
    return out;
  }
  // The mask is small (one byte per row): count the chunks here, then
  // each part writes its rows from its chunk's offset on.
  const k = kernels();
  let at = 0;
  const args: number[][] = [];
  for (const [a, b] of ranges(mask.size, parts)) {
    const c = k.count_nonzero_u8(m + a, b - a) >>> 0;
    if (c > 0) args.push([d + at * rowBytes, s + a * stride, m + a, b - a, rowBytes, stride]);
    at += c;
  }
  return filling(out, () => runParts("compact_rows", args));
}

/**
 * @internal dst[i] = mask[i] ? values[i] : dst[i] over a C-contiguous dst;
 * `values` is C-contiguous of dst's dtype with dst's size, or one element
 * (repeated).
 */
export function maskedCopy(dst: NDArray, mask: NDArray, values: NDArray): void {
  const n = dst.size;
  if (n === 0) return;
  const w = DTYPES[dst.dtype].itemsize;
  const ss = values.size === 1 ? 0 : w;
  const k = kernels();
  const d = dst.address("putmask");
  const v = values.address("putmask");
  const m = mask.address("putmask");
  // Element-wise (each position written at most once, by its own part):
  // chunks of whole 16-element blocks never share a vector store.
  const parts = partsFor(n * (2 * w + 1));
  if (parts > 1) {
    runParts(`masked_copy_${w}`, ranges(n, parts, 16).map(([a, b]) => [d + a * w, v + a * ss, m + a, b - a, ss]));
    return;
  }
  if (w === 4) k.masked_copy_4(d, v, m, n, ss);
  else if (w === 8) k.masked_copy_8(d, v, m, n, ss);
  else if (w === 2) k.masked_copy_2(d, v, m, n, ss);
  else k.masked_copy_1(d, v, m, n, ss);
}

/** @internal The masked scatter: the k-th true position of the contiguous dst gets values[k] (contiguous, dst's dtype). */
export function expandInto(dst: NDArray, mask: NDArray, values: NDArray): void {
  const n = dst.size;
  if (n === 0) return;
  const w = DTYPES[dst.dtype].itemsize;
  const k = kernels();
  const d = dst.address("place");
  const v = values.address("place");
  const m = mask.address("place");
  const avail = values.size;
  const parts = partsFor(n * (2 * w + 1));
  if (parts > 1) {
    // Count per chunk, then each chunk reads the values from its prefix
    // on: the k-th true position still gets values[k]. Only when there are
    // enough values (fewer repeat the last one, which a chunk cannot know).
    const chunks = ranges(n, parts, 16);
    const counts = runParts("count_nonzero_u8", chunks.map(([a, b]) => [m + a, b - a])).map((c) => c >>> 0);
    if (counts.reduce((x, y) => x + y, 0) <= avail) {
      const args: number[][] = [];
      let at = 0;
      chunks.forEach(([a, b], i) => {
        if (counts[i]! > 0) args.push([d + a * w, v + at * w, m + a, b - a, counts[i]!]);
        at += counts[i]!;
      });
      runParts(`expand_${w}`, args);
      return;
    }
  }
  if (w === 4) k.expand_4(d, v, m, n, avail);
  else if (w === 8) k.expand_8(d, v, m, n, avail);
  else if (w === 2) k.expand_2(d, v, m, n, avail);
  else k.expand_1(d, v, m, n, avail);
}

/** @internal Reads int64 element `i` of a 1-d array as a number. */
export function readInt64(a: NDArray, i: number): number {
  return Number(dv.getBigInt64(a.address("index") + i * a.strides[0]!, true));
}

void castInto;
