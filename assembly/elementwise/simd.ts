// The SIMD bodies of the element-wise ufuncs: which (op, dtype) pairs have
// one, and the vector operation itself (lanes of the dtype's width).

import { Binary, Unary } from "../codes";

/** Whether a SIMD body exists for (op, T). */
@inline export function hasVec<T>(op: i32): bool {
  if (op == Binary.add || op == Binary.subtract) return true;
  if (op == Binary.multiply) return isFloat<T>() || sizeof<T>() > 1;
  if (op == Binary.divide) return isFloat<T>();
  if (op == Binary.maximum || op == Binary.minimum) return isFloat<T>() || sizeof<T>() < 8;
  return false;
}

@inline export function binVec<T>(op: i32, x: v128, y: v128): v128 {
  if (isFloat<T>()) {
    if (sizeof<T>() == 4) {
      if (op == Binary.add) return f32x4.add(x, y);
      if (op == Binary.subtract) return f32x4.sub(x, y);
      if (op == Binary.multiply) return f32x4.mul(x, y);
      if (op == Binary.divide) return f32x4.div(x, y);
      // NumPy's maximum/minimum: y on a tie (±0), NaN from either side;
      // pmax(y, x) is y unless x is strictly beyond it, then x's NaN put back.
      const m = op == Binary.maximum ? f32x4.pmax(y, x) : f32x4.pmin(y, x);
      return v128.bitselect(x, m, f32x4.ne(x, x));
    }
    if (op == Binary.add) return f64x2.add(x, y);
    if (op == Binary.subtract) return f64x2.sub(x, y);
    if (op == Binary.multiply) return f64x2.mul(x, y);
    if (op == Binary.divide) return f64x2.div(x, y);
    const m = op == Binary.maximum ? f64x2.pmax(y, x) : f64x2.pmin(y, x);
    return v128.bitselect(x, m, f64x2.ne(x, x));
  }
  if (sizeof<T>() == 1) {
    if (op == Binary.add) return i8x16.add(x, y);
    if (op == Binary.subtract) return i8x16.sub(x, y);
    if (op == Binary.maximum) return isSigned<T>() ? i8x16.max_s(x, y) : i8x16.max_u(x, y);
    return isSigned<T>() ? i8x16.min_s(x, y) : i8x16.min_u(x, y);
  }
  if (sizeof<T>() == 2) {
    if (op == Binary.add) return i16x8.add(x, y);
    if (op == Binary.subtract) return i16x8.sub(x, y);
    if (op == Binary.multiply) return i16x8.mul(x, y);
    if (op == Binary.maximum) return isSigned<T>() ? i16x8.max_s(x, y) : i16x8.max_u(x, y);
    return isSigned<T>() ? i16x8.min_s(x, y) : i16x8.min_u(x, y);
  }
  if (sizeof<T>() == 4) {
    if (op == Binary.add) return i32x4.add(x, y);
    if (op == Binary.subtract) return i32x4.sub(x, y);
    if (op == Binary.multiply) return i32x4.mul(x, y);
    if (op == Binary.maximum) return isSigned<T>() ? i32x4.max_s(x, y) : i32x4.max_u(x, y);
    return isSigned<T>() ? i32x4.min_s(x, y) : i32x4.min_u(x, y);
  }
  if (op == Binary.add) return i64x2.add(x, y);
  if (op == Binary.subtract) return i64x2.sub(x, y);
  return i64x2.mul(x, y);
}

@inline export function unHasVec<T>(op: i32): bool {
  if (isFloat<T>()) return op == Unary.negative || op == Unary.absolute || op == Unary.sqrt || op == Unary.square || op == Unary.floor || op == Unary.ceil || op == Unary.rint;
  if (op == Unary.negative) return true;
  if (op == Unary.absolute) return isSigned<T>();
  if (op == Unary.square) return sizeof<T>() == 2 || sizeof<T>() == 4;
  return false;
}

@inline export function unVec<T>(op: i32, x: v128): v128 {
  if (isFloat<T>()) {
    if (sizeof<T>() == 4) {
      if (op == Unary.negative) return f32x4.neg(x);
      if (op == Unary.absolute) return f32x4.abs(x);
      if (op == Unary.sqrt) return f32x4.sqrt(x);
      if (op == Unary.square) return f32x4.mul(x, x);
      if (op == Unary.floor) return f32x4.floor(x);
      if (op == Unary.ceil) return f32x4.ceil(x);
      return f32x4.nearest(x);
    }
    if (op == Unary.negative) return f64x2.neg(x);
    if (op == Unary.absolute) return f64x2.abs(x);
    if (op == Unary.sqrt) return f64x2.sqrt(x);
    if (op == Unary.square) return f64x2.mul(x, x);
    if (op == Unary.floor) return f64x2.floor(x);
    if (op == Unary.ceil) return f64x2.ceil(x);
    return f64x2.nearest(x);
  }
  if (sizeof<T>() == 1) return op == Unary.negative ? i8x16.neg(x) : i8x16.abs(x);
  if (sizeof<T>() == 2) return op == Unary.negative ? i16x8.neg(x) : op == Unary.absolute ? i16x8.abs(x) : i16x8.mul(x, x);
  if (sizeof<T>() == 4) return op == Unary.negative ? i32x4.neg(x) : op == Unary.absolute ? i32x4.abs(x) : i32x4.mul(x, x);
  return op == Unary.negative ? i64x2.neg(x) : i64x2.abs(x);
}
