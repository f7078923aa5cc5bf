// Dtype conversions (astype): one generic loop, instantiated for each of
// the 156 ordered pairs of distinct dtypes as `cast_<source>_<destination>`.
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
// ABI: cast_S_D(src, dst, n, srcStride, dstStride, table, outer) converts
// an inner loop of n elements with the given byte strides, repeated over
// `outer` outer axes described at `table`: 4 words per axis, outermost
// first: length, source stride, destination stride, and a counter the
// façade zeroes. Strides are i32 and wrap modulo 2^32 like the addresses,
// so any stride in a 4 GiB heap works. Contiguous inner loops take SIMD
// paths where one exists; the rest is a scalar loop.

// AssemblyScript has no 16-bit float type and u16 already means uint16, so
// float16 and bfloat16 elements are named by two marker classes that are
// never instantiated. Their (compile-time) sizes tell them apart.
@final @unmanaged class Half {
  private bits: u16 = 0;
}
@final @unmanaged class BHalf {
  private bits: u16 = 0;
  private pad: u16 = 0;
}

@inline function isHalf<T>(): bool {
  return isReference<T>() && offsetof<T>() == 2;
}
@inline function isBHalf<T>(): bool {
  return isReference<T>() && offsetof<T>() == 4;
}
/** Bytes per element. */
@inline function size<T>(): usize {
  return isReference<T>() ? 2 : sizeof<T>();
}
@inline function isInt<T>(): bool {
  return isInteger<T>() && !isBoolean<T>() && !isReference<T>();
}

// ---- Scalar conversions ----

