// Draws generic over the bit generator (G = u32: MT19937, G = u64: PCG64,
// so `sizeof<G>()` picks the generator at compile time): bounded integers
// (NumPy's masked rejection and Lemire's method) and random_interval.

import { mtDouble, mtNext, mtNext64 } from "./mt19937";
import { mulhi64, pcgDouble, pcgNext32, pcgNext64 } from "./pcg64";

@inline function next32<G>(st: usize): u32 {
  if (sizeof<G>() == 4) return mtNext(st);
  return pcgNext32(st);
}

@inline function next64<G>(st: usize): u64 {
  if (sizeof<G>() == 4) return mtNext64(st);
  return pcgNext64(st);
}

@inline function nextDouble<G>(st: usize): f64 {
  if (sizeof<G>() == 4) return mtDouble(st);
  return pcgDouble(st);
}

/** Smallest all-ones mask >= max. */
@inline function genMask(max: u64): u64 {
  let m = max;
  m |= m >> 1;
  m |= m >> 2;
  m |= m >> 4;
  m |= m >> 8;
  m |= m >> 16;
  m |= m >> 32;
  return m;
}

/** NumPy's `random_interval`: uniform in [0, max] by masked rejection. */
@inline export function interval<G>(st: usize, max: u64): u64 {
  if (max == 0) return 0;
  const mask = genMask(max);
  let v: u64;
  if (max <= 0xffffffff) {
    do v = <u64>(next32<G>(st)) & mask;
    while (v > max);
  } else {
    do v = next64<G>(st) & mask;
    while (v > max);
  }
  return v;
}

/** Lemire's nearly divisionless bounded draw in [0, rng], rng < 2^64 - 1. */
@inline function lemire64<G>(st: usize, rng: u64): u64 {
  const excl = rng + 1;
  let x = next64<G>(st);
  let left = x * excl;
  if (left < excl) {
    const threshold = (0xffffffffffffffff - rng) % excl;
    while (left < threshold) {
      x = next64<G>(st);
      left = x * excl;
    }
  }
  return mulhi64(x, excl);
}

@inline function lemire32<G>(st: usize, rng: u32): u32 {
  const excl = rng + 1;
  let m = <u64>next32<G>(st) * <u64>excl;
  let left = <u32>m;
  if (left < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (left < threshold) {
      m = <u64>next32<G>(st) * <u64>excl;
      left = <u32>m;
    }
  }
  return <u32>(m >> 32);
}

/** NumPy's `random_bounded_uint64` for one value in [off, off + rng] (wrapping). */
@inline export function bounded64<G>(st: usize, off: u64, rng: u64, masked: bool): u64 {
  if (rng == 0) return off;
  if (rng <= 0xffffffff) {
    if (rng == 0xffffffff) return off + <u64>next32<G>(st);
    if (masked) {
      const mask = <u32>genMask(rng);
      let v: u32;
      do v = next32<G>(st) & mask;
      while (<u64>v > rng);
      return off + <u64>v;
    }
    return off + <u64>lemire32<G>(st, <u32>rng);
  }
  if (rng == 0xffffffffffffffff) return off + next64<G>(st);
  if (masked) {
    const mask = genMask(rng);
    let v: u64;
    do v = next64<G>(st) & mask;
    while (v > rng);
    return off + v;
  }
  return off + lemire64<G>(st, rng);
}

export function boundedU64<G>(st: usize, out: usize, n: usize, off: u64, rng: u64, masked: bool): void {
  for (let i: usize = 0; i < n; i++) store<u64>(out + (i << 3), bounded64<G>(st, off, rng, masked));
}

export function boundedU32<G>(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  if (rng == 0) {
    for (let i: usize = 0; i < n; i++) store<u32>(out + (i << 2), off);
  } else if (rng == 0xffffffff) {
    for (let i: usize = 0; i < n; i++) store<u32>(out + (i << 2), off + next32<G>(st));
  } else if (masked) {
    const mask = <u32>genMask(rng);
    for (let i: usize = 0; i < n; i++) {
      let v: u32;
      do v = next32<G>(st) & mask;
      while (v > rng);
      store<u32>(out + (i << 2), off + v);
    }
  } else {
    for (let i: usize = 0; i < n; i++) store<u32>(out + (i << 2), off + lemire32<G>(st, rng));
  }
}

// 16- and 8-bit draws share one 32-bit word, low part first. The buffer
// lives only for one fill, as in NumPy (each call starts with an empty one).

/**
 * Bounded draws for 8- and 16-bit outputs (T = u8 or u16). NumPy's buffered
 * generator splits each 32-bit draw into 32/bits pieces, lowest first, and
 * uses the masked method or Lemire's on `bits` bits.
 */
export function boundedSmall<G, T>(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  const bits: u32 = <u32>sizeof<T>() * 8;
  const full: u32 = (1 << bits) - 1;
  const pieces: i32 = <i32>(32 / bits) - 1;
  let buf: u32 = 0;
  let left = 0;
  const mask = <u32>genMask(rng);
  const excl = rng + 1;
  for (let i: usize = 0; i < n; i++) {
    let v: u32;
    if (rng == 0) {
      v = 0;
    } else if (rng == full || masked) {
      const m = rng == full ? full : mask;
      do {
        if (left == 0) {
          buf = next32<G>(st);
          left = pieces;
        } else {
          buf >>= bits;
          left--;
        }
        v = buf & m;
      } while (v > rng);
    } else {
      // Lemire on `bits` bits: m = draw * (rng + 1), keep the high half.
      if (left == 0) {
        buf = next32<G>(st);
        left = pieces;
      } else {
        buf >>= bits;
        left--;
      }
      let m = (buf & full) * excl;
      let lo = m & full;
      if (lo < excl) {
        const threshold: u32 = (full - rng) % excl;
        while (lo < threshold) {
          if (left == 0) {
            buf = next32<G>(st);
            left = pieces;
          } else {
            buf >>= bits;
            left--;
          }
          m = (buf & full) * excl;
          lo = m & full;
        }
      }
      v = m >> bits;
    }
    store<T>(out + i * sizeof<T>(), <T>(off + v));
  }
}

/** Booleans: one bit per value from a 32-bit word; rng == 0 means every value is `off`. */
export function boundedBool<G>(st: usize, out: usize, n: usize, off: u32, rng: u32): void {
  if (rng == 0) {
    for (let i: usize = 0; i < n; i++) store<u8>(out + i, <u8>off);
    return;
  }
  let buf: u32 = 0;
  let left = 0;
  for (let i: usize = 0; i < n; i++) {
    if (left == 0) {
      buf = next32<G>(st);
      left = 31;
    } else {
      buf >>= 1;
      left--;
    }
    store<u8>(out + i, <u8>(buf & 1));
  }
}
