// Gather and scatter kernels for advanced (integer-array) indexing.
//
// The façade (src/ops/gather.ts) reduces every integer-array index to
//   - N positions p over the broadcast index shape (C order), each naming
//     one source block at `src + off[p]`, and
//   - one block layout: the subspace axes left after the indexed ones,
//     simplified by planLoops, as a table of k outer axes plus an inner
//     contiguous row of `rowBytes`.
// The destination of a gather (the source of a scatter) is dense: block p
// starts at `dst + p * blockBytes`.
//
//   gather_rows_i64   one int64 index array, each block one contiguous row:
//                     the row gather (E[ids]); bounds checked in the same pass
//   gather_offsets_i64  adds idx * stride for one int64 index array broadcast
//                     over the index shape into an i32 offset table, checked
//   gather_blocks / scatter_blocks  move the blocks named by the offset table
//   index_wrap_i64 / index_clip_i64  take()'s "wrap" and "clip" modes
//
// Arguments follow ../abi.ts (dst, sources, counts, strides, table last).
// Tables are i32 rows in the scratch area at `t`: shape[k], dst strides[k],
// src strides[k], then k counters the kernel owns. Bounds failures return the
// position p of the first bad index (the façade reads the value and words
// the message); success returns -1. Kernels never allocate.

import { copyBytes } from "./bytes";

/** Copies one row, with the common item sizes as single loads. */
@inline function copyRow(dst: usize, src: usize, bytes: usize): void {
  if (bytes == 4) store<u32>(dst, load<u32>(src));
  else if (bytes == 8) store<u64>(dst, load<u64>(src));
  else if (bytes == 2) store<u16>(dst, load<u16>(src));
  else if (bytes == 1) store<u8>(dst, load<u8>(src));
  else copyBytes(dst, src, bytes);
}

/**
 * Gathers `n` rows of `rowBytes` bytes: row p comes from
 * `src + wrap(idx[p]) * axisStride`, where idx is int64 with byte stride
 * `istride`. Returns -1, or the position of the first index outside
 * [-axisLen, axisLen) (rows before it are written, none after).
 */
export function gather_rows_i64(
  dst: usize,
  src: usize,
  idx: usize,
  n: i32,
  axisLen: i64,
  rowBytes: usize,
  istride: isize,
  axisStride: isize,
): i32 {
  let d = dst;
  let ip = idx;
  for (let p = 0; p < n; p++) {
    let j = load<i64>(ip);
    ip += istride;
    j += select<i64>(axisLen, 0, j < 0);
    if (<u64>j >= <u64>axisLen) return p;
    copyRow(d, src + <usize>(<isize>j * axisStride), rowBytes);
    d += rowBytes;
  }
  return -1;
}

/**
 * For p over an index shape of `nd` axes (table at t: shape[nd], index
 * strides[nd], counters[nd]), adds wrap(idx[p]) * axisStride to off[p]
 * (`first`: stores instead of adding). Returns -1 or the first bad position.
 */
export function gather_offsets_i64(
  off: usize,
  idx: usize,
  n: i32,
  axisLen: i64,
  first: bool,
  axisStride: i32,
  t: usize,
  nd: i32,
): i32 {
  const cnt = t + ((<usize>nd * 2) << 2);
  memory.fill(cnt, 0, (<usize>nd) << 2);
  const inner = nd - 1;
  const innerLen = nd > 0 ? load<i32>(t + ((<usize>inner) << 2)) : 1;
  const innerStride = nd > 0 ? <isize>load<i32>(t + ((<usize>(nd + inner)) << 2)) : 0;
  let ip = idx;
  let p = 0;
  while (p < n) {
    // One run along the inner axis.
    let q = ip;
    for (let i = 0; i < innerLen; i++, p++) {
      let j = load<i64>(q);
      q += innerStride;
      j += select<i64>(axisLen, 0, j < 0);
      if (<u64>j >= <u64>axisLen) return p;
      const o = <i32>j * axisStride;
      const at = off + ((<usize>p) << 2);
      store<i32>(at, first ? o : load<i32>(at) + o);
    }
    if (p >= n) break;
    // Step the outer odometer.
    for (let k = inner - 1; k >= 0; k--) {
      const kk = (<usize>k) << 2;
      const len = load<i32>(t + kk);
      const s = <isize>load<i32>(t + ((<usize>nd) << 2) + kk);
      const c = load<i32>(cnt + kk) + 1;
      if (c < len) {
        store<i32>(cnt + kk, c);
        ip += s;
        break;
      }
      store<i32>(cnt + kk, 0);
      ip -= s * <isize>(len - 1);
    }
  }
  return -1;
}

