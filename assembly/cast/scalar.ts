// One element at a time: the x86-64 float -> integer conversions NumPy
// inherits, and castOne, the reference every SIMD path must agree with.

import { isBHalf, isHalf, isInt, f32BitsToBHalf, f32BitsToHalf, f64ToHalf, halfToF32Bits } from "./half";

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
@inline export function castOne<S, D>(s: usize, d: usize): void {
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
