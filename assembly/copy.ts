// Strided copy kernels. The façade (src/ops/copy.ts) simplifies both
// layouts with planLoops, picks one of four paths and calls one kernel:
//
//   copy_contiguous   both sides are one block: a single memory.copy
//   copy_rows         the inner axis is contiguous on both sides: one row
//                     copy per step of an N-d outer loop
//   copy_strided_N    anything else, element by element (N = item size)
//   copy_tiled_N      the inner destination axis is strided in the source
//                     but another axis is contiguous there (a transpose):
//                     cache-blocked 2-d tiles, SIMD transposes in registers
//
// Tables (../abi.ts: counts first, the table (t, n) last). The loop nest
// arrives as i32 rows in the scratch area at `t`: shape[n], dst
// strides[n], src strides[n], then n i32 counters the kernel owns while it
// runs. Axes are outer to inner. Addresses are usize and
// strides i32: address arithmetic is mod 2^32, so both signs and addresses
// past 2 GiB work. Kernels check nothing (the façade did) and never allocate.

import { advance, clearCounters, delta } from "./abi";
import { copyBytes } from "./bytes";

@inline function axisLen(t: usize, k: i32): i32 {
  return load<i32>(t + ((<usize>k) << 2));
}
@inline function dstStride(t: usize, n: i32, k: i32): i32 {
  return load<i32>(t + ((<usize>(n + k)) << 2));
}
@inline function srcStride(t: usize, n: i32, k: i32): i32 {
  return load<i32>(t + ((<usize>(2 * n + k)) << 2));
}

// ---- contiguous ----------------------------------------------------------

/** Copies `bytes` bytes from `src` to `dst` (memmove semantics). */
export function copy_contiguous(dst: usize, src: usize, bytes: usize): void {
  memory.copy(dst, src, bytes);
}

// ---- rows ----------------------------------------------------------------

/**
 * Copies `rows` rows of `rowBytes` contiguous bytes. The table holds the
 * `n` outer axes only (the row is the merged inner axis); `rows` is the
 * product of their lengths.
 */
export function copy_rows(dst: usize, src: usize, rows: i32, rowBytes: usize, t: usize, n: i32): void {
  clearCounters(t, 3, n);
  let d = dst;
  let s = src;
  if (n == 1) {
    const ds = <usize>dstStride(t, n, 0);
    const ss = <usize>srcStride(t, n, 0);
    for (let r = 0; r < rows; r++) {
      copyBytes(d, s, rowBytes);
      d += ds;
      s += ss;
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    copyBytes(d, s, rowBytes);
    if (r + 1 < rows) {
      const j = advance(t, n, 2, n);
      d += delta(t, n, 1, j, n);
      s += delta(t, n, 2, j, n);
    }
  }
}

// ---- strided -------------------------------------------------------------

@inline function stridedRow<T>(d: usize, s: usize, len: i32, ds: i32, ss: i32): void {
  if (ss == 0) {
    // A broadcast source (or a fill): one load, many stores.
    const v = load<T>(s);
    if (ds == sizeof<T>()) {
      let i = 0;
      const vv = splat<T>(v);
      for (; i + <i32>(16 / sizeof<T>()) <= len; i += <i32>(16 / sizeof<T>())) v128.store(d + <usize>(i * sizeof<T>()), vv);
      for (; i < len; i++) store<T>(d + <usize>(i * sizeof<T>()), v);
      return;
    }
    for (let i = 0; i < len; i++) {
      store<T>(d, v);
      d += <usize>ds;
    }
    return;
  }
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const a = load<T>(s);
    const b = load<T>(s + <usize>ss);
    const c = load<T>(s + <usize>(2 * ss));
    const e = load<T>(s + <usize>(3 * ss));
    store<T>(d, a);
    store<T>(d + <usize>ds, b);
    store<T>(d + <usize>(2 * ds), c);
    store<T>(d + <usize>(3 * ds), e);
    d += <usize>(4 * ds);
    s += <usize>(4 * ss);
  }
  for (; i < len; i++) {
    store<T>(d, load<T>(s));
    d += <usize>ds;
    s += <usize>ss;
  }
}

@inline function splat<T>(v: T): v128 {
  if (sizeof<T>() == 1) return i8x16.splat(<i8>v);
  if (sizeof<T>() == 2) return i16x8.splat(<i16>v);
  if (sizeof<T>() == 4) return i32x4.splat(<i32>v);
  return i64x2.splat(<i64>v);
}

@inline function strided<T>(dst: usize, src: usize, n: i32, t: usize, rows: i32): void {
  const last = n - 1;
  const len = axisLen(t, last);
  const ds = dstStride(t, n, last);
  const ss = srcStride(t, n, last);
  clearCounters(t, 3, n);
  let d = dst;
  let s = src;
  for (let r = 0; r < rows; r++) {
    stridedRow<T>(d, s, len, ds, ss);
    if (r + 1 < rows) {
      const j = advance(t, n, 2, last);
      d += delta(t, n, 1, j, last);
      s += delta(t, n, 2, j, last);
    }
  }
}

