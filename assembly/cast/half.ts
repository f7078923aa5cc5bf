// float16 and bfloat16: the marker types and the bit routines, scalar and
// four lanes at a time, that every conversion to or from them goes through.
// (Checked exhaustively: all 65,536 float16 patterns, and float32/float64
// ties, subnormals, overflow at 65520 and NaN payloads, against NumPy.)

// float16 and bfloat16 elements are named by two marker classes that are
// never instantiated. Their (compile-time) sizes tell them apart.
@final @unmanaged export class Half {
  private bits: u16 = 0;
}
@final @unmanaged export class BHalf {
  private bits: u16 = 0;
  private pad: u16 = 0;
}

@inline export function isHalf<T>(): bool {
  return isReference<T>() && offsetof<T>() == 2;
}
@inline export function isBHalf<T>(): bool {
  return isReference<T>() && offsetof<T>() == 4;
}
/** Bytes per element. */
@inline export function size<T>(): usize {
  return isReference<T>() ? 2 : sizeof<T>();
}
@inline export function isInt<T>(): bool {
  return isInteger<T>() && !isBoolean<T>() && !isReference<T>();
}

// ---- scalar ----

/** float16 bits -> float32 bits, exact (NaN payloads kept). */
@inline export function halfToF32Bits(h: u32): u32 {
  const o = (h & 0x7fff) << 13;
  const e = o & 0x0f800000;
  let r = o + 0x38000000; // rebias the exponent: 127 - 15
  if (e == 0x0f800000) {
    r += 0x38000000; // infinity or NaN: exponent all ones
  } else if (e == 0) {
    // Subnormal (or zero): let the FPU normalise m·2^-24 as (2^-14 + m·2^-24) - 2^-14.
    r = reinterpret<u32>(reinterpret<f32>(r + 0x00800000) - reinterpret<f32>(<u32>0x38800000));
  }
  return r | ((h & 0x8000) << 16);
}

/** float32 bits -> float16 bits, round to nearest even; NaN as NumPy's npy_floatbits_to_halfbits. */
@inline export function f32BitsToHalf(u: u32): u32 {
  const sign = (u >>> 16) & 0x8000;
  const a = u & 0x7fffffff;
  let h: u32;
  if (a >= 0x47800000) {
    // >= 65536, infinity or NaN. (65520 <= a < 65536 rounds up to infinity below.)
    if (a > 0x7f800000) {
      const m = (a >>> 13) & 0x3ff;
      h = 0x7c00 | m | u32(m == 0); // keep the top payload bits, stay a NaN
    } else {
      h = 0x7c00;
    }
  } else if (a < 0x38800000) {
    // Below 2^-14: a float16 subnormal. Adding 0.5 (whose ulp is 2^-24)
    // makes the FPU round to the right bit, ties to even.
    h = reinterpret<u32>(reinterpret<f32>(a) + reinterpret<f32>(<u32>0x3f000000)) - 0x3f000000;
  } else {
    // Rebias the exponent and round on bit 13: add 0xfff plus the bit that
    // will become the last mantissa bit (ties to even); a carry moves into
    // the exponent, and up to infinity, by itself.
    h = (a + 0xc8000fff + ((a >>> 13) & 1)) >>> 13;
  }
  return h | sign;
}

/** float64 -> float16 bits, rounded once (NumPy's npy_doublebits_to_halfbits). */
@inline export function f64ToHalf(x: f64): u32 {
  if (x != x) {
    const hi = <u32>(reinterpret<u64>(x) >>> 32);
    const m = (hi >>> 10) & 0x3ff;
    return ((hi >>> 16) & 0x8000) | 0x7c00 | m | u32(m == 0);
  }
  // Round to odd into float32: truncate toward zero, then set the last bit
  // if anything was lost. float32 keeps 13 more bits than float16, so the
  // final rounding to nearest even sees the exact tie/not-tie answer.
  const t = <f32>x;
  let b = reinterpret<u32>(t);
  const back = <f64>t;
  if (abs(back) > abs(x)) b -= 1;
  if (back != x) b |= 1;
  return f32BitsToHalf(b);
}

/** float32 bits -> bfloat16 bits as ml_dtypes: round to nearest even, NaN -> 0x7fc0 with sign. */
@inline export function f32BitsToBHalf(u: u32): u32 {
  if ((u & 0x7fffffff) > 0x7f800000) return ((u >>> 16) & 0x8000) | 0x7fc0;
  return (u + 0x7fff + ((u >>> 16) & 1)) >>> 16;
}

// ---- four lanes (SIMD) ----

@inline export function k32(x: u32): v128 {
  return i32x4.splat(x);
}

/** Four float32 lanes -> four float16 bit patterns in 32-bit lanes: f32BitsToHalf, branch-free. */
@inline export function f32x4ToHalf(v: v128): v128 {
  const sign = v128.and(i32x4.shr_u(v, 16), k32(0x8000));
  const a = v128.and(v, k32(0x7fffffff));
  const norm = i32x4.shr_u(i32x4.add(i32x4.add(a, k32(0xc8000fff)), v128.and(i32x4.shr_u(a, 13), k32(1))), 13);
  const sub = i32x4.sub(f32x4.add(a, k32(0x3f000000)), k32(0x3f000000));
  const m = v128.and(i32x4.shr_u(a, 13), k32(0x3ff));
  const nan = v128.or(v128.or(m, k32(0x7c00)), v128.and(i32x4.eq(m, k32(0)), k32(1)));
  const big = v128.bitselect(nan, k32(0x7c00), i32x4.gt_s(a, k32(0x7f800000)));
  const h = v128.bitselect(sub, norm, i32x4.lt_s(a, k32(0x38800000)));
  return v128.or(v128.bitselect(big, h, i32x4.ge_s(a, k32(0x47800000))), sign);
}

