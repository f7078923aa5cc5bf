// The scalar semantics of the element-wise ufuncs (the rules are listed in
// ./index.ts): what every SIMD lane must agree with, and what the strided
// loops run.

import { Binary, Unary } from "../codes";

@inline function floorDivInt<T>(x: T, y: T): T {
  if (y == <T>0) return <T>0;
  if (isSigned<T>()) {
    if (y == <T>-1) return <T>(<T>0 - x);
    const q = <T>(x / y);
    const r = <T>(x % y);
    return r != <T>0 && (r ^ y) < <T>0 ? <T>(q - <T>1) : q;
  }
  return <T>(x / y);
}

@inline function modInt<T>(x: T, y: T): T {
  if (y == <T>0) return <T>0;
  if (isSigned<T>()) {
    if (y == <T>-1) return <T>0;
    const r = <T>(x % y);
    return r != <T>0 && (r ^ y) < <T>0 ? <T>(r + y) : r;
  }
  return <T>(x % y);
}

/**
 * NumPy's npy_divmod for float32 and float64: the floor quotient, or (when
 * `wantMod`) the remainder with the divisor's sign.
 */
function divmod<T>(a: T, b: T, wantMod: bool): T {
  const mod0 = a % b;
  if (b == <T>0) return wantMod ? mod0 : a / b;
  let div = (a - mod0) / b;
  let mod = mod0;
  if (mod != <T>0) {
    if ((b < <T>0) != (mod < <T>0)) {
      mod += b;
      div -= <T>1;
    }
  } else {
    mod = copysign<T>(<T>0, b);
  }
  if (wantMod) return mod;
  let fd: T;
  if (div != <T>0) {
    fd = floor<T>(div);
    if (div - fd > <T>0.5) fd += <T>1;
  } else {
    fd = copysign<T>(<T>0, a / b);
  }
  return fd;
}

@inline function powInt<T>(x: T, y: T): T {
  // A negative exponent is an error the façade raises (status 1); never loop on it.
  if (isSigned<T>() && y < <T>0) return <T>0;
  let r: T = <T>1;
  let b: T = x;
  let e: T = y;
  while (e != <T>0) {
    if ((e & <T>1) != <T>0) r = <T>(r * b);
    e = <T>(e >> <T>1);
    b = <T>(b * b);
  }
  return r;
}

@inline export function binScalar<T>(op: i32, x: T, y: T): T {
  if (op == Binary.add) return <T>(x + y);
  if (op == Binary.subtract) return <T>(x - y);
  if (op == Binary.multiply) return <T>(x * y);
  if (op == Binary.divide) return <T>(x / y);
  // Floats as NumPy's loops: y on a tie (±0), NaN from either side.
  if (op == Binary.maximum) {
    if (isFloat<T>() && x != x) return x;
    return y < x ? x : y;
  }
  if (op == Binary.minimum) {
    if (isFloat<T>() && x != x) return x;
    return x < y ? x : y;
  }
  if (op == Binary.floor_divide) {
    if (isFloat<T>()) return divmod<T>(x, y, false);
    return floorDivInt<T>(x, y);
  }
  if (op == Binary.remainder) {
    if (isFloat<T>()) return divmod<T>(x, y, true);
    return modInt<T>(x, y);
  }
  if (op == Binary.power) {
    // C's pow: pow(1, y) = 1 and pow(x, 0) = 1 even for NaN (AssemblyScript's Math.pow answers NaN).
    if (isFloat<T>()) return x == <T>1 || y == <T>0 ? <T>1 : <T>Math.pow(<f64>x, <f64>y);
    return powInt<T>(x, y);
  }
  unreachable();
  return x;
}


@inline export function unScalar<T, R>(op: i32, x: T): R {
  // -x, not 0 - x: the negative of +0.0 is -0.0.
  if (op == Unary.negative) return isFloat<T>() ? <R>(-x) : <R>(<T>0 - x);
  if (op == Unary.square) return <R>(x * x);
  if (op == Unary.absolute) {
    if (isFloat<T>()) return <R>abs<T>(x);
    if (isSigned<T>()) return <R>(x < <T>0 ? <T>(<T>0 - x) : x);
    return <R>x;
  }
  if (op == Unary.sign) {
    if (isFloat<T>()) return <R>(x > <T>0 ? <T>1 : x < <T>0 ? <T>-1 : x == <T>0 ? <T>0 : x);
    if (isSigned<T>()) return <R>(x > <T>0 ? <T>1 : x < <T>0 ? <T>-1 : <T>0);
    return <R>(x > <T>0 ? <T>1 : <T>0);
  }
  if (isFloat<T>()) {
    if (op == Unary.isnan) return <R>(x != x);
    if (op == Unary.isfinite) return <R>(x - x == x - x);
    if (op == Unary.floor) return <R>floor<T>(x);
    if (op == Unary.ceil) return <R>ceil<T>(x);
    if (op == Unary.rint) return <R>nearest<T>(x);
    if (op == Unary.sqrt) return <R>sqrt<T>(x);
    const d = <f64>x;
    if (op == Unary.exp) return <R>Math.exp(d);
    if (op == Unary.log) return <R>Math.log(d);
    if (op == Unary.log1p) return <R>Math.log1p(d);
    if (op == Unary.expm1) return <R>Math.expm1(d);
    if (op == Unary.sin) return <R>Math.sin(d);
    if (op == Unary.cos) return <R>Math.cos(d);
    if (op == Unary.tanh) return <R>Math.tanh(d);
  }
  unreachable();
  return <R>x;
}