/**
 * Element-by-element copy over `n` axes (n >= 1); `rows` is the product of
 * the lengths of all axes but the last. Source strides may be zero.
 */
export function copy_strided_1(dst: usize, src: usize, rows: i32, t: usize, n: i32): void {
  strided<u8>(dst, src, n, t, rows);
}
export function copy_strided_2(dst: usize, src: usize, rows: i32, t: usize, n: i32): void {
  strided<u16>(dst, src, n, t, rows);
}
export function copy_strided_4(dst: usize, src: usize, rows: i32, t: usize, n: i32): void {
  strided<u32>(dst, src, n, t, rows);
}
export function copy_strided_8(dst: usize, src: usize, rows: i32, t: usize, n: i32): void {
  strided<u64>(dst, src, n, t, rows);
}

// ---- tiled ---------------------------------------------------------------
//
// The last two table axes are A and B: B is contiguous in the destination
// (dst stride = item size) and A is contiguous in the source (src stride =
// item size), as in ascontiguousarray(E.T). Walking either side in order
// strides through the other, one cache line per element. Instead: take a
// band of TILE_BYTES along A (one or two cache lines of every source row),
// and sweep B across it: each step reads K source rows of the band and
// writes K columns into the band's destination rows, transposing K x K
// blocks in registers. The band's destination lines (BAND rows) fill up
// after a few steps and stream out; each source line is read once.

const TILE_BYTES: i32 = 64;

@inline function scalarBlock<T>(d: usize, s: usize, i0: i32, i1: i32, j0: i32, j1: i32, dA: i32, sB: i32): void {
  for (let j = j0; j < j1; j++) {
    const sj = s + <usize>(j * sB);
    const dj = d + <usize>(j * <i32>sizeof<T>());
    for (let i = i0; i < i1; i++) {
      store<T>(dj + <usize>(i * dA), load<T>(sj + <usize>(i * <i32>sizeof<T>())));
    }
  }
}

// 4 x 4 transpose of 32-bit lanes: source rows j..j+3 (4 lanes along A)
// become destination rows i..i+3 (4 lanes along B).
@inline function block4(d: usize, s: usize, dA: i32, sB: i32): void {
  const r0 = v128.load(s);
  const r1 = v128.load(s + <usize>sB);
  const r2 = v128.load(s + <usize>(2 * sB));
  const r3 = v128.load(s + <usize>(3 * sB));
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t2 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(d, i64x2.shuffle(t0, t2, 0, 2));
  v128.store(d + <usize>dA, i64x2.shuffle(t0, t2, 1, 3));
  v128.store(d + <usize>(2 * dA), i64x2.shuffle(t1, t3, 0, 2));
  v128.store(d + <usize>(3 * dA), i64x2.shuffle(t1, t3, 1, 3));
}

// 2 x 2 transpose of 64-bit lanes.
@inline function block8(d: usize, s: usize, dA: i32, sB: i32): void {
  const r0 = v128.load(s);
  const r1 = v128.load(s + <usize>sB);
  v128.store(d, i64x2.shuffle(r0, r1, 0, 2));
  v128.store(d + <usize>dA, i64x2.shuffle(r0, r1, 1, 3));
}

