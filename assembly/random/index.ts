// Random kernels: NumPy's MT19937 (RandomState) and PCG64 (Generator) bit
// generators and the distributions stridewise exposes, bit for bit.
//
// No kernel keeps state of its own: a generator's state is a heap block the
// façade allocates, passed by address. Hot loops copy the state into locals,
// run, and write it back once. The layouts (byte offsets) are shared with
// src/random/state.ts:
//
//   MT19937  key: u32[624] @0, pos: i32 @2496, has_gauss: i32 @2500, gauss: f64 @2504
//   PCG64    state: u128 as hi @0, lo @8; inc: hi @16, lo @24;
//            has_uint32: i32 @32, uinteger: u32 @36
//
// The two generators meet in generic helpers through a marker type: `u32`
// stands for MT19937 and `u64` for PCG64, so that `sizeof<G>()` picks the
// generator at compile time and the branch costs nothing. The exports that
// both generators have take a Generator code (../codes.ts) and switch on
// it once per call.
//
// Layout: mt19937.ts, pcg64.ts (each generator and its own draws), log.ts
// (glibc's log), draws.ts (generator-generic bounded integers),
// shuffle.ts, this file (the shared exports). ABI (../abi.ts): the output
// first, then the state (read and advanced), then counts and bounds.

import { DType, Generator } from "../codes";
import { boundedBool, boundedSmall, boundedU32, boundedU64 } from "./draws";
import { intervalSeq, shuffleItems } from "./shuffle";

export { mt19937_seed, mt19937_random_f64, mt19937_uniform_f64, mt19937_gauss_f64, mt19937_normal_f64 } from "./mt19937";
export { pcg64_random_f64, pcg64_random_f32, pcg64_uniform_f64, pcg64_standard_normal_f64, pcg64_normal_f64, pcg64_standard_normal_f32 } from "./pcg64";
export { pcg64_shuffle_int64, pcg64_lemire_seq } from "./shuffle";

/** n uint64 draws off + [0, rng] (masked rejection or Lemire), int64 and uint64 alike. */
export function bounded_uint64(gen: i32, out: usize, st: usize, n: usize, off: u64, rng: u64, masked: bool): void {
  if (gen == Generator.mt19937) boundedU64<u32>(st, out, n, off, rng, masked);
  else boundedU64<u64>(st, out, n, off, rng, masked);
}

function boundedOf<G>(dtype: i32, out: usize, st: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  switch (dtype) {
    case DType.uint32: return boundedU32<G>(st, out, n, off, rng, masked);
    case DType.uint16: return boundedSmall<G, u16>(st, out, n, off, rng, masked);
    case DType.uint8: return boundedSmall<G, u8>(st, out, n, off, rng, masked);
    case DType.bool: return boundedBool<G>(st, out, n, off, rng);
  }
  unreachable();
}

/**
 * n draws off + [0, rng] of dtype uint32, uint16, uint8 (the signed types
 * use the same bits) or bool (masked is ignored: NumPy's bool draws).
 */
export function bounded(gen: i32, dtype: i32, out: usize, st: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  if (gen == Generator.mt19937) boundedOf<u32>(dtype, out, st, n, off, rng, masked);
  else boundedOf<u64>(dtype, out, st, n, off, rng, masked);
}

/** Fisher-Yates in place over n items of itemsize (1, 2, 4, 8) bytes `stride` apart (Generator/RandomState.shuffle). */
export function shuffle(gen: i32, data: usize, st: usize, n: usize, itemsize: usize, stride: isize): void {
  if (gen == Generator.mt19937) shuffleItems<u32>(st, data, n, itemsize, stride);
  else shuffleItems<u64>(st, data, n, itemsize, stride);
}

/** The j of each Fisher-Yates step i = n-1 … 1 as u64 at out, for shuffles of rows done by the façade. */
export function interval_seq(gen: i32, out: usize, st: usize, n: usize): void {
  if (gen == Generator.mt19937) intervalSeq<u32>(st, out, n);
  else intervalSeq<u64>(st, out, n);
}