@inline function moveBlocks(
  dense: usize,
  src: usize,
  off: usize,
  n: i32,
  t: usize,
  k: i32,
  rows: i32,
  rowBytes: usize,
  scatter: bool,
): void {
  if (k == 0) {
    // Each block is one row: the common case (E[ids], a[mask] on 1-d, …).
    let d = dense;
    for (let p = 0; p < n; p++) {
      const s = src + <usize>load<i32>(off + ((<usize>p) << 2));
      if (scatter) copyRow(s, d, rowBytes);
      else copyRow(d, s, rowBytes);
      d += rowBytes;
    }
    return;
  }
  const cnt = t + ((<usize>k * 3) << 2);
  let d = dense;
  for (let p = 0; p < n; p++) {
    let s = src + <usize>load<i32>(off + ((<usize>p) << 2));
    memory.fill(cnt, 0, (<usize>k) << 2);
    for (let r = 0; r < rows; r++) {
      if (scatter) copyRow(s, d, rowBytes);
      else copyRow(d, s, rowBytes);
      if (r + 1 == rows) break;
      for (let a = k - 1; a >= 0; a--) {
        const aa = (<usize>a) << 2;
        const len = load<i32>(t + aa);
        const ds = <isize>load<i32>(t + ((<usize>k) << 2) + aa);
        const ss = <isize>load<i32>(t + ((<usize>k * 2) << 2) + aa);
        const c = load<i32>(cnt + aa) + 1;
        if (c < len) {
          store<i32>(cnt + aa, c);
          d += ds;
          s += ss;
          break;
        }
        store<i32>(cnt + aa, 0);
        d -= ds * <isize>(len - 1);
        s -= ss * <isize>(len - 1);
      }
    }
    // Back to the block start, then past it: blocks are dense.
    d = dense + <usize>(p + 1) * <usize>rows * rowBytes;
  }
}

/**
 * Copies n blocks from `src + off[p]` into the dense `dst`, block p at
 * dst + p * rows * rowBytes. The block is `rows` rows of `rowBytes` bytes
 * walked by the k-axis table at t (dst strides, then src strides).
 */
export function gather_blocks(dst: usize, src: usize, off: usize, n: i32, rows: i32, rowBytes: usize, t: usize, k: i32): void {
  moveBlocks(dst, src, off, n, t, k, rows, rowBytes, false);
}

/** The reverse of gather_blocks: block p of the dense `values` goes to `dst + off[p]` (later blocks win). */
export function scatter_blocks(dst: usize, values: usize, off: usize, n: i32, rows: i32, rowBytes: usize, t: usize, k: i32): void {
  moveBlocks(values, dst, off, n, t, k, rows, rowBytes, true);
}

/** dst[i] = src[i] mod len (Python's modulo: the result is in [0, len)); both int64, contiguous. */
export function index_wrap_i64(dst: usize, src: usize, n: i32, len: i64): void {
  for (let i = 0; i < n; i++) {
    const at = (<usize>i) << 3;
    let r = load<i64>(src + at) % len;
    r += select<i64>(len, 0, r < 0);
    store<i64>(dst + at, r);
  }
}

/** dst[i] = src[i] clipped to [0, len - 1]; both int64, contiguous. */
export function index_clip_i64(dst: usize, src: usize, n: i32, len: i64): void {
  const hi = len - 1;
  for (let i = 0; i < n; i++) {
    const at = (<usize>i) << 3;
    const v = load<i64>(src + at);
    store<i64>(dst + at, select<i64>(0, select<i64>(hi, v, v > hi), v < 0));
  }
}
