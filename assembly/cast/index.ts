// Dtype conversions (astype): one generic loop, instantiated for each of
// the 156 ordered pairs of distinct dtypes, behind one export `cast` that
// switches on the two dtype codes.
//
// Values are bit-identical to NumPy 2.4.6 on x86-64, and to ml_dtypes 0.6
// for bfloat16:
// - to bool: x != 0 (NaN is true); from bool: 0 or 1 (ml_dtypes reads a
//   non-canonical bool byte such as 2 as its number when going to bfloat16).
// - integer to integer: two's-complement wrap; to floats: round to nearest
//   even, directly (int64 -> float32 rounds once).
// - float to integer truncates toward zero. NaN, infinity and values out of
//   range do what x86-64 NumPy does with cvttss2si/cvttsd2si:
//     int8, uint8, int16, uint16: low bits of the int32 conversion (so 0
//       for NaN, infinities and anything outside int32)
//     int32: the int32 conversion, INT32_MIN when out of range or NaN
//     uint32: low 32 bits of the int64 conversion (NumPy's scalar loop; its
//       AVX loop over long contiguous float arrays answers differently for
//       NaN and out-of-range values, so NumPy itself is layout-dependent there)
//     int64: the int64 conversion, INT64_MIN when out of range or NaN
//     uint64: x >= 2^63 ? int64(x - 2^63) ^ 2^63 : int64(x)
//   float16 and bfloat16 sources convert through their exact float32 value.
// - float64 -> float16 rounds once, directly (computed as float64 ->
//   float32 rounded to odd, then to float16: round-to-odd with 13 spare
//   bits makes the second rounding exact).
// - bfloat16 follows ml_dtypes: every conversion to it goes through float32
//   (float64 and int64 sources round twice, as ml_dtypes does), NaN becomes
//   0x7fc0 with the sign; bfloat16 -> float16 turns NaN into 0x7e00.
// - NaN payloads: float16 <-> float32/float64 keep them unquieted, as
//   NumPy's software half conversions do; float32 <-> float64 quiet them,
//   as the x86 instructions (and WebAssembly on x86) do.
//
// Layout: half.ts (float16/bfloat16 bits, scalar and SIMD), scalar.ts (one
// element: the reference), simd.ts (contiguous runs), this file (the N-d
// driver and the one export).
//
// ABI (assembly/abi.ts): cast(to, from, dst, src, t, k) converts the
// stride table's loop nest (rows shape, dst strides, src strides,
// counters) from dtype code `from` to dtype code `to` (./codes.ts). The
// inner axis takes a SIMD path where one exists and its strides are the
// item sizes; the rest is a scalar loop.

import { advance, clearCounters, delta, tab } from "../abi";
import { DType } from "../codes";
import { BHalf, Half, size } from "./half";
import { castOne } from "./scalar";
import { castContig } from "./simd";

/** One inner loop: n elements, byte strides ss and ds. */
@inline function castRun<S, D>(s: usize, d: usize, n: usize, ss: isize, ds: isize): void {
  if (ss == <isize>size<S>() && ds == <isize>size<D>()) {
    const done = castContig<S, D>(s, d, n);
    s += done * size<S>();
    d += done * size<D>();
    n -= done;
  }
  for (; n > 0; n--) {
    castOne<S, D>(s, d);
    s += <usize>ss;
    d += <usize>ds;
  }
}

/** Whether S and D are the same element type (compile time). */
@inline function sameType<S, D>(): bool {
  if (isReference<S>() || isReference<D>()) return isReference<S>() && isReference<D>() && offsetof<S>() == offsetof<D>();
  return sizeof<S>() == sizeof<D>() && isFloat<S>() == isFloat<D>() && isSigned<S>() == isSigned<D>() && isBoolean<S>() == isBoolean<D>();
}

/** The N-d driver behind the export (see the ABI above). */
function castND<S, D>(dst: usize, src: usize, t: usize, k: i32): void {
  if (sameType<S, D>()) unreachable(); // the façade copies equal dtypes: trap rather than write nothing
  const last = k - 1;
  const n = <usize>tab(t, 0, k, last);
  const ds = <isize>tab(t, 1, k, last);
  const ss = <isize>tab(t, 2, k, last);
  clearCounters(t, 3, k);
  let s = src;
  let d = dst;
  while (true) {
    castRun<S, D>(s, d, n, ss, ds);
    const j = advance(t, k, 2, last);
    if (j < 0) return;
    d += delta(t, k, 1, j, last);
    s += delta(t, k, 2, j, last);
  }
}

/** One source dtype, every destination (equal dtypes never arrive: the façade copies). */
function castFrom<S>(to: i32, dst: usize, src: usize, t: usize, k: i32): void {
  switch (to) {
    case DType.bool: castND<S, bool>(dst, src, t, k); break;
    case DType.int8: castND<S, i8>(dst, src, t, k); break;
    case DType.uint8: castND<S, u8>(dst, src, t, k); break;
    case DType.int16: castND<S, i16>(dst, src, t, k); break;
    case DType.uint16: castND<S, u16>(dst, src, t, k); break;
    case DType.int32: castND<S, i32>(dst, src, t, k); break;
    case DType.uint32: castND<S, u32>(dst, src, t, k); break;
    case DType.int64: castND<S, i64>(dst, src, t, k); break;
    case DType.uint64: castND<S, u64>(dst, src, t, k); break;
    case DType.float16: castND<S, Half>(dst, src, t, k); break;
    case DType.bfloat16: castND<S, BHalf>(dst, src, t, k); break;
    case DType.float32: castND<S, f32>(dst, src, t, k); break;
    case DType.float64: castND<S, f64>(dst, src, t, k); break;
  }
}

/**
 * Converts the loop nest at (t, k) from dtype `from` at src into dtype `to`
 * at dst (codes of ./codes.ts DType), with NumPy's values (see the header).
 */
export function cast(to: i32, from: i32, dst: usize, src: usize, t: usize, k: i32): void {
  switch (from) {
    case DType.bool: castFrom<bool>(to, dst, src, t, k); break;
    case DType.int8: castFrom<i8>(to, dst, src, t, k); break;
    case DType.uint8: castFrom<u8>(to, dst, src, t, k); break;
    case DType.int16: castFrom<i16>(to, dst, src, t, k); break;
    case DType.uint16: castFrom<u16>(to, dst, src, t, k); break;
    case DType.int32: castFrom<i32>(to, dst, src, t, k); break;
    case DType.uint32: castFrom<u32>(to, dst, src, t, k); break;
    case DType.int64: castFrom<i64>(to, dst, src, t, k); break;
    case DType.uint64: castFrom<u64>(to, dst, src, t, k); break;
    case DType.float16: castFrom<Half>(to, dst, src, t, k); break;
    case DType.bfloat16: castFrom<BHalf>(to, dst, src, t, k); break;
    case DType.float32: castFrom<f32>(to, dst, src, t, k); break;
    case DType.float64: castFrom<f64>(to, dst, src, t, k); break;
  }
}