// 8 x 8 transpose of 16-bit lanes in three interleave stages.
@inline function block2(d: usize, s: usize, dA: i32, sB: i32): void {
  const r0 = v128.load(s);
  const r1 = v128.load(s + <usize>sB);
  const r2 = v128.load(s + <usize>(2 * sB));
  const r3 = v128.load(s + <usize>(3 * sB));
  const r4 = v128.load(s + <usize>(4 * sB));
  const r5 = v128.load(s + <usize>(5 * sB));
  const r6 = v128.load(s + <usize>(6 * sB));
  const r7 = v128.load(s + <usize>(7 * sB));
  const a0 = i16x8.shuffle(r0, r1, 0, 8, 1, 9, 2, 10, 3, 11);
  const a1 = i16x8.shuffle(r0, r1, 4, 12, 5, 13, 6, 14, 7, 15);
  const a2 = i16x8.shuffle(r2, r3, 0, 8, 1, 9, 2, 10, 3, 11);
  const a3 = i16x8.shuffle(r2, r3, 4, 12, 5, 13, 6, 14, 7, 15);
  const a4 = i16x8.shuffle(r4, r5, 0, 8, 1, 9, 2, 10, 3, 11);
  const a5 = i16x8.shuffle(r4, r5, 4, 12, 5, 13, 6, 14, 7, 15);
  const a6 = i16x8.shuffle(r6, r7, 0, 8, 1, 9, 2, 10, 3, 11);
  const a7 = i16x8.shuffle(r6, r7, 4, 12, 5, 13, 6, 14, 7, 15);
  const b0 = i32x4.shuffle(a0, a2, 0, 4, 1, 5);
  const b1 = i32x4.shuffle(a0, a2, 2, 6, 3, 7);
  const b2 = i32x4.shuffle(a1, a3, 0, 4, 1, 5);
  const b3 = i32x4.shuffle(a1, a3, 2, 6, 3, 7);
  const b4 = i32x4.shuffle(a4, a6, 0, 4, 1, 5);
  const b5 = i32x4.shuffle(a4, a6, 2, 6, 3, 7);
  const b6 = i32x4.shuffle(a5, a7, 0, 4, 1, 5);
  const b7 = i32x4.shuffle(a5, a7, 2, 6, 3, 7);
  v128.store(d, i64x2.shuffle(b0, b4, 0, 2));
  v128.store(d + <usize>dA, i64x2.shuffle(b0, b4, 1, 3));
  v128.store(d + <usize>(2 * dA), i64x2.shuffle(b1, b5, 0, 2));
  v128.store(d + <usize>(3 * dA), i64x2.shuffle(b1, b5, 1, 3));
  v128.store(d + <usize>(4 * dA), i64x2.shuffle(b2, b6, 0, 2));
  v128.store(d + <usize>(5 * dA), i64x2.shuffle(b2, b6, 1, 3));
  v128.store(d + <usize>(6 * dA), i64x2.shuffle(b3, b7, 0, 2));
  v128.store(d + <usize>(7 * dA), i64x2.shuffle(b3, b7, 1, 3));
}

@inline function tile2d<T>(d: usize, s: usize, nA: i32, nB: i32, dA: i32, sB: i32, band: i32): void {
  const size = <i32>sizeof<T>();
  // K x K register blocks: 16 bytes of lanes per source row.
  const K: i32 = sizeof<T>() == 1 ? 1 : 16 / size;
  for (let i0 = 0; i0 < nA; i0 += band) {
    const i1 = min(i0 + band, nA);
    const iK = K > 1 ? i0 + (i1 - i0) / K * K : i0;
    const jK = K > 1 ? nB / K * K : 0;
    if (K > 1) {
      for (let j = 0; j < jK; j += K) {
        const sj = s + <usize>(j * sB);
        const dj = d + <usize>(j * size);
        for (let i = i0; i < iK; i += K) {
          const sp = sj + <usize>(i * size);
          const dp = dj + <usize>(i * dA);
          if (sizeof<T>() == 2) block2(dp, sp, dA, sB);
          else if (sizeof<T>() == 4) block4(dp, sp, dA, sB);
          else block8(dp, sp, dA, sB);
        }
      }
      if (iK < i1) scalarBlock<T>(d, s, iK, i1, 0, jK, dA, sB);
      if (jK < nB) scalarBlock<T>(d, s, i0, i1, jK, nB, dA, sB);
    } else {
      scalarBlock<T>(d, s, i0, i1, 0, nB, dA, sB);
    }
  }
}

@inline function tiled<T>(dst: usize, src: usize, n: i32, t: usize, rows: i32, band: i32): void {
  const a = n - 2;
  const b = n - 1;
  const nA = axisLen(t, a);
  const nB = axisLen(t, b);
  const dA = dstStride(t, n, a);
  const sB = srcStride(t, n, b);
  clearCounters(t, 3, n);
  let d = dst;
  let s = src;
  for (let r = 0; r < rows; r++) {
    tile2d<T>(d, s, nA, nB, dA, sB, band);
    if (r + 1 < rows) {
      const j = advance(t, n, 2, a);
      d += delta(t, n, 1, j, a);
      s += delta(t, n, 2, j, a);
    }
  }
}

/**
 * Transposing copy over `n` axes (n >= 2): the last two axes are A (source
 * stride = item size) and B (destination stride = item size). `rows` is the
 * product of the lengths of the first n-2 axes; `band` is how many A
 * elements one band takes (0: one cache line's worth).
 */
export function copy_tiled_1(dst: usize, src: usize, rows: i32, band: i32, t: usize, n: i32): void {
  tiled<u8>(dst, src, n, t, rows, band > 0 ? band : TILE_BYTES);
}
export function copy_tiled_2(dst: usize, src: usize, rows: i32, band: i32, t: usize, n: i32): void {
  tiled<u16>(dst, src, n, t, rows, band > 0 ? band : TILE_BYTES / 2);
}
export function copy_tiled_4(dst: usize, src: usize, rows: i32, band: i32, t: usize, n: i32): void {
  tiled<u32>(dst, src, n, t, rows, band > 0 ? band : TILE_BYTES / 4);
}
export function copy_tiled_8(dst: usize, src: usize, rows: i32, band: i32, t: usize, n: i32): void {
  tiled<u64>(dst, src, n, t, rows, band > 0 ? band : TILE_BYTES / 8);
}
