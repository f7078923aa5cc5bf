// Boolean-mask kernels: count, then compact (E[mask]), nonzero, and the
// masked writes (a[mask] = v, putmask, where).
//
// Masks are contiguous bytes, zero = false (the façade makes a contiguous
// copy of any other mask first). The mask is read 16 bytes at a time: an
// all-false block is skipped, any other block is packed with vector
// swizzles from the tables of tables/compact_tables.ts (2x faster than a
// branchless scalar loop on a random half-true mask), except near the
// output's end, where the scalar loop stores up to the block's last true
// element only, so no store ever lands past the output.
//
//   count_nonzero_u8       SIMD: 16 mask bytes per step, bitmask + popcnt
//   compact_N              elements of N bytes where mask (N = 1, 2, 4, 8), SIMD
//   compact_rows           strided rows of `rowBytes` bytes where mask
//   nonzero_flat_u8        int64 positions of the true bytes
//   unravel_i64            flat positions -> one coordinate (div, mod)
//   expand_N               masked scatter: dst[i] = src[j++] where mask, SIMD
//   masked_copy_N          dst[i] = mask ? src[i * sstride] : dst[i], SIMD

import { copyBytes } from "./bytes";
import { COMPACT_W1, COMPACT_W2, COMPACT_W4, COMPACT_W8, EXPAND_W2, EXPAND_W4, EXPAND_W8, LANES_W2, LANES_W4, LANES_W8 } from "./tables/compact_tables";

/** Number of nonzero bytes in [mask, mask + n). */
export function count_nonzero_u8(mask: usize, n: usize): usize {
  let c: usize = 0;
  let i: usize = 0;
  const zero = i8x16.splat(0);
  for (; i + 64 <= n; i += 64) {
    const a = <u32>i8x16.bitmask(i8x16.ne(v128.load(mask + i), zero));
    const b = <u32>i8x16.bitmask(i8x16.ne(v128.load(mask + i, 16), zero));
    const e = <u32>i8x16.bitmask(i8x16.ne(v128.load(mask + i, 32), zero));
    const d = <u32>i8x16.bitmask(i8x16.ne(v128.load(mask + i, 48), zero));
    c += <usize>popcnt<u32>(a | (b << 16)) + <usize>popcnt<u32>(e | (d << 16));
  }
  for (; i + 16 <= n; i += 16) c += <usize>popcnt<u32>(<u32>i8x16.bitmask(i8x16.ne(v128.load(mask + i), zero)));
  for (; i < n; i++) c += <usize>(load<u8>(mask + i) != 0);
  return c;
}

/** 16-bit mask of the nonzero bytes of [mask + i, mask + i + 16). */
@inline function blockBits(mask: usize): u32 {
  return <u32>i8x16.bitmask(i8x16.ne(v128.load(mask), i8x16.splat(0)));
}

/** Swizzle pattern `b` of a compaction table (16 bytes per entry). */
@inline function pattern(table: StaticArray<u8>, b: u32): v128 {
  return v128.load(changetype<usize>(table) + (<usize>b << 4));
}

/**
 * The 16 elements at `s` whose bit is set in `bits`, packed at `o` with
 * vector swizzles; returns the new output end. Every store lies inside
 * [o, o + 16 * w): the caller checks that much room is left.
 */
@inline function packBlock<T>(o: usize, s: usize, bits: u32): usize {
  const w = sizeof<T>();
  if (w == 1) {
    // Two halves of 8 lanes, 8 bytes stored from each.
    const v = v128.load(s);
    const lo = bits & 0xff;
    const hi = bits >> 8;
    store<u64>(o, i64x2.extract_lane(i8x16.swizzle(v, pattern(COMPACT_W1, lo)), 0));
    o += <usize>popcnt<u32>(lo);
    const up = i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
    store<u64>(o, i64x2.extract_lane(i8x16.swizzle(up, pattern(COMPACT_W1, hi)), 0));
    return o + <usize>popcnt<u32>(hi);
  }
  const L = <u32>(16 / <u32>w);
  const laneMask: u32 = (1 << L) - 1;
  const table = w == 2 ? COMPACT_W2 : w == 4 ? COMPACT_W4 : COMPACT_W8;
  for (let q: u32 = 0; q < 16 / L; q++) {
    const b = (bits >> (q * L)) & laneMask;
    v128.store(o, i8x16.swizzle(v128.load(s + <usize>(q << 4)), pattern(table, b)));
    o += <usize>popcnt<u32>(b) * w;
  }
  return o;
}

