// The reduction operations, one element and one vector at a time (vop has
// no subtraction: fsub serves the squared deviations).

import { Reduce } from "../codes";

@inline export function combine<T>(op: i32, x: T, y: T): T {
  if (op == Reduce.sum) return <T>(x + y);
  if (op == Reduce.prod) return <T>(x * y);
  if (op == Reduce.max) {
    if (isFloat<T>()) return max<T>(x, y);
    return x > y ? x : y;
  }
  if (isFloat<T>()) return min<T>(x, y);
  return x < y ? x : y;
}

@inline export function hasVec<T>(op: i32): bool {
  if (op == Reduce.sum) return true;
  if (op == Reduce.prod) return isFloat<T>() || sizeof<T>() == 2 || sizeof<T>() == 4;
  return isFloat<T>() || sizeof<T>() < 8;
}

@inline export function vop<T>(op: i32, x: v128, y: v128): v128 {
  if (isFloat<T>()) {
    if (sizeof<T>() == 4) {
      if (op == Reduce.sum) return f32x4.add(x, y);
      if (op == Reduce.prod) return f32x4.mul(x, y);
      if (op == Reduce.max) return f32x4.max(x, y);
      return f32x4.min(x, y);
    }
    if (op == Reduce.sum) return f64x2.add(x, y);
    if (op == Reduce.prod) return f64x2.mul(x, y);
    if (op == Reduce.max) return f64x2.max(x, y);
    return f64x2.min(x, y);
  }
  if (sizeof<T>() == 1) {
    if (op == Reduce.sum) return i8x16.add(x, y);
    if (op == Reduce.max) return isSigned<T>() ? i8x16.max_s(x, y) : i8x16.max_u(x, y);
    return isSigned<T>() ? i8x16.min_s(x, y) : i8x16.min_u(x, y);
  }
  if (sizeof<T>() == 2) {
    if (op == Reduce.sum) return i16x8.add(x, y);
    if (op == Reduce.prod) return i16x8.mul(x, y);
    if (op == Reduce.max) return isSigned<T>() ? i16x8.max_s(x, y) : i16x8.max_u(x, y);
    return isSigned<T>() ? i16x8.min_s(x, y) : i16x8.min_u(x, y);
  }
  if (sizeof<T>() == 4) {
    if (op == Reduce.sum) return i32x4.add(x, y);
    if (op == Reduce.prod) return i32x4.mul(x, y);
    if (op == Reduce.max) return isSigned<T>() ? i32x4.max_s(x, y) : i32x4.max_u(x, y);
    return isSigned<T>() ? i32x4.min_s(x, y) : i32x4.min_u(x, y);
  }
  return i64x2.add(x, y);
}

@inline export function fne<T>(x: v128, y: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.ne(x, y) : f64x2.ne(x, y);
}

/** Pseudo max/min (x86's maxps/minps): ignores NaN in the second operand; the callers track NaN. */
@inline export function pext<T>(op: i32, x: v128, y: v128): v128 {
  if (sizeof<T>() == 4) return op == Reduce.max ? f32x4.pmax(x, y) : f32x4.pmin(x, y);
  return op == Reduce.max ? f64x2.pmax(x, y) : f64x2.pmin(x, y);
}

/** Folds the lanes of `v` with `op` by swapping halves, then quarters, … */
@inline export function horizontal<T>(op: i32, v: v128): T {
  v = vop<T>(op, v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  if (sizeof<T>() <= 4) v = vop<T>(op, v, i8x16.shuffle(v, v, 4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11));
  if (sizeof<T>() <= 2) v = vop<T>(op, v, i8x16.shuffle(v, v, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
  if (sizeof<T>() == 1) v = vop<T>(op, v, i8x16.shuffle(v, v, 1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
  return v128.extract_lane<T>(v, 0);
}

/** x - y lane-wise for float T (the reductions' `vop` has no subtraction). */
@inline export function fsub<T>(x: v128, y: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.sub(x, y) : f64x2.sub(x, y);
}