/** float16 bits -> float32 bits, exact (NaN payloads kept). */
@inline function halfToF32Bits(h: u32): u32 {
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
@inline function f32BitsToHalf(u: u32): u32 {
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
@inline function f64ToHalf(x: f64): u32 {
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
@inline function f32BitsToBHalf(u: u32): u32 {
  if ((u & 0x7fffffff) > 0x7f800000) return ((u >>> 16) & 0x8000) | 0x7fc0;
  return (u + 0x7fff + ((u >>> 16) & 1)) >>> 16;
}

/** x86 cvttss2si/cvttsd2si to int32: INT32_MIN for NaN and out of range. */
@inline function cvt32<T>(x: T): i32 {
  return x >= <T>2147483648.0 || x != x ? i32.MIN_VALUE : <i32>x;
}
/** x86 cvttss2si/cvttsd2si to int64: INT64_MIN for NaN and out of range. */
@inline function cvt64<T>(x: T): i64 {
  return x >= <T>9223372036854775808.0 || x != x ? i64.MIN_VALUE : <i64>x;
}
/** What x86-64 compilers emit for a float -> uint64 cast. */
@inline function cvtU64<T>(x: T): i64 {
  return x >= <T>9223372036854775808.0 ? cvt64<T>(x - <T>9223372036854775808.0) ^ i64.MIN_VALUE : cvt64<T>(x);
}

/** Stores x (an i32, u32, i64, u64, f32 or f64 value) as one D element. */
@inline function put<T, D>(d: usize, x: T): void {
  if (isHalf<D>()) {
    if (isFloat<T>() && sizeof<T>() == 8) store<u16>(d, <u16>f64ToHalf(<f64>x));
    else store<u16>(d, <u16>f32BitsToHalf(reinterpret<u32>(<f32>x)));
  } else if (isBHalf<D>()) {
    store<u16>(d, <u16>f32BitsToBHalf(reinterpret<u32>(<f32>x)));
  } else if (isBoolean<D>()) {
    store<u8>(d, <u8>(x != <T>0));
  } else if (isFloat<D>()) {
    store<D>(d, <D>x);
  } else if (isFloat<T>()) {
    if (sizeof<D>() < 4 || (sizeof<D>() == 4 && isSigned<D>())) store<D>(d, <D>cvt32<T>(x));
    else if (sizeof<D>() == 4) store<u32>(d, <u32>cvt64<T>(x));
    else if (isSigned<D>()) store<i64>(d, cvt64<T>(x));
    else store<i64>(d, cvtU64<T>(x));
  } else {
    store<D>(d, <D>x);
  }
}

/** Converts the S element at s into the D element at d. */
@inline function castOne<S, D>(s: usize, d: usize): void {
  if (isHalf<S>()) {
    const h = <u32>load<u16>(s);
    if (isFloat<D>() && sizeof<D>() == 8 && (h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0) {
      // NaN: NumPy widens the payload without quieting it (promote would).
      store<u64>(d, (<u64>(h & 0x8000) << 48) | 0x7ff0000000000000 | (<u64>(h & 0x3ff) << 42));
    } else if (isBHalf<D>()) {
      store<u16>(d, <u16>f32BitsToBHalf(halfToF32Bits(h)));
    } else {
      put<f32, D>(d, reinterpret<f32>(halfToF32Bits(h)));
    }
  } else if (isBHalf<S>()) {
    const u = <u32>load<u16>(s) << 16;
    if (isHalf<D>()) {
      store<u16>(d, <u16>((u & 0x7fffffff) > 0x7f800000 ? ((u >>> 16) & 0x8000) | 0x7e00 : f32BitsToHalf(u)));
    } else {
      put<f32, D>(d, reinterpret<f32>(u));
    }
  } else if (isBoolean<S>()) {
    const b = <i32>load<u8>(s);
    put<i32, D>(d, isBHalf<D>() ? b : i32(b != 0));
  } else if (isInt<S>() && sizeof<S>() < 4) {
    put<i32, D>(d, <i32>load<S>(s));
  } else {
    put<S, D>(d, load<S>(s));
  }
}

// ---- SIMD building blocks (four 32-bit lanes unless named otherwise) ----

@inline function k32(x: u32): v128 {
  return i32x4.splat(x);
}

/** Four float32 lanes -> four float16 bit patterns in 32-bit lanes: f32BitsToHalf, branch-free. */
@inline function f32x4ToHalf(v: v128): v128 {
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
@inline function f32x8ToHalf(a: v128, b: v128): v128 {
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
@inline function halfToF32x4(h: v128): v128 {
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
@inline function f32x4ToBHalf(u: v128): v128 {
  const r = i32x4.shr_u(i32x4.add(i32x4.add(u, k32(0x7fff)), v128.and(i32x4.shr_u(u, 16), k32(1))), 16);
  const nan = v128.or(v128.and(i32x4.shr_u(u, 16), k32(0x8000)), k32(0x7fc0));
  return v128.bitselect(nan, r, i32x4.gt_s(v128.and(u, k32(0x7fffffff)), k32(0x7f800000)));
}

/** Two float64 lanes each of a and b -> four float16 patterns in 32-bit lanes (f64ToHalf). */
@inline function f64x4ToHalf(a: v128, b: v128): v128 {
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

/** Low halves of every lane of a then b, lanes of `w` bytes: integer narrowing by 2 (wraps). */
@inline function narrow2(a: v128, b: v128, w: usize): v128 {
  if (w == 8) return i8x16.shuffle(a, b, 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27);
  if (w == 4) return i8x16.shuffle(a, b, 0, 1, 4, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24, 25, 28, 29);
  return i8x16.shuffle(a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
}

/** Low (hi = false) or high half of v's `w`-byte lanes, widened to 2w bytes. */
@inline function widen2(v: v128, w: usize, signed: bool, hi: bool): v128 {
  if (w == 1) {
    if (signed) return hi ? i16x8.extend_high_i8x16_s(v) : i16x8.extend_low_i8x16_s(v);
    return hi ? i16x8.extend_high_i8x16_u(v) : i16x8.extend_low_i8x16_u(v);
  }
  if (w == 2) {
    if (signed) return hi ? i32x4.extend_high_i16x8_s(v) : i32x4.extend_low_i16x8_s(v);
    return hi ? i32x4.extend_high_i16x8_u(v) : i32x4.extend_low_i16x8_u(v);
  }
  if (signed) return hi ? i64x2.extend_high_i32x4_s(v) : i64x2.extend_low_i32x4_s(v);
  return hi ? i64x2.extend_high_i32x4_u(v) : i64x2.extend_low_i32x4_u(v);
}

/** Integer widening, contiguous: one source vector per step. Returns elements done. */
@inline function widenInts<S, D>(s: usize, d: usize, n: usize): usize {
  const w = sizeof<S>();
  const f = sizeof<D>() / w;
  const sg = isSigned<S>();
  const step: usize = 16 / w;
  let i: usize = 0;
  for (; i + step <= n; i += step) {
    const v = v128.load(s + i * w);
    const o = d + i * sizeof<D>();
    const lo = widen2(v, w, sg, false);
    const hi = widen2(v, w, sg, true);
    if (f == 2) {
      v128.store(o, lo);
      v128.store(o, hi, 16);
    } else {
      const a = widen2(lo, 2 * w, sg, false);
      const b = widen2(lo, 2 * w, sg, true);
      const c = widen2(hi, 2 * w, sg, false);
      const e = widen2(hi, 2 * w, sg, true);
      if (f == 4) {
        v128.store(o, a);
        v128.store(o, b, 16);
        v128.store(o, c, 32);
        v128.store(o, e, 48);
      } else {
        v128.store(o, widen2(a, 4, sg, false));
        v128.store(o, widen2(a, 4, sg, true), 16);
        v128.store(o, widen2(b, 4, sg, false), 32);
        v128.store(o, widen2(b, 4, sg, true), 48);
        v128.store(o, widen2(c, 4, sg, false), 64);
        v128.store(o, widen2(c, 4, sg, true), 80);
        v128.store(o, widen2(e, 4, sg, false), 96);
        v128.store(o, widen2(e, 4, sg, true), 112);
      }
    }
  }
  return i;
}

/** Integer narrowing (wraps), contiguous: one destination vector per step. Returns elements done. */
@inline function narrowInts<S, D>(s: usize, d: usize, n: usize): usize {
  const w = sizeof<S>();
  const f = w / sizeof<D>();
  const step: usize = 16 / sizeof<D>();
  let i: usize = 0;
  for (; i + step <= n; i += step) {
    const p = s + i * w;
    let r: v128;
    if (f == 2) {
      r = narrow2(v128.load(p), v128.load(p, 16), w);
    } else {
      const a = narrow2(v128.load(p), v128.load(p, 16), w);
      const b = narrow2(v128.load(p, 32), v128.load(p, 48), w);
      if (f == 4) {
        r = narrow2(a, b, w / 2);
      } else {
        const c = narrow2(v128.load(p, 64), v128.load(p, 80), w);
        const e = narrow2(v128.load(p, 96), v128.load(p, 112), w);
        r = narrow2(narrow2(a, b, 4), narrow2(c, e, 4), 2);
      }
    }
    v128.store(d + i * sizeof<D>(), r);
  }
  return i;
}

/** Integer -> float32/float64 with a vector path (int32, uint32 directly; int64 within ±2^51, uint64 below 2^52:
 * the integer goes into the mantissa of 2^52, with a 2^51 bias when signed,
 * and the bias is subtracted exactly). */
@inline function intsToFloats<S, D>(s: usize, d: usize, n: usize): usize {
  let i: usize = 0;
  if (sizeof<S>() == 4) {
    for (; i + 4 <= n; i += 4) {
      const v = v128.load(s + (i << 2));
      if (sizeof<D>() == 4) {
        v128.store(d + (i << 2), isSigned<S>() ? f32x4.convert_i32x4_s(v) : f32x4.convert_i32x4_u(v));
      } else {
        const o = d + (i << 3);
        const hi = i64x2.shuffle(v, v, 1, 1);
        v128.store(o, isSigned<S>() ? f64x2.convert_low_i32x4_s(v) : f64x2.convert_low_i32x4_u(v));
        v128.store(o, isSigned<S>() ? f64x2.convert_low_i32x4_s(hi) : f64x2.convert_low_i32x4_u(hi), 16);
      }
    }
  } else {
    // Through an exact float64 (the bias trick above); a float32
    // result then rounds once, from the exact value.
    const bias = isSigned<S>() ? i64x2.splat(0x0008000000000000) : i64x2.splat(0);
    const magic = isSigned<S>() ? i64x2.splat(0x4338000000000000) : i64x2.splat(0x4330000000000000);
    const top = i64x2.splat(0x4330000000000000);
    for (; i + 4 <= n; i += 4) {
      const p = s + (i << 3);
      const o = d + i * sizeof<D>();
      const ta = i64x2.add(v128.load(p), bias);
      const tb = i64x2.add(v128.load(p, 16), bias);
      if (v128.any_true(i64x2.shr_u(v128.or(ta, tb), 52))) {
        for (let k: usize = 0; k < 4; k++) castOne<S, D>(p + (k << 3), o + k * sizeof<D>());
        continue;
      }
      const fa = f64x2.sub(v128.or(ta, top), magic);
      const fb = f64x2.sub(v128.or(tb, top), magic);
      if (sizeof<D>() == 8) {
        v128.store(o, fa);
        v128.store(o, fb, 16);
      } else {
        v128.store(o, i64x2.shuffle(f32x4.demote_f64x2_zero(fa), f32x4.demote_f64x2_zero(fb), 0, 2));
      }
    }
  }
  return i;
}

/** Four float32 lanes -> int32 lanes as cvttps2dq: INT32_MIN for NaN and out of range. */
@inline function f32x4ToI32(x: v128): v128 {
  const bad = v128.or(f32x4.ge(x, f32x4.splat(2147483648.0)), f32x4.ne(x, x));
  return v128.bitselect(k32(0x80000000), i32x4.trunc_sat_f32x4_s(x), bad);
}

/** Two float64 lanes each of a and b -> four int32 lanes as cvttpd2dq. */
@inline function f64x4ToI32(a: v128, b: v128): v128 {
  const ba = v128.or(f64x2.ge(a, f64x2.splat(2147483648.0)), f64x2.ne(a, a));
  const bb = v128.or(f64x2.ge(b, f64x2.splat(2147483648.0)), f64x2.ne(b, b));
  const t = i64x2.shuffle(i32x4.trunc_sat_f64x2_s_zero(a), i32x4.trunc_sat_f64x2_s_zero(b), 0, 2);
  return v128.bitselect(k32(0x80000000), t, i32x4.shuffle(ba, bb, 0, 2, 4, 6));
}

/**
 * float32/float64 -> int8, uint8, int16, uint16, int32: the int32
 * conversion of 16 elements, then their low bytes. Returns elements done.
 */
@inline function floatsToSmallInts<S, D>(s: usize, d: usize, n: usize): usize {
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    const p = s + i * sizeof<S>();
    let q0: v128, q1: v128, q2: v128, q3: v128;
    if (sizeof<S>() == 4) {
      q0 = f32x4ToI32(v128.load(p));
      q1 = f32x4ToI32(v128.load(p, 16));
      q2 = f32x4ToI32(v128.load(p, 32));
      q3 = f32x4ToI32(v128.load(p, 48));
    } else {
      q0 = f64x4ToI32(v128.load(p), v128.load(p, 16));
      q1 = f64x4ToI32(v128.load(p, 32), v128.load(p, 48));
      q2 = f64x4ToI32(v128.load(p, 64), v128.load(p, 80));
      q3 = f64x4ToI32(v128.load(p, 96), v128.load(p, 112));
    }
    const o = d + i * sizeof<D>();
    if (sizeof<D>() == 4) {
      v128.store(o, q0);
      v128.store(o, q1, 16);
      v128.store(o, q2, 32);
      v128.store(o, q3, 48);
    } else if (sizeof<D>() == 2) {
      v128.store(o, narrow2(q0, q1, 4));
      v128.store(o, narrow2(q2, q3, 4), 16);
    } else {
      v128.store(o, narrow2(narrow2(q0, q1, 4), narrow2(q2, q3, 4), 2));
    }
  }
  return i;
}

/**
 * The SIMD part of a contiguous run: converts a prefix of the n elements
 * and returns its length (0 where the pair has no vector path; the scalar
 * loop does the rest).
 */
@inline function castContig<S, D>(s: usize, d: usize, n: usize): usize {
  let i: usize = 0;
  if (isInt<S>() && isInt<D>()) {
    if (sizeof<S>() == sizeof<D>()) {
      memory.copy(d, s, n * sizeof<S>()); // same bits, other signedness
      return n;
    }
    return sizeof<S>() < sizeof<D>() ? widenInts<S, D>(s, d, n) : narrowInts<S, D>(s, d, n);
  } else if (isFloat<S>() && isInt<D>() && (sizeof<D>() < 4 || (sizeof<D>() == 4 && isSigned<D>()))) {
    return floatsToSmallInts<S, D>(s, d, n);
  } else if (isInt<S>() && sizeof<S>() >= 4 && isFloat<D>()) {
    return intsToFloats<S, D>(s, d, n);
  } else if (isFloat<S>() && sizeof<S>() == 4 && isFloat<D>() && sizeof<D>() == 8) {
    for (; i + 4 <= n; i += 4) {
      const v = v128.load(s + (i << 2));
      v128.store(d + (i << 3), f64x2.promote_low_f32x4(v));
      v128.store(d + (i << 3), f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 1)), 16);
    }
  } else if (isFloat<S>() && sizeof<S>() == 8 && isFloat<D>() && sizeof<D>() == 4) {
    for (; i + 4 <= n; i += 4) {
      const p = s + (i << 3);
      const a = f32x4.demote_f64x2_zero(v128.load(p));
      const b = f32x4.demote_f64x2_zero(v128.load(p, 16));
      v128.store(d + (i << 2), i64x2.shuffle(a, b, 0, 2));
    }
  } else if (isFloat<S>() && sizeof<S>() == 4 && isHalf<D>()) {
    for (; i + 8 <= n; i += 8) {
      const p = s + (i << 2);
      v128.store(d + (i << 1), f32x8ToHalf(v128.load(p), v128.load(p, 16)));
    }
  } else if (isHalf<S>() && isFloat<D>() && sizeof<D>() == 4) {
    for (; i + 8 <= n; i += 8) {
      const v = v128.load(s + (i << 1));
      const o = d + (i << 2);
      // Fast path: all eight are normal numbers (exponent neither 0 nor 31).
      // Sign-extend, shift the exponent and mantissa into place, clear the
      // three copies of the sign that landed in the exponent, rebias.
      const e = v128.and(v, i16x8.splat(0x7c00));
      if (i16x8.all_true(i16x8.lt_u(i16x8.sub(e, i16x8.splat(0x0400)), i16x8.splat(0x7800)))) {
        const keep = k32(0x8fffffff);
        v128.store(o, i32x4.add(v128.and(i32x4.shl(i32x4.extend_low_i16x8_s(v), 13), keep), k32(0x38000000)));
        v128.store(o, i32x4.add(v128.and(i32x4.shl(i32x4.extend_high_i16x8_s(v), 13), keep), k32(0x38000000)), 16);
      } else {
        v128.store(o, halfToF32x4(i32x4.extend_low_i16x8_u(v)));
        v128.store(o, halfToF32x4(i32x4.extend_high_i16x8_u(v)), 16);
      }
    }
  } else if (isFloat<S>() && sizeof<S>() == 4 && isBHalf<D>()) {
    for (; i + 8 <= n; i += 8) {
      const p = s + (i << 2);
      v128.store(d + (i << 1), i16x8.narrow_i32x4_u(f32x4ToBHalf(v128.load(p)), f32x4ToBHalf(v128.load(p, 16))));
    }
  } else if (isBHalf<S>() && isFloat<D>() && sizeof<D>() == 4) {
    const z = i32x4.splat(0);
    for (; i + 8 <= n; i += 8) {
      const v = v128.load(s + (i << 1));
      const o = d + (i << 2);
      // bfloat16 is the top half of a float32: interleave zero low halves.
      v128.store(o, i8x16.shuffle(z, v, 0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23));
      v128.store(o, i8x16.shuffle(z, v, 0, 1, 24, 25, 2, 3, 26, 27, 4, 5, 28, 29, 6, 7, 30, 31), 16);
    }
  } else if (isFloat<S>() && sizeof<S>() == 8 && isHalf<D>()) {
    for (; i + 8 <= n; i += 8) {
      const p = s + (i << 3);
      const lo = f64x4ToHalf(v128.load(p), v128.load(p, 16));
      const hi = f64x4ToHalf(v128.load(p, 32), v128.load(p, 48));
      v128.store(d + (i << 1), i16x8.narrow_i32x4_u(lo, hi));
    }
  }
  return i;
}

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

/** The N-d driver behind every export (see the ABI in the header). */
@inline function castND<S, D>(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  let s = src;
  let d = dst;
  while (true) {
    castRun<S, D>(s, d, n, ss, ds);
    let k = outer - 1;
    for (; k >= 0; k--) {
      const e = table + (<usize>k << 4);
      const len = load<u32>(e);
      const sk = <usize>load<i32>(e, 4);
      const dk = <usize>load<i32>(e, 8);
      const c = load<u32>(e, 12) + 1;
      s += sk;
      d += dk;
      if (c < len) {
        store<u32>(e, c, 12);
        break;
      }
      store<u32>(e, 0, 12);
      s -= sk * len;
      d -= dk * len;
    }
    if (k < 0) return;
  }
}

// ---- The 156 instances: cast_<source>_<destination>, NumPy dtype names ----
// (Written out rather than generated: the export list is the kernel ABI.)
export function cast_bool_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_bool_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<bool, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int8_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i8, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint8_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u8, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int16_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i16, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint16_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u16, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int32_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i32, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint32_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u32, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_int64_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<i64, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_uint64_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<u64, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_float16_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<Half, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, f32>(src, dst, n, ss, ds, table, outer);
}
export function cast_bfloat16_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<BHalf, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_float32_float64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f32, f64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_bool(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, bool>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_int8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, i8>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_uint8(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, u8>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_int16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, i16>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_uint16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, u16>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_int32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, i32>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_uint32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, u32>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_int64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, i64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_uint64(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, u64>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_float16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, Half>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_bfloat16(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, BHalf>(src, dst, n, ss, ds, table, outer);
}
export function cast_float64_float32(src: usize, dst: usize, n: usize, ss: isize, ds: isize, table: usize, outer: i32): void {
  castND<f64, f32>(src, dst, n, ss, ds, table, outer);
}