@inline function compact<T>(dst: usize, src: usize, mask: usize, n: usize, count: usize): usize {
  const w = sizeof<T>();
  const end = dst + count * w;
  let o = dst;
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    const bits = blockBits(mask + i);
    if (bits == 0) continue;
    if (o + 16 * w <= end) {
      o = packBlock<T>(o, src + i * w, bits);
      continue;
    }
    // The last blocks, where a vector store could pass the output's end:
    // each element is stored at the end, which then advances by its mask
    // bit, up to the block's last true element.
    const last = i + <usize>(31 - clz<u32>(bits));
    for (let j = i; j <= last; j++) {
      store<T>(o, load<T>(src + j * w));
      o += select<usize>(w, 0, load<u8>(mask + j) != 0);
    }
  }
  for (; i < n; i++) {
    if (load<u8>(mask + i) != 0) {
      store<T>(o, load<T>(src + i * w));
      o += w;
    }
  }
  return (o - dst) / w;
}

/**
 * Copies the elements of the contiguous `src` whose mask byte is nonzero to
 * `dst`, in order; returns how many. `count` is that number, counted
 * before (the output's capacity): vector stores stay inside it.
 */
export function compact_1(dst: usize, src: usize, mask: usize, n: usize, count: usize): usize {
  return compact<u8>(dst, src, mask, n, count);
}
export function compact_2(dst: usize, src: usize, mask: usize, n: usize, count: usize): usize {
  return compact<u16>(dst, src, mask, n, count);
}
export function compact_4(dst: usize, src: usize, mask: usize, n: usize, count: usize): usize {
  return compact<u32>(dst, src, mask, n, count);
}
export function compact_8(dst: usize, src: usize, mask: usize, n: usize, count: usize): usize {
  return compact<u64>(dst, src, mask, n, count);
}

/**
 * Copies row r (at src + r * rowStride, `rowBytes` contiguous bytes) to the
 * dense dst for every r with mask[r] nonzero; returns the rows written.
 */
export function compact_rows(dst: usize, src: usize, mask: usize, n: usize, rowBytes: usize, rowStride: isize): usize {
  let o = dst;
  for (let r: usize = 0; r < n; r++) {
    if (load<u8>(mask + r) != 0) {
      copyBytes(o, src + <usize>(<isize>r * rowStride), rowBytes);
      o += rowBytes;
    }
  }
  return (o - dst) / rowBytes;
}

/** Writes the int64 positions i of the nonzero mask bytes to `out`; returns how many. */
export function nonzero_flat_u8(out: usize, mask: usize, n: usize): usize {
  let o = out;
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    let bits = blockBits(mask + i);
    // One store per true element: walk the set bits.
    while (bits != 0) {
      store<i64>(o, <i64>(i + <usize>ctz<u32>(bits)));
      o += 8;
      bits &= bits - 1;
    }
  }
  for (; i < n; i++) {
    if (load<u8>(mask + i) != 0) {
      store<i64>(o, <i64>i);
      o += 8;
    }
  }
  return (o - out) >> 3;
}

/** dst[i] = (src[i] / div) % mod for n int64 values (flat position -> coordinate). */
export function unravel_i64(dst: usize, src: usize, n: usize, div: i64, mod: i64): void {
  for (let i: usize = 0; i < n; i++) store<i64>(dst + (i << 3), (load<i64>(src + (i << 3)) / div) % mod);
}

/**
 * Writes the next values at `s` into the lanes of the 16 elements at `d`
 * whose bit is set in `bits`, keeping the others; returns the new read
 * position. Reads lie inside [s, s + 16 * w): the caller checks the room.
 */
@inline function unpackBlock<T>(d: usize, s: usize, bits: u32): usize {
  const w = sizeof<T>();
  const L = <u32>(16 / <u32>w);
  const laneMask: u32 = (1 << L) - 1;
  const spread = w == 2 ? EXPAND_W2 : w == 4 ? EXPAND_W4 : EXPAND_W8;
  const lanes = w == 2 ? LANES_W2 : w == 4 ? LANES_W4 : LANES_W8;
  for (let q: u32 = 0; q < 16 / L; q++) {
    const b = (bits >> (q * L)) & laneMask;
    if (b == 0) continue;
    const at = d + <usize>(q << 4);
    const v = i8x16.swizzle(v128.load(s), pattern(spread, b));
    v128.store(at, v128.bitselect(v, v128.load(at), pattern(lanes, b)));
    s += <usize>popcnt<u32>(b) * w;
  }
  return s;
}