/**
 * Eight float32 lanes (a then b) -> eight float16 patterns. When every lane
 * rounds to a normal float16 (2^-14 <= |x| < 65536), only the rounding add
 * and shift are needed; otherwise the full branch-free f32x4ToHalf.
 */
@inline export function f32x8ToHalf(a: v128, b: v128): v128 {
  const ma = v128.and(a, k32(0x7fffffff));
  const mb = v128.and(b, k32(0x7fffffff));
  const inA = i32x4.lt_u(i32x4.sub(ma, k32(0x38800000)), k32(0x0f000000));
  const inB = i32x4.lt_u(i32x4.sub(mb, k32(0x38800000)), k32(0x0f000000));
  if (!i32x4.all_true(v128.and(inA, inB))) return i16x8.narrow_i32x4_u(f32x4ToHalf(a), f32x4ToHalf(b));
  const ra = i32x4.shr_u(i32x4.add(i32x4.add(ma, k32(0xc8000fff)), v128.and(i32x4.shr_u(ma, 13), k32(1))), 13);
  const rb = i32x4.shr_u(i32x4.add(i32x4.add(mb, k32(0xc8000fff)), v128.and(i32x4.shr_u(mb, 13), k32(1))), 13);
  // The signs: bit 15 of each lane's high half.
  const signs = v128.and(i8x16.shuffle(a, b, 2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23, 26, 27, 30, 31), i16x8.splat(-0x8000));
  return v128.or(i16x8.narrow_i32x4_u(ra, rb), signs);
}

/** Four float16 patterns (zero-extended 32-bit lanes) -> four float32 lanes: halfToF32Bits, branch-free. */
@inline export function halfToF32x4(h: v128): v128 {
  const o = i32x4.shl(v128.and(h, k32(0x7fff)), 13);
  const e = v128.and(o, k32(0x0f800000));
  const r = i32x4.add(o, k32(0x38000000));
  const big = i32x4.add(r, k32(0x38000000));
  const sub = f32x4.sub(i32x4.add(r, k32(0x00800000)), k32(0x38800000));
  let x = v128.bitselect(big, r, i32x4.eq(e, k32(0x0f800000)));
  x = v128.bitselect(sub, x, i32x4.eq(e, k32(0)));
  return v128.or(x, i32x4.shl(v128.and(h, k32(0x8000)), 16));
}

/** Four float32 lanes -> four bfloat16 patterns in 32-bit lanes (f32BitsToBHalf). */
@inline export function f32x4ToBHalf(u: v128): v128 {
  const r = i32x4.shr_u(i32x4.add(i32x4.add(u, k32(0x7fff)), v128.and(i32x4.shr_u(u, 16), k32(1))), 16);
  const nan = v128.or(v128.and(i32x4.shr_u(u, 16), k32(0x8000)), k32(0x7fc0));
  return v128.bitselect(nan, r, i32x4.gt_s(v128.and(u, k32(0x7fffffff)), k32(0x7f800000)));
}

/** Two float64 lanes each of a and b -> four float16 patterns in 32-bit lanes (f64ToHalf). */
@inline export function f64x4ToHalf(a: v128, b: v128): v128 {
  const ta = f32x4.demote_f64x2_zero(a);
  const tb = f32x4.demote_f64x2_zero(b);
  const t = i32x4.shuffle(ta, tb, 0, 1, 4, 5);
  const ba = f64x2.promote_low_f32x4(ta);
  const bb = f64x2.promote_low_f32x4(tb);
  // 64-bit masks -> 32-bit lanes (their low halves).
  const away = i32x4.shuffle(f64x2.gt(f64x2.abs(ba), f64x2.abs(a)), f64x2.gt(f64x2.abs(bb), f64x2.abs(b)), 0, 2, 4, 6);
  const inexact = i32x4.shuffle(f64x2.ne(ba, a), f64x2.ne(bb, b), 0, 2, 4, 6);
  const odd = v128.or(i32x4.add(t, away), v128.and(inexact, k32(1)));
  // NaN lanes keep NumPy's payload rule, from the high words.
  const hi = i32x4.shuffle(a, b, 1, 3, 5, 7);
  const isnan = i32x4.shuffle(f64x2.ne(a, a), f64x2.ne(b, b), 0, 2, 4, 6);
  const m = v128.and(i32x4.shr_u(hi, 10), k32(0x3ff));
  const nan = v128.or(
    v128.or(v128.or(m, k32(0x7c00)), v128.and(i32x4.eq(m, k32(0)), k32(1))),
    v128.and(i32x4.shr_u(hi, 16), k32(0x8000)),
  );
  return v128.bitselect(nan, f32x4ToHalf(odd), isnan);
}