@inline function expand<T>(dst: usize, src: usize, mask: usize, n: usize, avail: usize): void {
  const w = sizeof<T>();
  if (avail == 0) return;
  const end = src + avail * w;
  let s = src;
  let i: usize = 0;
  if (w > 1) {
    for (; i + 16 <= n; i += 16) {
      const bits = blockBits(mask + i);
      if (bits == 0) continue;
      if (s + 16 * w > end) break;
      s = unpackBlock<T>(dst + i * w, s, bits);
    }
  }
  // Branchless from here (a random mask defeats branch prediction): every
  // element is rewritten, with the next value or itself; the read position
  // is clamped to the last value so it never leaves the values.
  const last = end - w;
  for (; i < n; i++) {
    const at = dst + i * w;
    const m = load<u8>(mask + i) != 0;
    store<T>(at, select<T>(load<T>(s < last ? s : last), load<T>(at), m));
    s += select<usize>(w, 0, m);
  }
}

/** Masked scatter into contiguous dst: the k-th true position gets src[k], for k < avail (the values' length). */
export function expand_1(dst: usize, src: usize, mask: usize, n: usize, avail: usize): void {
  expand<u8>(dst, src, mask, n, avail);
}
export function expand_2(dst: usize, src: usize, mask: usize, n: usize, avail: usize): void {
  expand<u16>(dst, src, mask, n, avail);
}
export function expand_4(dst: usize, src: usize, mask: usize, n: usize, avail: usize): void {
  expand<u32>(dst, src, mask, n, avail);
}
export function expand_8(dst: usize, src: usize, mask: usize, n: usize, avail: usize): void {
  expand<u64>(dst, src, mask, n, avail);
}

/** All-ones in the lanes (of T) whose mask byte at `mask` is nonzero: 16 / sizeof<T>() lanes. */
@inline function laneMask<T>(mask: usize): v128 {
  const w = sizeof<T>();
  const zero = i8x16.splat(0);
  if (w == 1) return i8x16.ne(v128.load(mask), zero);
  if (w == 2) return i16x8.extend_low_i8x16_s(i8x16.ne(v128.load64_zero(mask), zero));
  const bytes = w == 4 ? v128.load32_zero(mask) : v128.load16_lane(mask, zero, 0);
  const m32 = i32x4.extend_low_i16x8_s(i16x8.extend_low_i8x16_s(i8x16.ne(bytes, zero)));
  return w == 4 ? m32 : i64x2.extend_low_i32x4_s(m32);
}

@inline function maskedCopy<T>(dst: usize, src: usize, sstride: usize, mask: usize, n: usize): void {
  const w = sizeof<T>();
  let i: usize = 0;
  // One value repeated or a contiguous source: a vector of elements per
  // step, blended by the mask (no branch for a random mask to mispredict).
  if (sstride == 0 || sstride == w) {
    const L = <usize>16 / w;
    const one = v128.splat<T>(load<T>(src));
    for (; i + L <= n; i += L) {
      const at = dst + i * w;
      const v = sstride == 0 ? one : v128.load(src + i * w);
      v128.store(at, v128.bitselect(v, v128.load(at), laneMask<T>(mask + i)));
    }
  }
  for (; i < n; i++) {
    const at = dst + i * w;
    store<T>(at, select<T>(load<T>(src + i * sstride), load<T>(at), load<u8>(mask + i) != 0));
  }
}

/** dst[i] = mask[i] ? src[i] : dst[i] over contiguous dst; `sstride` 0 repeats one value. */
export function masked_copy_1(dst: usize, src: usize, mask: usize, n: usize, sstride: usize): void {
  maskedCopy<u8>(dst, src, sstride, mask, n);
}
export function masked_copy_2(dst: usize, src: usize, mask: usize, n: usize, sstride: usize): void {
  maskedCopy<u16>(dst, src, sstride, mask, n);
}
export function masked_copy_4(dst: usize, src: usize, mask: usize, n: usize, sstride: usize): void {
  maskedCopy<u32>(dst, src, sstride, mask, n);
}
export function masked_copy_8(dst: usize, src: usize, mask: usize, n: usize, sstride: usize): void {
  maskedCopy<u64>(dst, src, sstride, mask, n);
}
